/** awareness.today: the wall's day counters against yesterday and the month's three rates. */
import { DEFAULT_RATE_TARGETS } from '../../../shared/contract/awareness';
import { threeRates } from '../../../shared/metrics/three-rates';
import { chinaDate, chinaMidnight } from '../../../shared/time/calendar';
import {
  eventsBetween,
  inProgressCount,
  overdueCount,
  receivedBetween,
  warningCount,
} from '../store/queries/awareness';
import { monthCounters } from '../store/queries/stats';
import { monthOf, monthRange } from '../store/projection';
import type { Handler } from './context';

const DAY_MS = 86_400_000;

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
  const month = monthOf(now);
  const [monthStart] = monthRange(month);
  const previousMonth = monthOf(monthStart - 1);
  return {
    day,
    asOf: now,
    received: flow((a, b) => receivedBetween(db, a, b)),
    dispatched: flow((a, b) => eventsBetween(db, 'dispatched', a, b)),
    finished: flow((a, b) => eventsBetween(db, 'replied', a, b)),
    inProgress: { today: inProgressCount(db), yesterday: null },
    overdue: { today: overdueCount(db, now), yesterday: null },
    warning: { today: warningCount(db, now), yesterday: null },
    month,
    rates: threeRates(monthCounters(db, month, now).callbacks),
    previousRates: threeRates(monthCounters(db, previousMonth, now).callbacks),
    targets: DEFAULT_RATE_TARGETS,
  };
};
