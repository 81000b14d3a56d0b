/** The hall's side of sync in SQL: settings and cursor (sync_kv), the 冲突 list, origins of orders. */
import type {
  ConflictKind,
  ConflictResolution,
  ConflictRow,
} from '../../../../shared/features/sync/contract';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import type { OrderOrigin } from '../../../../shared/features/sync/ownership';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export type SyncKey =
  | 'cursor'
  | 'hub_url'
  | 'token'
  | 'node_token'
  /** The node token this hall proposed in a register request not yet answered. */
  | 'node_token_proposed'
  | 'hub_node'
  | 'enabled'
  | 'last_success_at'
  | 'offline_since';

export function getSyncKv(db: ReadableDb, key: SyncKey): string | null {
  const r = stmt(db, 'SELECT value FROM sync_kv WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? r.value : null;
}

export function setSyncKv(db: WritableDb, key: SyncKey, value: string | null): void {
  if (value === null) stmt(db, 'DELETE FROM sync_kv WHERE key = ?').run(key);
  else
    stmt(
      db,
      'INSERT INTO sync_kv(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
}

export function readCursor(db: ReadableDb): number {
  return Number(getSyncKv(db, 'cursor') ?? 0);
}

// ---- 冲突 list ------------------------------------------------------------------------------

export interface NewConflict {
  readonly event: Pick<OrderEvent, 'id' | 'orderId' | 'type' | 'node' | 'actor' | 'at'>;
  readonly kind: ConflictKind;
  readonly reason: string;
  readonly detectedAt: number;
}

/** Adds a row to the 冲突 list; the same event and kind twice is one row. Returns true when new. */
export function recordConflict(db: WritableDb, c: NewConflict): boolean {
  const r = stmt(
    db,
    `INSERT INTO sync_conflict(order_id, event_id, event_type, kind, reason, node, actor, at, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id, kind) DO NOTHING`,
  ).run(
    c.event.orderId,
    c.event.id,
    c.event.type,
    c.kind,
    c.reason.slice(0, 500),
    c.event.node,
    c.event.actor,
    c.event.at,
    c.detectedAt,
  );
  return r.changes > 0;
}

/**
 * Refused (flagged) events written by `node` that the 冲突 list does not show yet: a re-fold can
 * flag an event of another batch, and stores from before issue 12 flagged upstream closes
 * without listing them. The caller lists them with the reducer's reason.
 */
export function unlistedRefusedEvents(
  db: ReadableDb,
  node: string,
  limit: number,
): Array<Pick<OrderEvent, 'id' | 'orderId' | 'type' | 'node' | 'actor' | 'at'>> {
  return stmt(
    db,
    `SELECT e.id, e.order_id AS orderId, e.type, e.node, e.actor, e.at FROM order_event e
      WHERE e.flag = 'rejected' AND e.node = ?
        AND NOT EXISTS (SELECT 1 FROM sync_conflict c WHERE c.event_id = e.id AND c.kind = 'refused')
      ORDER BY e.seq LIMIT ?`,
  ).all(node, limit) as Array<Pick<OrderEvent, 'id' | 'orderId' | 'type' | 'node' | 'actor' | 'at'>>;
}

interface ConflictDbRow {
  id: number;
  order_id: string;
  title: string | null;
  event_id: string;
  event_type: string;
  kind: ConflictKind;
  reason: string;
  node: string;
  actor: string;
  at: number;
  detected_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution: ConflictResolution | null;
  note: string | null;
}

const CONFLICT_SELECT = `SELECT c.id, c.order_id, w.title, c.event_id, c.event_type, c.kind, c.reason, c.node, c.actor,
  c.at, c.detected_at, c.resolved_at, c.resolved_by, c.resolution, c.note
  FROM sync_conflict c LEFT JOIN work_order w ON w.id = c.order_id`;

function _conflictRow(r: ConflictDbRow): ConflictRow {
  return {
    id: r.id,
    orderId: r.order_id,
    orderTitle: r.title,
    eventId: r.event_id,
    eventType: r.event_type,
    kind: r.kind,
    reason: r.reason,
    node: r.node,
    actor: r.actor,
    at: r.at,
    detectedAt: r.detected_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
    note: r.note,
  };
}

export function listConflicts(
  db: ReadableDb,
  opts: { includeResolved: boolean; limit: number },
): ConflictRow[] {
  const where = opts.includeResolved ? '' : 'WHERE c.resolved_at IS NULL';
  return (
    stmt(db, `${CONFLICT_SELECT} ${where} ORDER BY c.detected_at DESC, c.id DESC LIMIT ?`).all(
      opts.limit,
    ) as ConflictDbRow[]
  ).map(_conflictRow);
}

export function getConflict(db: ReadableDb, id: number): ConflictRow | null {
  const r = stmt(db, `${CONFLICT_SELECT} WHERE c.id = ?`).get(id) as ConflictDbRow | undefined;
  return r ? _conflictRow(r) : null;
}

export function markConflictResolved(
  db: WritableDb,
  id: number,
  r: { resolution: ConflictResolution; by: string; at: number; note: string | null },
): void {
  stmt(
    db,
    'UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ?, note = ? WHERE id = ?',
  ).run(r.at, r.by, r.resolution, r.note, id);
}

export function openConflictCount(db: ReadableDb): number {
  return (
    stmt(db, 'SELECT count(*) AS n FROM sync_conflict WHERE resolved_at IS NULL').get() as { n: number }
  ).n;
}

/** The category codes of the reference data: an upstream event must name one of them. */
export function categoryCodes(db: ReadableDb): Set<string> {
  return new Set((stmt(db, 'SELECT code FROM category').pluck().all() as string[]) ?? []);
}

/** Who created the order: the hub (upstream owns its content) or a hall; null when unknown here. */
export function orderOrigin(db: ReadableDb, hubNode: string, orderId: string): OrderOrigin | null {
  const node = stmt(
    db,
    "SELECT node FROM order_event WHERE order_id = ? AND type = 'created' ORDER BY hlc LIMIT 1",
  )
    .pluck()
    .get(orderId) as string | undefined;
  if (node === undefined) return null;
  return node === hubNode ? 'upstream' : 'hall';
}
