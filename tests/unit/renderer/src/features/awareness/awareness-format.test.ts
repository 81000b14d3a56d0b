import { describe, expect, it } from 'vitest';
import {
  countDelta,
  pct,
  rateDelta,
} from '../../../../../../renderer/src/features/awareness/awareness-format';
import { maskPhonesIn } from '../../../../../../shared/kernel/masking';

describe('awareness formatting', () => {
  it('says the change against yesterday, or nothing when unknown', () => {
    expect(countDelta(15, 12)).toEqual({ dir: 'up', text: '+3' });
    expect(countDelta(10, 12)).toEqual({ dir: 'down', text: '-2' });
    expect(countDelta(5, 5)).toEqual({ dir: 'same', text: '0' });
    expect(countDelta(5, null)).toEqual({ dir: null, text: '' });
  });

  it('gives rate changes in percentage points and rates in percent', () => {
    expect(rateDelta(0.942, 0.93)).toEqual({ dir: 'up', text: '+1.2' });
    expect(rateDelta(0.9, 0.904)).toEqual({ dir: 'down', text: '-0.4' });
    expect(rateDelta(null, 0.9).dir).toBeNull();
    expect(pct(0.9643)).toBe(96.4);
    expect(pct(null)).toBeNull();
  });
});

describe('maskPhonesIn', () => {
  it('masks mobile and landline numbers inside free text', () => {
    expect(maskPhonesIn('来电13912345678反映漏水')).toBe('来电139****5678反映漏水');
    expect(maskPhonesIn('010-65001234 报修')).toBe('010****1234 报修');
    expect(maskPhonesIn('光华路1号楼 2026年')).toBe('光华路1号楼 2026年');
  });
});
