/**
 * Surge warning per category and community against a seasonal baseline. Pure. The rule, as the
 * panel states it in words:
 *
 * 近 7 天受理量 ≥ 基线 × SURGE_RATIO，且比基线多 ≥ SURGE_MIN_EXCESS 件。
 * 基线 = 前 4 周的周均受理量（不足 2 周历史不预警）；有去年同期数据时，取去年同期 7 天 × 今年与去年前 4 周的水平比
 * （季节性：供暖季开始、汛期的高峰去年也有，不算突增）。
 */

export const SURGE_RATIO = 1.5;
export const SURGE_MIN_EXCESS = 3;
export const MIN_PRIOR_DAYS = 14;

export interface SurgeInput {
  readonly category: string;
  /** '' = the whole street. */
  readonly community: string;
  readonly last7: number;
  /** The 28 days before the last 7. */
  readonly prior28: number;
  /** Days of those 28 the store has history for (a young store has fewer). */
  readonly priorDays: number;
  /** Last year: the same 7 days, and the 28 days before them. */
  readonly lastYear7: number;
  readonly lastYearPrior28: number;
  /** Whether last year's window has any data at all in the store. */
  readonly hasLastYear: boolean;
}

export interface SurgeRow {
  readonly category: string;
  readonly community: string;
  readonly last7: number;
  readonly baseline: number;
  /** last7 / baseline, null when the baseline is 0 (a category new to the place). */
  readonly ratio: number | null;
  readonly seasonal: boolean;
}

export function baselineOf(s: SurgeInput): { baseline: number; seasonal: boolean } {
  const weekly = s.priorDays > 0 ? (s.prior28 / s.priorDays) * 7 : 0;
  if (s.hasLastYear && s.lastYearPrior28 > 0 && s.lastYear7 > 0) {
    const level = s.prior28 / s.lastYearPrior28;
    // Seasonal: last year's same week scaled to this year's level, never below the recent weeks.
    return { baseline: Math.max(weekly, s.lastYear7 * level), seasonal: true };
  }
  return { baseline: weekly, seasonal: false };
}

/**
 * `ratioFor`: the ratio for a category — a running seasonal playbook lowers it for its watch
 * categories (analysis.surge); SURGE_RATIO otherwise.
 */
export function surges(
  inputs: readonly SurgeInput[],
  ratioFor: (category: string) => number = () => SURGE_RATIO,
): SurgeRow[] {
  const out: SurgeRow[] = [];
  for (const s of inputs) {
    // Under two weeks of history before the window there is no baseline to speak of.
    if (s.priorDays < MIN_PRIOR_DAYS) continue;
    const { baseline, seasonal } = baselineOf(s);
    if (s.last7 - baseline < SURGE_MIN_EXCESS) continue;
    if (s.last7 < baseline * ratioFor(s.category)) continue;
    out.push({
      category: s.category,
      community: s.community,
      last7: s.last7,
      baseline: Math.round(baseline * 10) / 10,
      ratio: baseline > 0 ? Math.round((s.last7 / baseline) * 100) / 100 : null,
      seasonal,
    });
  }
  return out.sort(
    (a, b) => b.last7 - b.baseline - (a.last7 - a.baseline) || (a.category < b.category ? -1 : 1),
  );
}
