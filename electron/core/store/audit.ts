/** The audit trail: every state change with its actor. */
import { stmt } from './statements';
import type { WritableDb } from './types';

export interface AuditEntry {
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly orderId?: string | null;
  readonly eventId?: string | null;
  readonly detail?: string | null;
}

export function insertAudit(db: WritableDb, e: AuditEntry): void {
  stmt(
    db,
    'INSERT INTO audit_log(at, actor, action, order_id, event_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(e.at, e.actor, e.action, e.orderId ?? null, e.eventId ?? null, e.detail ?? null);
}
