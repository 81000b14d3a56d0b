/**
 * Volume trend buckets (day / week / month) with the same period last year and last month, from
 * daily counts. Pure: the core reads the daily counts from `analysis_day`, this shapes them.
 */
import { addDays, addMonths, monthEnd, monthStart, weekStart } from './dates';

export type TrendGrain = 'day' | 'week' | 'month';

export interface TrendBucket {
  /** The bucket's first day (week: its Monday, clipped to the range; month: 'YYYY-MM'). */
  readonly key: string;
  /** China dates, both inclusive: what a drill-down opens on the desk. */
  readonly from: string;
  readonly to: string;
  readonly n: number;
  /** The same days one year earlier. */
  readonly lastYear: number;
  readonly lastYearFrom: string;
  readonly lastYearTo: string;
  /** The same days one month earlier. */
  readonly lastMonth: number;
  readonly lastMonthFrom: string;
  readonly lastMonthTo: string;
}

/** Earliest day the trend needs counts for (the range shifted a year back). */
export function trendReadFrom(from: string): string {
  return addMonths(monthStart(from), -13);
}

function _sum(daily: ReadonlyMap<string, number>, from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) n += daily.get(d) ?? 0;
  return n;
}

/** The buckets of [from, to] at a grain; `daily` holds counts per China date. */
export function trendBuckets(
  daily: ReadonlyMap<string, number>,
  grain: TrendGrain,
  from: string,
  to: string,
): TrendBucket[] {
  const out: TrendBucket[] = [];
  let start = from;
  while (start <= to) {
    let end: string;
    let key = start;
    if (grain === 'day') end = start;
    else if (grain === 'week') end = addDays(weekStart(start), 6);
    else {
      end = monthEnd(start);
      key = start.slice(0, 7);
    }
    if (end > to) end = to;
    // Month buckets compare whole months (a month back of 03-31 is all of February).
    const lyFrom = addMonths(start, -12);
    const lyTo =
      grain === 'month' && end === monthEnd(end) ? monthEnd(addMonths(end, -12)) : addMonths(end, -12);
    const lmFrom = addMonths(start, -1);
    const lmTo =
      grain === 'month' && end === monthEnd(end) ? monthEnd(addMonths(end, -1)) : addMonths(end, -1);
    out.push({
      key,
      from: start,
      to: end,
      n: _sum(daily, start, end),
      lastYear: _sum(daily, lyFrom, lyTo),
      lastYearFrom: lyFrom,
      lastYearTo: lyTo,
      lastMonth: _sum(daily, lmFrom, lmTo),
      lastMonthFrom: lmFrom,
      lastMonthTo: lmTo,
    });
    start = addDays(end, 1);
  }
  return out;
}
