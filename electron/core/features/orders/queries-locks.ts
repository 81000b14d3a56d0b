/** Soft edit locks of orders (order_lock): who is working on which order, until when. */
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface LockRow {
  readonly orderId: string;
  readonly holder: string;
  readonly holderName: string;
  readonly purpose: string;
  readonly since: number;
  readonly expiresAt: number;
}

const COLS =
  'order_id AS orderId, holder, holder_name AS holderName, purpose, since, expires_at AS expiresAt';

/** The order's lock if it has not expired at `now`. */
export function liveLock(db: ReadableDb, orderId: string, now: number): LockRow | null {
  return (
    (stmt(db, `SELECT ${COLS} FROM order_lock WHERE order_id = ? AND expires_at > ?`).get(orderId, now) as
      LockRow | undefined) ?? null
  );
}

export function putLock(db: WritableDb, l: LockRow): void {
  stmt(
    db,
    `INSERT INTO order_lock(order_id, holder, holder_name, purpose, since, expires_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(order_id) DO UPDATE SET holder = excluded.holder, holder_name = excluded.holder_name,
       purpose = excluded.purpose, since = excluded.since, expires_at = excluded.expires_at`,
  ).run(l.orderId, l.holder, l.holderName, l.purpose, l.since, l.expiresAt);
}

/** Removes the lock (only the holder's when `holder` is given); true when one was removed. */
export function dropLock(db: WritableDb, orderId: string, holder?: string): boolean {
  const r =
    holder === undefined
      ? stmt(db, 'DELETE FROM order_lock WHERE order_id = ?').run(orderId)
      : stmt(db, 'DELETE FROM order_lock WHERE order_id = ? AND holder = ?').run(orderId, holder);
  return r.changes > 0;
}

/** Forgets locks that expired before `before` (they are already ignored; this keeps the table small). */
export function pruneLocks(db: WritableDb, before: number): void {
  stmt(db, 'DELETE FROM order_lock WHERE expires_at <= ?').run(before);
}
