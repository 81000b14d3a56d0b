/** Dashboard counters from the rollup table: one indexed read per month. */
import { OPEN_STATUSES, STATUSES, type OrderStatus } from '../../../../shared/features/orders/order';
import type { CallbackCounts } from '../../../../shared/features/stats/three-rates';
import { CHINA_OFFSET_MS } from '../../../../shared/kernel/china-time';
import { stmt } from '../../store/statements';
import type { ReadableDb } from '../../store/types';
import { orderKeyFrom } from '../../store/event-log/order-key';
import { overdueCount } from '../orders';

export interface MonthCounters {
  readonly received: number;
  readonly closed: number;
  readonly open: number;
  readonly overdue: number;
  readonly byStatus: Partial<Record<OrderStatus, number>>;
  readonly callbacks: CallbackCounts;
  readonly callbackTotal: number;
}

export function monthCounters(db: ReadableDb, month: string, now: number): MonthCounters {
  const rows = stmt(db, 'SELECT metric, n FROM rollup WHERE month = ?').all(month) as Array<{
    metric: string;
    n: number;
  }>;
  const m = new Map(rows.map((r) => [r.metric, r.n]));
  const get = (k: string): number => m.get(k) ?? 0;
  const byStatus: Partial<Record<OrderStatus, number>> = {};
  let received = 0;
  let open = 0;
  for (const s of STATUSES) {
    const n = get(`status.${s}`);
    if (n === 0) continue;
    byStatus[s] = n;
    received += n;
    if (OPEN_STATUSES.includes(s)) open += n;
  }
  // 超期 is a stock, not a flow of the month: the one definition every screen shows (queues.ts).
  const overdue = overdueCount(db, now);
  return {
    received,
    closed: get('closed'),
    open,
    overdue,
    byStatus,
    callbacks: {
      valid: get('cb.valid'),
      contacted: get('cb.contacted'),
      solved: get('cb.solved'),
      satisfied: get('cb.satisfied'),
      basic: get('cb.basic'),
      unsatisfied: get('cb.unsatisfied'),
    },
    callbackTotal: get('cb.total'),
  };
}

/**
 * Orders received in [from, to) per category prefix × community × China-time month. A scan of
 * the received-time key range; the analysis panel's cube (rollups come with the analysis issue).
 */
export function receivedCube(
  db: ReadableDb,
  from: number,
  to: number,
  categoryChars: number,
): Array<{ month: string; category: string; communityCode: string | null; n: number }> {
  return stmt(
    db,
    `SELECT strftime('%Y-%m', (received_at + ?) / 1000, 'unixepoch') AS month,
            substr(category_code, 1, ?) AS category, community_code AS communityCode, count(*) AS n
       FROM work_order WHERE rowid >= ? AND rowid < ?
      GROUP BY month, category, communityCode ORDER BY month, category, communityCode`,
  ).all(CHINA_OFFSET_MS, categoryChars, orderKeyFrom(from), orderKeyFrom(to)) as Array<{
    month: string;
    category: string;
    communityCode: string | null;
    n: number;
  }>;
}
