/** The audit trail: every state change with its actor. */
import { stmt } from './statements';
import type { ReadableDb, WritableDb } from './types';

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

export function auditForOrder(db: ReadableDb, orderId: string): AuditEntry[] {
  return stmt(
    db,
    'SELECT at, actor, action, order_id AS orderId, event_id AS eventId, detail FROM audit_log WHERE order_id = ? ORDER BY seq',
  ).all(orderId) as AuditEntry[];
}

export function auditCount(db: ReadableDb): number {
  return (stmt(db, 'SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
