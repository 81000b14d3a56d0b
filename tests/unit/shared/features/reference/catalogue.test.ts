import { describe, expect, it } from 'vitest';
import { categoriesForChannel, type Category } from '../../../../../shared/features/reference/catalogue';

const cat = (code: string, extra: Partial<Category> = {}): Category => ({
  code,
  name: code,
  level: 3,
  parentCode: code.slice(0, 5),
  defaultUrgency: 'P2',
  ...extra,
});

describe('categoriesForChannel', () => {
  const all = [
    cat('01.01.001'),
    cat('01.01.002', { staffOnly: true }),
    cat('01.01.901', { historyOnly: true }),
  ];

  it('hides staff-only categories from citizen channels only', () => {
    expect(categoriesForChannel(all, 'hotline').map((c) => c.code)).toEqual(['01.01.001']);
    expect(categoriesForChannel(all, 'grid').map((c) => c.code)).toEqual(['01.01.001', '01.01.002']);
  });

  it('hides 历史分类 from every channel: they hold imported history only', () => {
    for (const channel of ['hotline', 'walk_in', 'volunteer', 'grid', 'iot', 'proactive'])
      expect(categoriesForChannel(all, channel).map((c) => c.code)).not.toContain('01.01.901');
  });
});
