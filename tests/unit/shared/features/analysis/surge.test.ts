import { describe, expect, it } from 'vitest';
import { baselineOf, surges, type SurgeInput } from '../../../../../shared/features/analysis/surge';

const base: SurgeInput = {
  category: '03',
  community: '',
  last7: 10,
  prior28: 16,
  priorDays: 28,
  lastYear7: 0,
  lastYearPrior28: 0,
  hasLastYear: false,
};

describe('surge rule', () => {
  it('warns at 1.5 × the 4-week weekly mean with at least 3 more orders', () => {
    expect(baselineOf(base)).toEqual({ baseline: 4, seasonal: false });
    expect(surges([base])).toEqual([
      { category: '03', community: '', last7: 10, baseline: 4, ratio: 2.5, seasonal: false },
    ]);
    expect(surges([{ ...base, last7: 6 }])).toEqual([]); // 1.5× but only 2 more
    expect(surges([{ ...base, prior28: 40 }])).toEqual([]); // baseline 10
  });

  it('does not call a seasonal peak seen last year a surge', () => {
    // Heating season: last year the same week had 30 against 8 in the 4 weeks before (×15 per week).
    const heating = {
      ...base,
      last7: 24,
      prior28: 16,
      lastYear7: 30,
      lastYearPrior28: 16,
      hasLastYear: true,
    };
    expect(baselineOf(heating)).toEqual({ baseline: 30, seasonal: true });
    expect(surges([heating])).toEqual([]);
  });

  it('needs two weeks of history before the window, and scales a partial one', () => {
    expect(surges([{ ...base, priorDays: 13, prior28: 0 }])).toEqual([]);
    expect(baselineOf({ ...base, priorDays: 14, prior28: 8 }).baseline).toBe(4);
  });

  it('a running playbook lowers the ratio for its watch categories', () => {
    const heating = { ...base, category: '04', prior28: 40 }; // baseline 10: ×1.5 is 15, ×1.3 is 13
    expect(surges([{ ...heating, last7: 14 }])).toEqual([]);
    expect(surges([{ ...heating, last7: 14 }], (c) => (c === '04' ? 1.3 : 1.5))).toHaveLength(1);
  });
});
