/**
 * The hall's side of sync in SQL: settings and cursor (sync_kv), the 冲突 list, and applying a
 * pulled batch — validate each item, apply the good ones, quarantine the bad ones, advance the
 * cursor — in one transaction, so a kill at any instant leaves either all of it or none.
 */
import type {
  ConflictKind,
  ConflictResolution,
  ConflictRow,
} from '../../../../shared/features/sync/contract';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import type { ReferenceData } from '../../../../shared/features/reference/reference';
import type { OrderOrigin } from '../../../../shared/features/sync/ownership';
import { validateFeedItem } from '../../../../shared/features/sync/validate-item';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';
import { ingestEvents } from '../../store/event-log/events';
import { recordQuarantine } from './queries-quarantine';
import { referenceVersion, writeReference } from '../reference/queries';

export type SyncKey =
  | 'cursor'
  | 'hub_url'
  | 'token'
  | 'node_token'
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

// ---- applying a pulled batch ------------------------------------------------------------------

export interface ApplyBatchOptions {
  readonly node: string;
  readonly hubNode: string;
  readonly now: number;
  /** The cursor to store once the batch is in (the hub's `next`). */
  readonly next: number;
}

export interface ApplyBatchResult {
  readonly applied: number;
  readonly repeats: number;
  readonly quarantined: number;
  readonly conflicts: number;
  readonly orderIds: readonly string[];
  readonly referenceVersion: number | null;
}

function _categorySet(db: ReadableDb): Set<string> {
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

/** One excerpt of a bad item, for the admin's quarantine view (the text as received). */
function _excerpt(raw: unknown): string {
  try {
    return JSON.stringify(raw)?.slice(0, 2_000) ?? String(raw);
  } catch {
    return String(raw).slice(0, 2_000);
  }
}

export function applyPulledBatch(
  db: WritableDb,
  items: readonly unknown[],
  opts: ApplyBatchOptions,
): ApplyBatchResult {
  return db.transaction((): ApplyBatchResult => {
    let categories = _categorySet(db);
    const events: OrderEvent[] = [];
    const concurrent = new Map<string, readonly string[]>();
    let quarantined = 0;
    let refVersion: number | null = null;
    const flush = (): ReturnType<typeof ingestEvents> | null => {
      if (events.length === 0) return null;
      const res = ingestEvents(db, events, {
        source: 'upstream',
        node: opts.node,
        now: opts.now,
        validate: false,
      });
      events.length = 0;
      return res;
    };
    const results: Array<ReturnType<typeof ingestEvents>> = [];
    for (const raw of items) {
      const v = validateFeedItem(raw, {
        hubNode: opts.hubNode,
        knownCategory: (code) => categories.size === 0 || categories.has(code),
        orderOrigin: (orderId) => orderOrigin(db, opts.hubNode, orderId),
      });
      if (!v.ok) {
        recordQuarantine(db, {
          source: 'hub',
          reason: v.reason,
          payload: _excerpt(raw),
          ref: v.ref,
          at: opts.now,
        });
        quarantined++;
        continue;
      }
      if (v.kind === 'reference') {
        // Events before a reference change were made under the old one: apply them first.
        const r = flush();
        if (r) results.push(r);
        if (v.reference.version > referenceVersion(db)) {
          writeReference(db, v.reference.data as unknown as ReferenceData);
          categories = _categorySet(db);
          refVersion = v.reference.version;
        }
        continue;
      }
      events.push(v.event);
      if (v.concurrentWith.length > 0) concurrent.set(v.event.id, v.concurrentWith);
    }
    const last = flush();
    if (last) results.push(last);
    let applied = 0;
    let conflicts = 0;
    const orderIds = new Set<string>();
    const byId = new Map<string, OrderEvent>();
    for (const res of results) {
      applied += res.inserted.length;
      for (const e of res.inserted) byId.set(e.id, e);
      for (const id of res.orderIds) orderIds.add(id);
      for (const r of res.rejected) {
        const e = byId.get(r.eventId);
        if (e && recordConflict(db, { event: e, kind: 'refused', reason: r.reason, detectedAt: opts.now }))
          conflicts++;
      }
    }
    for (const [id, others] of concurrent) {
      const e = byId.get(id);
      if (!e) continue;
      const reason = `与其他节点的并发修改冲突（${others.length} 项：${others.slice(0, 3).join('、')}），已按 HLC 时间顺序合并，请核对`;
      if (recordConflict(db, { event: e, kind: 'concurrent', reason, detectedAt: opts.now })) conflicts++;
    }
    setSyncKv(db, 'cursor', String(opts.next));
    const valid = items.length - quarantined;
    return {
      applied,
      repeats: valid - applied - (refVersion === null ? 0 : 1),
      quarantined,
      conflicts,
      orderIds: Array.from(orderIds),
      referenceVersion: refVersion,
    };
  })();
}
