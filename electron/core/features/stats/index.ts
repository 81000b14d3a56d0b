/** stats.*: a month's counters and three rates (rollup table), the category × community × month cube. */
import type { HandlerRegistry } from '../../runtime/registry';
import { statsCube } from './cube';
import { statsMonth } from './month';

export { monthCounters, type MonthCounters } from './queries';

export function register(registry: HandlerRegistry): void {
  registry.register('stats.month', statsMonth).register('stats.cube', statsCube);
}
