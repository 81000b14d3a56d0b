import { describe, expect, it } from 'vitest';
import { addMonths, weekStart } from '../../../../../shared/features/analysis/dates';
import { trendBuckets } from '../../../../../shared/features/analysis/trend';
import { pareto } from '../../../../../shared/features/analysis/cube';
import {
  backtest,
  seasonalNaive,
  weekdayMeanForecast,
} from '../../../../../shared/features/analysis/forecast';

describe('analysis dates and buckets', () => {
  it('shifts months with the day clamped, weeks start on Monday', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(weekStart('2026-03-08')).toBe('2026-03-02'); // a Sunday
  });

  it('month buckets compare whole months; weeks are clipped to the range', () => {
    const daily = new Map([
      ['2026-02-28', 2],
      ['2026-03-31', 1],
      ['2025-03-01', 4],
    ]);
    const [m] = trendBuckets(daily, 'month', '2026-03-01', '2026-03-31');
    expect(m).toMatchObject({ key: '2026-03', n: 1, lastMonth: 2, lastYear: 4, lastMonthTo: '2026-02-28' });
    const weeks = trendBuckets(new Map(), 'week', '2026-03-04', '2026-03-10');
    expect(weeks.map((w) => [w.from, w.to])).toEqual([
      ['2026-03-04', '2026-03-08'],
      ['2026-03-09', '2026-03-10'],
    ]);
  });

  it('Pareto: largest first, cumulative share, the vital few up to 80 %', () => {
    const p = pareto([
      { month: '2026-03', category: '02', community: 'a', n: 2 },
      { month: '2026-03', category: '01', community: 'a', n: 7 },
      { month: '2026-03', category: '03', community: 'b', n: 1 },
    ]);
    expect(p.map((r) => [r.category, r.cumShare, r.vital])).toEqual([
      ['01', 0.7, true],
      ['02', 0.9, true],
      ['03', 1, false],
    ]);
  });

  it('forecast: seasonal-naive repeats last week; the model averages four weeks and wins on noise', () => {
    const week = [10, 12, 11, 9, 8, 5, 4];
    expect(seasonalNaive([...week, ...week], 9)).toEqual([...week, 10, 12]);
    expect(weekdayMeanForecast([...week, ...week, ...week, ...week], 7)).toEqual(week);
    // A noisy but stationary weekly pattern: averaging beats copying the last week.
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 6;
    const series = Array.from({ length: 7 * 40 }, (_, i) =>
      Math.max(0, Math.round((week[i % 7] ?? 0) + rnd())),
    );
    const b = backtest(series, 7);
    expect(b.origins).toBe(26);
    expect(b.model).toBeLessThan(b.seasonalNaive ?? 0);
  });
});
