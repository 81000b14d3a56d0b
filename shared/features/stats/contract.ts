/** stats.month: a month's counters and the three rates. */
import { z } from 'zod';
import { query, type Proc } from '../../kernel/proc';
import type { OrderStatus } from '../orders/order';
import type { ThreeRates } from './three-rates';

export interface MonthStats {
  readonly month: string;
  readonly received: number;
  readonly closed: number;
  readonly open: number;
  readonly overdue: number;
  readonly byStatus: Readonly<Partial<Record<OrderStatus, number>>>;
  readonly rates: ThreeRates;
}

/** One cell of the category × community × month cube: orders received. */
export interface CubeCell {
  readonly month: string;
  /** Category code cut to the asked level (`01`, `01.02`, `01.02.003`). */
  readonly category: string;
  readonly communityCode: string | null;
  readonly n: number;
}

export interface StatsCube {
  readonly from: string;
  readonly to: string;
  readonly level: 1 | 2 | 3;
  readonly cells: readonly CubeCell[];
}

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const StatsCubeInput = z
  .object({ from: MONTH, to: MONTH, level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1) })
  .refine((v) => v.from <= v.to, { message: '起始月份不能晚于结束月份', path: ['to'] });

export const STATS_PROCS = {
  'stats.month': query<MonthStats>()(z.object({ month: MONTH }), {
    stale: ['orders.changed', 'reference.changed'],
  }),
  /** Orders received per category (at a level) × community × month, over months [from, to]. */
  'stats.cube': query<StatsCube>()(StatsCubeInput, { stale: ['orders.changed', 'reference.changed'] }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
