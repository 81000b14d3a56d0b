/** The date ranges 分析研判 asks for, from today's China date. Pure. */
import {
  addDays,
  addMonths,
  monthEnd,
  monthStart,
  weekStart,
} from '../../../../shared/features/analysis/dates';
import type { TrendGrain } from '../../../../shared/features/analysis/trend';

/** Trend window per grain: 30 days, 12 weeks, 12 months, ending today. */
export function trendRange(grain: TrendGrain, today: string): { from: string; to: string } {
  if (grain === 'day') return { from: addDays(today, -29), to: today };
  if (grain === 'week') return { from: addDays(weekStart(today), -77), to: today };
  return { from: monthStart(addMonths(today, -11)), to: today };
}

/** Cube window: this month and the five before ('YYYY-MM'). */
export function cubeRange(today: string): { from: string; to: string } {
  return { from: addMonths(today, -5).slice(0, 7), to: today.slice(0, 7) };
}

/** First and last China date of months [from, to]. */
export function monthsDates(from: string, to: string): { from: string; to: string } {
  return { from: `${from}-01`, to: monthEnd(`${to}-01`) };
}
