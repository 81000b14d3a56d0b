/** awareness.today: the wall's day counters against yesterday and the month's three rates. */
import { DEFAULT_RATE_TARGETS } from '../../../../shared/features/awareness/contract';
import { threeRates } from '../../../../shared/features/stats/three-rates';
import { chinaDate, chinaMidnight } from '../../../../shared/kernel/calendar';
import { eventsBetween, inProgressCount, receivedBetween, warningCount, type Stock } from './queries';
import type { ReadableDb } from '../../store/types';
import { stockAt } from './stock-at';
import { monthCounters } from '../stats';
import { overdueCount } from '../orders';
import { chinaMonth, chinaMonthRange } from '../../../../shared/kernel/china-time';
import type { Handler } from '../../runtime/context';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Yesterday's stocks at this time, kept for the minute: the wall asks for awareness.today after
 * every change, and yesterday does not change (but for a late-synced event, seen a minute later).
 */
const stockCache = new WeakMap<ReadableDb, { minute: number; stock: Stock }>();
function stockYesterday(db: ReadableDb, now: number): Stock {
  const minute = Math.floor((now - DAY_MS) / MINUTE_MS);
  const hit = stockCache.get(db);
  if (hit && hit.minute === minute) return hit.stock;
  const stock = stockAt(db, minute * MINUTE_MS);
  stockCache.set(db, { minute, stock });
  return stock;
}

export const awarenessToday: Handler<'awareness.today'> = (_input, _call, env) => {
  const db = env.db;
  const now = env.now();
  const day = chinaDate(now);
  const start = chinaMidnight(day);
  // Yesterday up to the same clock time: a fair comparison at any hour.
  const yStart = start - DAY_MS;
  const yNow = now - DAY_MS;
  const flow = (count: (from: number, to: number) => number) => ({
    today: count(start, now + 1),
    yesterday: count(yStart, yNow + 1),
  });
  const before = stockYesterday(db, now);
  const month = chinaMonth(now);
  const [monthStart] = chinaMonthRange(month);
  const previousMonth = chinaMonth(monthStart - 1);
  return {
    day,
    asOf: now,
    received: flow((a, b) => receivedBetween(db, a, b)),
    dispatched: flow((a, b) => eventsBetween(db, 'dispatched', a, b)),
    finished: flow((a, b) => eventsBetween(db, 'replied', a, b)),
    inProgress: { today: inProgressCount(db), yesterday: before.inProgress },
    overdue: { today: overdueCount(db, now), yesterday: before.overdue },
    warning: { today: warningCount(db, now), yesterday: before.warning },
    month,
    rates: threeRates(monthCounters(db, month, now).callbacks),
    previousRates: threeRates(monthCounters(db, previousMonth, now).callbacks),
    targets: DEFAULT_RATE_TARGETS,
  };
};
