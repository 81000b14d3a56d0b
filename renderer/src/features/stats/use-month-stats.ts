import { useQuery } from '../../platform/api/use-query';
import { beijingMonth } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';

/** stats.month for the current Beijing month; the month key rolls over at midnight on the 1st. */
export function useMonthStats() {
  const now = useNow(60_000);
  const month = beijingMonth(now);
  return { month, ...useQuery('stats.month', { month }) };
}
