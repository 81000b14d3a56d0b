/** stats.month: counters and the three rates from the rollup table. */
import { threeRates } from '../../../../shared/features/stats/three-rates';
import { monthCounters } from './queries';
import type { Handler } from '../../runtime/context';

export const statsMonth: Handler<'stats.month'> = (input, _call, env) => {
  const c = monthCounters(env.db, input.month, env.now());
  return {
    month: input.month,
    received: c.received,
    closed: c.closed,
    open: c.open,
    overdue: c.overdue,
    byStatus: c.byStatus,
    rates: threeRates(c.callbacks),
  };
};
