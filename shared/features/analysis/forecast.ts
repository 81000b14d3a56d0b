/**
 * 7- and 30-day volume forecasts per category, and their backtest against seasonal-naive on the
 * store's own history. Pure.
 *
 * - Seasonal-naive (the yardstick): every future day repeats the same weekday of the last week.
 * - Our model: the same weekday's mean over the last 4 weeks, scaled by the recent level (the last
 *   7 days against those 4 weeks' mean, damped by half) — it keeps the weekly shape while four
 *   weeks average out the day-to-day noise that seasonal-naive copies forward.
 * - Error: MAPE of the horizon's total (|forecast − actual| / actual over each backtest origin,
 *   averaged; origins with no actual orders are skipped), the figure a planner reads.
 */
import { addDays } from './dates';

export const FORECAST_WEEKS = 4;
/** Backtest origins: one a week over the last this many weeks. */
export const BACKTEST_ORIGINS = 26;

/** Daily counts ending the day before the forecast starts (oldest first). */
export type Series = readonly number[];

export function seasonalNaive(history: Series, horizon: number): number[] {
  const n = history.length;
  return Array.from({ length: horizon }, (_, k) => history[n - 7 + (k % 7)] ?? 0);
}

export function weekdayMeanForecast(history: Series, horizon: number): number[] {
  const n = history.length;
  const weeks = Math.min(FORECAST_WEEKS, Math.floor(n / 7));
  if (weeks === 0) return Array.from({ length: horizon }, () => 0);
  const profile = Array.from({ length: 7 }, (_, d) => {
    let s = 0;
    for (let w = 0; w < weeks; w++) s += history[n - 7 * (w + 1) + d] ?? 0;
    return s / weeks;
  });
  const windowMean = profile.reduce((a, b) => a + b, 0);
  let last = 0;
  for (let i = n - 7; i < n; i++) last += history[i] ?? 0;
  // Level change of the last week against the 4-week mean, damped by half (a single busy week
  // is mostly noise; a season turning shows for several weeks).
  const level = windowMean > 0 ? 1 + 0.5 * (last / windowMean - 1) : 1;
  return Array.from({ length: horizon }, (_, k) => (profile[k % 7] ?? 0) * level);
}

function _sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

export interface BacktestResult {
  readonly horizon: number;
  /** Origins with orders in the horizon (the MAPE's denominator count). */
  readonly origins: number;
  /** MAPE of the horizon total, 0..1 (null: no usable origin). */
  readonly model: number | null;
  readonly seasonalNaive: number | null;
}

/** Rolling-origin backtest over `series` (oldest first): origins each 7 days, newest last. */
export function backtest(series: Series, horizon: number, origins = BACKTEST_ORIGINS): BacktestResult {
  const minHistory = 7 * FORECAST_WEEKS;
  let used = 0;
  let errModel = 0;
  let errNaive = 0;
  for (let o = 0; o < origins; o++) {
    const cut = series.length - horizon - 7 * o;
    if (cut < minHistory) break;
    const hist = series.slice(0, cut);
    const actual = _sum(series.slice(cut, cut + horizon));
    if (actual <= 0) continue;
    errModel += Math.abs(_sum(weekdayMeanForecast(hist, horizon)) - actual) / actual;
    errNaive += Math.abs(_sum(seasonalNaive(hist, horizon)) - actual) / actual;
    used++;
  }
  return {
    horizon,
    origins: used,
    model: used ? errModel / used : null,
    seasonalNaive: used ? errNaive / used : null,
  };
}

/** Daily counts from a day map over [from, to] (inclusive), oldest first. */
export function seriesOf(daily: ReadonlyMap<string, number>, from: string, to: string): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(daily.get(d) ?? 0);
  return out;
}
