/**
 * The wall's counters and feed. Every read is a range over an index (rowid = received order,
 * order_event(type, at), the open-orders partial index), so the wall stays fast at 1 M orders.
 */
import { ORDER_EVENT_TYPES } from '../../../../shared/features/orders/order-events';
import { stmt } from '../../store/statements';
import type { ReadableDb } from '../../store/types';
import { orderKeyFrom } from '../../store/event-log/order-key';

/** Orders received in [from, to): a range of the projection's key. */
export function receivedBetween(db: ReadableDb, from: number, to: number): number {
  return (
    stmt(db, 'SELECT count(*) AS n FROM work_order WHERE rowid >= ? AND rowid < ?').get(
      orderKeyFrom(from),
      orderKeyFrom(to),
    ) as { n: number }
  ).n;
}

/** Stored (not refused) events of one type with business time in [from, to). */
export function eventsBetween(db: ReadableDb, type: string, from: number, to: number): number {
  return (
    stmt(
      db,
      'SELECT count(*) AS n FROM order_event INDEXED BY order_event_type_at WHERE type = ? AND at >= ? AND at < ? AND flag IS NULL',
    ).get(type, from, to) as { n: number }
  ).n;
}

/** Open orders with a unit working on them: 待签收, 处置中, 退单审核中. */
export const IN_PROGRESS: readonly string[] = ['dispatched', 'in_progress', 'return_requested'];
const IN_PROGRESS_SQL = IN_PROGRESS.map((s) => `'${s}'`).join(', ');

export function inProgressCount(db: ReadableDb): number {
  return (
    stmt(db, `SELECT count(*) AS n FROM work_order WHERE status IN (${IN_PROGRESS_SQL})`).get() as {
      n: number;
    }
  ).n;
}

/** Open orders that have used at least `fraction` of their finish timer but are not overdue. */
export function warningCount(db: ReadableDb, now: number, fraction = 0.5): number {
  return (
    stmt(
      db,
      `SELECT count(*) AS n FROM work_order INDEXED BY work_order_overdue
       WHERE is_open = 1 AND finish_deadline >= ?
         AND (? - received_at) >= ? * (finish_deadline - received_at)`,
    ).get(now, now, fraction) as { n: number }
  ).n;
}

export interface FeedRow {
  readonly seq: number;
  readonly eventId: string;
  readonly orderId: string;
  readonly type: string;
  readonly at: number;
  readonly title: string;
  readonly urgency: string;
  readonly status: string;
  readonly communityCode: string | null;
  readonly unitId: string | null;
}

/**
 * The `limit` events of latest business time among the `window` newest arrivals, with their
 * order's current headline. Arrival order alone jumps back and forth in time when a batch
 * (upstream, the demo seed) arrives order by order; only the final `limit` rows are joined.
 */
export function latestEvents(db: ReadableDb, window: number, limit: number): FeedRow[] {
  return stmt(
    db,
    `WITH recent AS (
       SELECT seq, id, order_id, type, at FROM order_event WHERE flag IS NULL ORDER BY seq DESC LIMIT ?
     ), top AS (
       SELECT * FROM recent ORDER BY at DESC, seq DESC LIMIT ?
     )
     SELECT e.seq, e.id AS eventId, e.order_id AS orderId, e.type, e.at, w.title, w.urgency, w.status,
            w.community_code AS communityCode, w.unit_id AS unitId
       FROM top e JOIN work_order w ON w.id = e.order_id
      ORDER BY e.at DESC, e.seq DESC`,
  ).all(window, limit) as FeedRow[];
}

export interface Stock {
  readonly inProgress: number;
  readonly overdue: number;
  readonly warning: number;
}

/** Orders with an event of business time after `at`: their state then must be folded again. */
export function ordersChangedSince(db: ReadableDb, at: number): string[] {
  const types = ORDER_EVENT_TYPES.map(() => '?').join(', ');
  return (
    stmt(
      db,
      `SELECT DISTINCT order_id AS id FROM order_event INDEXED BY order_event_type_at
       WHERE type IN (${types}) AND at > ?`,
    ).all(...ORDER_EVENT_TYPES, at) as { id: string }[]
  ).map((r) => r.id);
}

/**
 * The stock counters at `at` of the open orders received by then, except `changed` (orders with a
 * later event): those are as they were then, so the projection counts them.
 */
export function stockOfUnchanged(
  db: ReadableDb,
  at: number,
  fraction: number,
  changed: readonly string[],
): Stock {
  const r = stmt(
    db,
    `SELECT
         sum(status IN (${IN_PROGRESS_SQL})) AS inProgress,
         sum(finish_deadline < ?) AS overdue,
         sum(finish_deadline >= ? AND (? - received_at) >= ? * (finish_deadline - received_at)) AS warning
       FROM work_order INDEXED BY work_order_overdue
       WHERE is_open = 1 AND received_at <= ? AND id NOT IN (SELECT value FROM json_each(?))`,
  ).get(at, at, at, fraction, at, JSON.stringify(changed)) as Record<keyof Stock, number | null>;
  return { inProgress: r.inProgress ?? 0, overdue: r.overdue ?? 0, warning: r.warning ?? 0 };
}
