/** The SQL of 重复件 (migration 0025): links of a report to an earlier order it repeats. */
import type { OrderStatus } from '../../../../shared/features/orders/order';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface RepeatRow {
  readonly orderId: string;
  readonly title: string;
  readonly status: OrderStatus;
  readonly receivedAt: number;
  readonly linkedAt: number;
  readonly linkedBy: string;
}

export interface OrderHead {
  readonly id: string;
  readonly receivedAt: number;
}

export function orderHead(db: ReadableDb, id: string): OrderHead | undefined {
  return stmt(db, `SELECT id, received_at AS receivedAt FROM work_order WHERE id = ?`).get(id) as
    OrderHead | undefined;
}

export function repeatLinked(db: ReadableDb, orderId: string, ofOrderId: string): boolean {
  return (
    stmt(db, `SELECT 1 FROM order_repeat WHERE order_id = ? AND of_order_id = ?`).get(orderId, ofOrderId) !==
    undefined
  );
}

/** Inserts a link; false when it was there already. */
export function insertRepeat(
  db: WritableDb,
  link: { orderId: string; ofOrderId: string; at: number; by: string },
): boolean {
  return (
    stmt(
      db,
      `INSERT INTO order_repeat (order_id, of_order_id, linked_at, linked_by) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ).run(link.orderId, link.ofOrderId, link.at, link.by).changes > 0
  );
}

const VIEW = `w.id AS orderId, w.title AS title, w.status AS status, w.received_at AS receivedAt,
              r.linked_at AS linkedAt, r.linked_by AS linkedBy`;

/** The earlier orders this one repeats. */
export function repeatsOf(db: ReadableDb, orderId: string): RepeatRow[] {
  return stmt(
    db,
    `SELECT ${VIEW} FROM order_repeat r JOIN work_order w ON w.id = r.of_order_id
      WHERE r.order_id = ? ORDER BY w.received_at`,
  ).all(orderId) as RepeatRow[];
}

/** The later reports linked as repeats of this one. */
export function repeatedBy(db: ReadableDb, orderId: string): RepeatRow[] {
  return stmt(
    db,
    `SELECT ${VIEW} FROM order_repeat r JOIN work_order w ON w.id = r.order_id
      WHERE r.of_order_id = ? ORDER BY w.received_at`,
  ).all(orderId) as RepeatRow[];
}

/** Links made in [from, to) (重复诉求 counted by when the repeat was received). */
export function repeatCount(db: ReadableDb, from: number, to: number): number {
  return stmt(
    db,
    `SELECT count(DISTINCT r.order_id) FROM order_repeat r JOIN work_order w ON w.id = r.order_id
      WHERE w.received_at >= ? AND w.received_at < ?`,
  )
    .pluck()
    .get(from, to) as number;
}

export interface ChainRow {
  readonly orderId: string;
  readonly title: string;
  readonly status: OrderStatus;
  readonly receivedAt: number;
}

/** The most orders one chain of repeats lists (a problem reported more often is still counted). */
export const CHAIN_LIMIT = 200;

/**
 * 同一问题: every order joined to this one by repeat links, either way and through others (a
 * third report linked to the second is the same problem as the first), oldest first — this
 * order included. Walks both indexes of order_repeat.
 */
export function repeatChain(db: ReadableDb, orderId: string): { rows: ChainRow[]; total: number } {
  const ids = stmt(
    db,
    `WITH RECURSIVE c(id) AS (
       SELECT ?
       UNION SELECT r.of_order_id FROM order_repeat r JOIN c ON r.order_id = c.id
       UNION SELECT r.order_id FROM order_repeat r JOIN c ON r.of_order_id = c.id
       LIMIT 5000)
     SELECT w.id AS orderId, w.title AS title, w.status AS status, w.received_at AS receivedAt
       FROM c JOIN work_order w ON w.id = c.id ORDER BY w.received_at, w.id`,
  ).all(orderId) as ChainRow[];
  return { rows: ids.length > 1 ? ids : [], total: ids.length > 1 ? ids.length : 0 };
}

/** The links whose repeat was received in [from, to), newest repeat first (at most `limit`). */
export function repeatPairsIn(
  db: ReadableDb,
  from: number,
  to: number,
  limit: number,
): { orderId: string; ofOrderId: string }[] {
  return stmt(
    db,
    `SELECT r.order_id AS orderId, r.of_order_id AS ofOrderId FROM order_repeat r JOIN work_order w ON w.id = r.order_id
      WHERE w.received_at >= ? AND w.received_at < ? ORDER BY w.received_at DESC LIMIT ?`,
  ).all(from, to, limit) as { orderId: string; ofOrderId: string }[];
}

/** Demo (模拟数据): link each order of a recurring problem to the one before it. Returns the links made. */
export function insertRepeatChains(
  db: WritableDb,
  groups: readonly (readonly { readonly id: string; readonly receivedAt: number }[])[],
  by: string,
): number {
  let n = 0;
  for (const g of groups) {
    const sorted = [...g].sort((a, b) => a.receivedAt - b.receivedAt);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (insertRepeat(db, { orderId: cur.id, ofOrderId: prev.id, at: cur.receivedAt + 1_800_000, by })) n++;
    }
  }
  return n;
}

/** The demo's 一类事 orders (generator/problem-patterns.ts: ids ending "P<n>"), oldest first. */
export function problemPatternOrders(db: ReadableDb): { id: string; receivedAt: number }[] {
  return stmt(
    db,
    `SELECT id, received_at AS receivedAt FROM work_order WHERE id GLOB '*P[0-9]' ORDER BY received_at`,
  ).all() as { id: string; receivedAt: number }[];
}
