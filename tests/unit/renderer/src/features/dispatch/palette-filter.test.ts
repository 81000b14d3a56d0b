import { describe, expect, it } from 'vitest';
import { filterItems } from '../../../../../../renderer/src/features/dispatch/palette-filter';

describe('the palette filter', () => {
  const items = [
    { label: '派单', words: 'dispatch' },
    { label: '签收', words: 'sign' },
    { label: '切换到：超期（6）', words: 'queue overdue' },
  ];
  it('matches the Chinese name or the English words, every part, any case', () => {
    expect(filterItems(items, '签收')).toEqual([items[1]]);
    expect(filterItems(items, 'SIGN')).toEqual([items[1]]);
    expect(filterItems(items, 'queue over')).toEqual([items[2]]);
    expect(filterItems(items, '  ')).toEqual(items);
    expect(filterItems(items, '派单 sign')).toEqual([]);
  });
});
