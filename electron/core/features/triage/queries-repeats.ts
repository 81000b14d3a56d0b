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
