/**
 * The desk's work queues in SQL (the predicates of shared/features/orders/queues.ts) and the one
 * count of 超期. Every queue is a range of an index: the statuses' index, the open orders' partial
 * index, or the 待回访 partial index; none grows with the store's history.
 */
import {
  CALLBACK_WINDOW_DAYS,
  DUE_SOON_FRACTION,
  QUEUES,
  type QueueId,
} from '../../../../shared/features/orders/queues';
import { stmt } from '../../store/statements';
import type { ReadableDb } from '../../store/types';

/** Open orders use the open partial index; `finish_deadline` is set only while the timer runs. */
const OPEN = 'work_order w INDEXED BY work_order_overdue';
const PLACED = "(w.community_code IS NOT NULL OR json_extract(w.json, '$.lng') IS NOT NULL)";

interface QueueSql {
  /** FROM clause (an index hint where SQLite would not pick the right one by itself). */
  readonly from: string;
  /** Condition; `:now` and `:since` are bound. */
  readonly where: string;
  /** Most urgent first. */
  readonly order: string;
}

const URGENCY_ORDER = "CASE w.urgency WHEN 'P0' THEN 0 WHEN 'P1' THEN 1 WHEN 'P2' THEN 2 ELSE 3 END";

export const QUEUE_SQL: Readonly<Record<QueueId, QueueSql>> = {
  to_accept: {
    from: 'work_order w',
    where: `w.status = 'received' AND NOT ${PLACED}`,
    order: `${URGENCY_ORDER}, w.rowid`,
  },
  to_dispatch: {
    from: 'work_order w',
    where: `w.status = 'received' AND ${PLACED}`,
    order: `${URGENCY_ORDER}, w.rowid`,
  },
  to_sign: {
    from: 'work_order w',
    where: "w.status = 'dispatched'",
    order: `${URGENCY_ORDER}, w.finish_deadline, w.rowid`,
  },
  due_soon: {
    from: OPEN,
    where: `w.is_open = 1 AND w.finish_deadline >= :now
            AND (:now - w.received_at) >= ${DUE_SOON_FRACTION} * (w.finish_deadline - w.received_at)`,
    order: 'w.finish_deadline, w.rowid',
  },
  overdue: {
    from: OPEN,
    where: 'w.is_open = 1 AND w.finish_deadline < :now',
    order: 'w.finish_deadline, w.rowid',
  },
  to_verify: { from: 'work_order w', where: "w.status = 'replied'", order: `${URGENCY_ORDER}, w.rowid` },
  to_callback: {
    from: 'work_order w INDEXED BY work_order_callback_due',
    where: 'w.callback_due = 1 AND w.closed_at >= :since',
    order: 'w.closed_at, w.rowid',
  },
  return_review: {
    from: 'work_order w',
    where: "w.status = 'return_requested'",
    order: `${URGENCY_ORDER}, w.rowid`,
  },
  extension_review: {
    from: OPEN,
    where: "w.is_open = 1 AND json_extract(w.json, '$.extensionPending') = 1",
    order: `${URGENCY_ORDER}, w.finish_deadline, w.rowid`,
  },
};

/** The values bound to a queue's `:now` and `:since`. */
export function queueParams(now: number): { now: number; since: number } {
  return { now, since: now - CALLBACK_WINDOW_DAYS * 86_400_000 };
}

/** How many orders wait in every queue, in one statement. */
export function queueCounts(db: ReadableDb, now: number): Record<QueueId, number> {
  const sql = `SELECT ${QUEUES.map(
    (q) => `(SELECT count(*) FROM ${QUEUE_SQL[q].from} WHERE ${QUEUE_SQL[q].where}) AS ${q}`,
  ).join(', ')}`;
  return stmt(db, sql).get(queueParams(now)) as Record<QueueId, number>;
}

/** 超期 now: not yet 办结 and past the internal finish deadline (one definition, queues.ts). */
export function overdueCount(db: ReadableDb, now: number): number {
  return (
    stmt(db, `SELECT count(*) AS n FROM ${OPEN} WHERE ${QUEUE_SQL.overdue.where}`).get({ now }) as {
      n: number;
    }
  ).n;
}
