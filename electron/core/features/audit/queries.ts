/** The admin's filters over audit_log (indexes of migration 0012: actor, action, at; order_id of 0001). */
import type { AuditRowView } from '../../../../shared/features/audit/contract';
import { stmt } from '../../store/statements';
import type { ReadableDb } from '../../store/types';

export interface AuditFilter {
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly orderId?: string | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

const COLS = 'seq, at, actor, action, order_id AS orderId, event_id AS eventId, detail';

/** Newest first, `limit` rows after the filters. */
export function listAudit(db: ReadableDb, f: AuditFilter): AuditRowView[] {
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (f.actor) {
    where.push('actor = ?');
    args.push(f.actor);
  }
  if (f.action) {
    if (f.action.endsWith('.')) {
      // A prefix: `auth.` → every auth action (a range on the action index).
      where.push('action >= ? AND action < ?');
      args.push(f.action, f.action.slice(0, -1) + '/');
    } else {
      where.push('action = ?');
      args.push(f.action);
    }
  }
  if (f.orderId) {
    where.push('order_id = ?');
    args.push(f.orderId);
  }
  if (f.from !== undefined) {
    where.push('at >= ?');
    args.push(f.from);
  }
  if (f.to !== undefined) {
    where.push('at < ?');
    args.push(f.to);
  }
  if (f.beforeSeq !== undefined) {
    where.push('seq < ?');
    args.push(f.beforeSeq);
  }
  const sql = `SELECT ${COLS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  return stmt(db, sql).all(...args, f.limit) as AuditRowView[];
}

/** The actions present in the log (an index walk, one step per distinct action). */
export function auditActions(db: ReadableDb): string[] {
  return (
    stmt(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action LIMIT 200').all() as Array<{
      action: string;
    }>
  ).map((r) => r.action);
}
