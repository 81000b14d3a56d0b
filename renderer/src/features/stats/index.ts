/** The stats feature's public surface: the month's frame, counters and three-rate cards. */
export { MonthCounters, ThreeRateCards } from './MonthCounters';
export { StatsFrame } from './StatsFrame';
