/**
 * Migration 12: security repairs (issue 11).
 * - audit_log becomes a hash chain: each row's `hash` is sha256(previous hash ‖ the row), so an
 *   edited, inserted or deleted row breaks every hash after it (store/audit.ts). The rows already
 *   there are chained in seq order. Indexes for the admin's filters (actor, action, time).
 * - Login throttling per source address with growing delays instead of locks (auth/login-throttle):
 *   failures remember their address; `login_known` lists the addresses an account signed in from,
 *   which the account's own delay does not slow down.
 */
import type { WritableDb } from '../types';
import { auditHash, AUDIT_GENESIS } from '../audit';

export function migration0012SecurityRepairs(db: WritableDb): void {
  db.exec(`
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    CREATE INDEX audit_log_actor ON audit_log(actor, seq);
    CREATE INDEX audit_log_action ON audit_log(action, seq);
    CREATE INDEX audit_log_at ON audit_log(at);

    ALTER TABLE login_failure ADD COLUMN address TEXT NOT NULL DEFAULT '';
    CREATE INDEX login_failure_address ON login_failure(address, at);
    CREATE TABLE login_known (
      username TEXT NOT NULL,
      address  TEXT NOT NULL,
      last_ok  INTEGER NOT NULL,
      PRIMARY KEY (username, address)
    ) WITHOUT ROWID;
  `);
  // Renumber densely first (a gap would read as a deleted row), then chain in order.
  const rows = db
    .prepare('SELECT seq, at, actor, action, order_id, event_id, detail FROM audit_log ORDER BY seq')
    .all() as Array<{
    seq: number;
    at: number;
    actor: string;
    action: string;
    order_id: string | null;
    event_id: string | null;
    detail: string | null;
  }>;
  const move = db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?');
  const setHash = db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?');
  let prev = AUDIT_GENESIS;
  rows.forEach((r, i) => {
    const seq = i + 1;
    if (r.seq !== seq) move.run(seq, r.seq);
    const hash = auditHash(prev, {
      seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      orderId: r.order_id,
      eventId: r.event_id,
      detail: r.detail,
    });
    setHash.run(hash, seq);
    prev = hash;
  });
}
