/**
 * Work orders: the event log (truth) and its projection. Every writer here keeps order_event,
 * outbox, work_order, the search indexes and the rollups consistent inside one transaction.
 */
import { applyEvent, foldEvents, reduceOrder } from '../../../../shared/features/orders/order-reducer';
import { OrderEventSchema, type OrderEvent } from '../../../../shared/features/orders/order-events';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { SlaPolicy } from '../../../../shared/features/orders/sla-policy';
import { finishDeadline } from '../../../../shared/features/orders/sla-clock';
import { FINISH_RUNNING, needsCallback } from '../../../../shared/features/orders/queues';
import { chinaCalendar, type WorkCalendar } from '../../../../shared/kernel/calendar';
import { isOpen, rollupCells } from './projection';
import { sameText, writeTextChanges, type TextChange } from './search-text';
import { addAnalysisCells, flushAnalysisDelta } from './analysis-rollup';
import { ORDER_ROW_COLS, decodeOrder, encodeOrderJson, type OrderRow } from './order-codec';
import { stmt } from '../statements';
import type { IngestSource, ReadableDb, WritableDb } from '../types';
import type Database from 'better-sqlite3';
import { readSlaPolicy } from '../reference';
import { receiveRemoteHlc } from '../meta';
import { ORDER_KEY_SLOTS, orderKeyFrom, orderKeyThrough } from './order-key';

interface EventRow {
  id: string;
  order_id: string;
  type: string;
  payload: string;
  actor: string;
  node: string;
  hlc: string;
  at: number;
}

function _eventFromRow(r: EventRow): OrderEvent {
  return {
    id: r.id,
    orderId: r.order_id,
    type: r.type,
    payload: JSON.parse(r.payload) as unknown,
    actor: r.actor,
    node: r.node,
    hlc: r.hlc,
    at: r.at,
  } as OrderEvent;
}

/** All events of one order in HLC order (the reducer's order). */
export function orderEvents(db: ReadableDb, orderId: string): OrderEvent[] {
  return (
    stmt(
      db,
      'SELECT id, order_id, type, payload, actor, node, hlc, at FROM order_event WHERE order_id = ? ORDER BY hlc, id',
    ).all(orderId) as EventRow[]
  ).map(_eventFromRow);
}

/** When the order was received (its created event's business time), or null if it has none. */
export function createdAtOf(db: ReadableDb, orderId: string): number | null {
  const at = stmt(db, "SELECT at FROM order_event WHERE order_id = ? AND type = 'created' LIMIT 1")
    .pluck()
    .get(orderId) as number | undefined;
  return at ?? null;
}

export function getEvent(db: ReadableDb, eventId: string): OrderEvent | null {
  const r = stmt(
    db,
    'SELECT id, order_id, type, payload, actor, node, hlc, at FROM order_event WHERE id = ?',
  ).get(eventId) as EventRow | undefined;
  return r ? _eventFromRow(r) : null;
}

interface Stored {
  readonly rowid: number;
  readonly order: WorkOrder;
}

function _loadStored(db: ReadableDb, orderId: string): Stored | null {
  const r = stmt(db, `SELECT rowid AS rowid, ${ORDER_ROW_COLS} FROM work_order WHERE id = ?`).get(orderId) as
    (OrderRow & { rowid: number }) | undefined;
  return r ? { rowid: r.rowid, order: decodeOrder(r) } : null;
}

export function getOrder(db: ReadableDb, orderId: string): WorkOrder | null {
  return _loadStored(db, orderId)?.order ?? null;
}

/** The first free key of the order's millisecond of receipt (order-key.ts). */
function _allocRowid(db: WritableDb, receivedAt: number): number {
  const base = orderKeyFrom(receivedAt);
  const last = orderKeyThrough(receivedAt);
  const r = stmt(db, 'SELECT max(rowid) AS m FROM work_order WHERE rowid BETWEEN ? AND ?').get(
    base,
    last,
  ) as {
    m: number | null;
  };
  if (r.m === null) return base;
  if (r.m >= last) throw new Error(`more than ${ORDER_KEY_SLOTS} orders received in one millisecond`);
  return r.m + 1;
}

export interface ProjectionEnv {
  readonly policy: SlaPolicy;
  readonly calendar: WorkCalendar;
}

function _env(db: ReadableDb, env?: Partial<ProjectionEnv>): ProjectionEnv {
  return { policy: env?.policy ?? readSlaPolicy(db), calendar: env?.calendar ?? chinaCalendar };
}

/** Rollup counter changes by cell (`month\0metric`, or an analysis cell): added up, then written. */
export type Deltas = Map<string, number>;

function _addCells(deltas: Deltas, order: WorkOrder | null, sign: 1 | -1): void {
  for (const [month, metric] of rollupCells(order)) {
    const k = `${month}\u0000${metric}`;
    deltas.set(k, (deltas.get(k) ?? 0) + sign);
  }
  addAnalysisCells(deltas, order, sign);
}

/** Writes the rollup counter changes a bulk writer gathered over its transaction (AppendOptions.deltas). */
export function flushDeltas(db: WritableDb, deltas: Deltas): void {
  _flushDeltas(db, deltas);
  deltas.clear();
}

function _flushDeltas(db: WritableDb, deltas: Deltas): void {
  const up = stmt(
    db,
    'INSERT INTO rollup(month, metric, n) VALUES (?, ?, ?) ON CONFLICT(month, metric) DO UPDATE SET n = n + excluded.n',
  );
  for (const [k, n] of deltas) {
    if (n === 0 || flushAnalysisDelta(db, k, n)) continue;
    const [month, metric] = k.split('\u0000') as [string, string];
    up.run(month, metric, n);
  }
}

/** Binds one order's projection columns, then `tail` (the rowid), without an args array. */
function _runProjection(st: Database.Statement, o: WorkOrder, env: ProjectionEnv, tail: number): void {
  st.run(
    o.id,
    o.version,
    o.lastHlc,
    o.status,
    isOpen(o) ? 1 : 0,
    o.urgency,
    o.source,
    o.categoryCode,
    o.communityCode,
    o.gridCode,
    o.unitId,
    o.title,
    o.address,
    o.receivedAt,
    // Kept only while the finish timer runs: open and past it is 超期, one definition (queues.ts).
    FINISH_RUNNING.includes(o.status) ? finishDeadline(o, env.policy, env.calendar) : null,
    o.status === 'closed' ? o.closedAt : null,
    needsCallback(o) ? 1 : 0,
    encodeOrderJson(o),
    o.lng,
    o.lat,
    // The party indexes' keys (migration 28): the JSON holds them too.
    o.volunteer?.id ?? null,
    o.assistMembers ? 1 : null,
    tail,
  );
}

const PROJ_COLS =
  'id, version, last_hlc, status, is_open, urgency, source, category_code, community_code, grid_code, unit_id, title, address, received_at, finish_deadline, closed_at, callback_due, json, lng, lat, volunteer_id, assists';
const PROJ_PARAMS = PROJ_COLS.split(', ')
  .map(() => '?')
  .join(', ');

/** Writes one order's new projection (or removes it), with rollup upkeep; its search upkeep goes to `text`. */
function _writeProjection(
  db: WritableDb,
  before: Stored | null,
  after: WorkOrder | null,
  env: ProjectionEnv,
  deltas: Deltas,
  text: TextChange[],
): void {
  _addCells(deltas, before?.order ?? null, -1);
  _addCells(deltas, after, 1);
  if (after === null) {
    if (before) {
      text.push([before.rowid, null]);
      stmt(db, 'DELETE FROM work_order WHERE rowid = ?').run(before.rowid);
    }
    return;
  }
  if (before && before.order.receivedAt === after.receivedAt) {
    _runProjection(
      stmt(db, `UPDATE work_order SET (${PROJ_COLS}) = (${PROJ_PARAMS}) WHERE rowid = ?`),
      after,
      env,
      before.rowid,
    );
    if (!sameText(before.order, after)) text.push([before.rowid, null], [before.rowid, after]);
    return;
  }
  if (before) {
    // receivedAt changed (a late `created` re-sorted the order): move it to its new key.
    text.push([before.rowid, null]);
    stmt(db, 'DELETE FROM work_order WHERE rowid = ?').run(before.rowid);
  }
  const rowid = _allocRowid(db, after.receivedAt);
  _runProjection(
    stmt(db, `INSERT INTO work_order(${PROJ_COLS}, rowid) VALUES (${PROJ_PARAMS}, ?)`),
    after,
    env,
    rowid,
  );
  text.push([rowid, after]);
}

function _syncFlags(db: WritableDb, orderId: string, order: WorkOrder | null): void {
  stmt(db, 'UPDATE order_event SET flag = NULL WHERE order_id = ? AND flag IS NOT NULL').run(orderId);
  if (!order) return;
  const flag = stmt(db, "UPDATE order_event SET flag = 'rejected' WHERE id = ?");
  for (const r of order.rejected) flag.run(r.eventId);
}

export interface AppendResult {
  /** Events actually stored (repeats of known ids are skipped). */
  readonly inserted: readonly OrderEvent[];
  /** Orders whose projection was written. */
  readonly orderIds: readonly string[];
  /** Inserted events the reducer refused (stored and flagged). */
  readonly rejected: ReadonlyArray<{ readonly eventId: string; readonly reason: string }>;
}

interface Touched {
  readonly before: Stored | null;
  current: WorkOrder | null;
  full: boolean;
  /** lastHlc of the order once `pending` is folded (null: no order yet). */
  last: string | null;
  /** The batch's in-order events of this order, folded at once with foldEvents. */
  readonly pending: OrderEvent[];
  readonly rejected: Array<{ eventId: string; reason: string }>;
}

const INSERT_CHUNK = 50;
/**
 * OR IGNORE, not `ON CONFLICT(id) DO NOTHING`: with RETURNING, the upsert form makes SQLite open a
 * statement journal, and each statement journal makes both FTS5 indexes write their pending terms
 * out as a segment — once per 50 events, when the projections of the same transaction have indexed
 * text (measured: 18 µs an event in the 台账 import instead of 6; the ingest bench is 18–21 %
 * faster without; docs/STORE.md). OR IGNORE also skips a row that breaks NOT NULL: _insertEvents checks that every
 * skipped event is a repeat.
 */
const EVENT_COLS =
  'INSERT OR IGNORE INTO order_event(id, order_id, type, payload, actor, node, hlc, at) VALUES ';

function _insertEventsSql(rows: number): string {
  return `${EVENT_COLS}${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} RETURNING id, seq`;
}

/** Throws unless every event the INSERT skipped is stored already (a repeat, not a refused row). */
function _checkSkipped(
  db: WritableDb,
  events: readonly OrderEvent[],
  fresh: ReadonlyMap<string, number>,
): void {
  const known = stmt(db, 'SELECT 1 FROM order_event WHERE id = ?').pluck();
  for (const e of events) {
    if (fresh.has(e.id) || known.get(e.id) !== undefined) continue;
    throw new Error(`order_event refused event ${e.id}: a column is missing`);
  }
}

/**
 * Inserts the batch with multi-row statements (INSERT_CHUNK rows each: one statement step
 * instead of 50); a repeated id is skipped. Returns the ids actually stored, with their seq.
 */
function _insertEvents(db: WritableDb, events: readonly OrderEvent[]): Map<string, number> {
  const fresh = new Map<string, number>();
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    const n = Math.min(INSERT_CHUNK, events.length - i);
    const st = stmt(db, _insertEventsSql(n)).raw();
    const args: unknown[] = new Array<unknown>(n * 8);
    for (let j = 0; j < n; j++) {
      const e = events[i + j] as OrderEvent;
      const k = j * 8;
      args[k] = e.id;
      args[k + 1] = e.orderId;
      args[k + 2] = e.type;
      args[k + 3] = JSON.stringify(e.payload);
      args[k + 4] = e.actor;
      args[k + 5] = e.node;
      args[k + 6] = e.hlc;
      args[k + 7] = e.at;
    }
    for (const [id, seq] of st.all(...args) as Array<[string, number]>) fresh.set(id, seq);
  }
  if (fresh.size < events.length) _checkSkipped(db, events, fresh);
  return fresh;
}

/**
 * Folds an order's in-order events of the batch (one working copy, not a WorkOrder per event)
 * and flags the refused ones; the result equals applying them one by one.
 */
function _foldPending(db: WritableDb, t: Touched): void {
  let events: readonly OrderEvent[] = t.pending;
  let start = t.current;
  if (start === null) {
    // Only a `created` starts an order; if even that is refused, let the full fold decide.
    const first = applyEvent(null, events[0] as OrderEvent);
    if (!first.ok) {
      t.full = true;
      return;
    }
    start = first.order;
    events = events.slice(1);
  }
  const after = foldEvents(start, events) as WorkOrder;
  const flag = stmt(db, "UPDATE order_event SET flag = 'rejected' WHERE id = ?");
  // foldEvents only appends to `rejected`: the new tail is this batch's refusals, in order.
  for (let i = start.rejected.length; i < after.rejected.length; i++) {
    const r = after.rejected[i] as WorkOrder['rejected'][number];
    flag.run(r.eventId);
    t.rejected.push({ eventId: r.eventId, reason: r.reason });
  }
  t.current = after;
}

/**
 * Appends events and re-projects the orders they touch, in one transaction. An event that
 * sorts after the order's lastHlc is applied incrementally; anything else (late, concurrent,
 * refused) re-reduces that order from all its events, so the projection always equals
 * reduceOrder(events).
 */
export function appendOrderEvents(
  db: WritableDb,
  events: readonly OrderEvent[],
  opts: AppendOptions = {},
): AppendResult {
  return db.transaction((): AppendResult => _append(db, events, opts))();
}

export interface AppendOptions {
  readonly source?: IngestSource;
  readonly now?: number;
  readonly env?: Partial<ProjectionEnv>;
  /**
   * appendInTransaction only: gather the rollup counter changes here instead of writing them at
   * each call; the caller writes them with flushDeltas before its COMMIT. A bulk writer's orders
   * share their months and cells, so a transaction writes each cell once, not once per call.
   */
  readonly deltas?: Deltas;
}

/**
 * appendOrderEvents for a bulk writer that holds the transaction itself (BEGIN … COMMIT around
 * many calls). Not for a nested transaction: an FTS5 index writes its pending terms out as a new
 * segment at every SAVEPOINT, which is what made a transaction of many small appends slow.
 */
export function appendInTransaction(
  db: WritableDb,
  events: readonly OrderEvent[],
  opts: AppendOptions = {},
): AppendResult {
  if (!db.inTransaction) throw new Error('appendInTransaction: the caller must hold a transaction');
  return _append(db, events, opts);
}

function _append(db: WritableDb, events: readonly OrderEvent[], opts: AppendOptions): AppendResult {
  const source = opts.source ?? 'local';
  const now = opts.now ?? Date.now();
  const env = _env(db, opts.env);
  const insertOutbox = stmt(
    db,
    'INSERT INTO outbox(event_id, created, event_seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  // Events stored before this batch have seq <= seq0 (the orphan check below must not see
  // the batch's own events, which are all inserted first).
  const seq0 = eventCount(db);
  const fresh = _insertEvents(db, events);
  const inserted: OrderEvent[] = [];
  const touched = new Map<string, Touched>();
  for (const e of events) {
    // delete: a second copy of an id within the batch was a repeat (the first one was stored).
    const seq = fresh.get(e.id);
    if (seq === undefined) continue;
    fresh.delete(e.id);
    if (source === 'local') insertOutbox.run(e.id, now, seq);
    inserted.push(e);
    let t = touched.get(e.orderId);
    if (!t) {
      const before = _loadStored(db, e.orderId);
      // Events that arrived before their `created` (no projection yet) need the full fold.
      // (The demo generator always starts an order with `created`: skip the lookup there.)
      const orphans =
        before === null &&
        source !== 'demo' &&
        stmt(db, 'SELECT 1 FROM order_event WHERE order_id = ? AND seq <= ? LIMIT 1').get(e.orderId, seq0) !==
          undefined;
      const current = before?.order ?? null;
      t = { before, current, full: orphans, last: current?.lastHlc ?? null, pending: [], rejected: [] };
      touched.set(e.orderId, t);
    }
    if (t.full) continue;
    // Folding (applied or refused) sets lastHlc to the event's hlc, so the in-order test can
    // run ahead of the fold.
    const inOrder = t.last === null ? e.type === 'created' : e.hlc > t.last;
    if (!inOrder) {
      t.full = true;
      continue;
    }
    t.last = e.hlc;
    t.pending.push(e);
  }
  for (const t of touched.values()) if (!t.full && t.pending.length > 0) _foldPending(db, t);
  const deltas: Deltas = opts.deltas ?? new Map();
  const rejected: Array<{ eventId: string; reason: string }> = [];
  const insertedIds = new Set(inserted.map((e) => e.id));
  const text: TextChange[] = [];
  for (const [orderId, t] of touched) {
    if (t.full) {
      t.current = reduceOrder(orderEvents(db, orderId));
      _syncFlags(db, orderId, t.current);
      for (const r of t.current?.rejected ?? []) {
        if (insertedIds.has(r.eventId)) rejected.push({ eventId: r.eventId, reason: r.reason });
      }
    } else {
      rejected.push(...t.rejected);
    }
    if (t.before === null && t.current === null) continue;
    _writeProjection(db, t.before, t.current, env, deltas, text);
  }
  writeTextChanges(db, text);
  if (!opts.deltas) _flushDeltas(db, deltas);
  return { inserted, orderIds: Array.from(touched.keys()), rejected };
}

export interface IngestOptions {
  readonly source: IngestSource;
  /** This node's name, for merging received clocks. */
  readonly node?: string;
  readonly now?: number;
  /** Validate each event with OrderEventSchema (default: true except for the demo generator). */
  readonly validate?: boolean;
  readonly env?: Partial<ProjectionEnv>;
}

/**
 * Idempotent ingest: a repeated event id is a no-op. Upstream and demo events do not enter the
 * outbox (they came from elsewhere); local ones do. Received clocks advance ours.
 */
export function ingestEvents(db: WritableDb, events: readonly unknown[], opts: IngestOptions): AppendResult {
  const validate = opts.validate ?? opts.source !== 'demo';
  const parsed = validate ? events.map((e) => OrderEventSchema.parse(e)) : (events as readonly OrderEvent[]);
  const now = opts.now ?? Date.now();
  return db.transaction(() => {
    const res = appendOrderEvents(db, parsed, {
      source: opts.source,
      now,
      ...(opts.env ? { env: opts.env } : {}),
    });
    if (opts.source !== 'local' && opts.node && res.inserted.length > 0) {
      let max = '';
      for (const e of res.inserted) if (e.hlc > max) max = e.hlc;
      receiveRemoteHlc(db, opts.node, max, now);
    }
    return res;
  })();
}

/**
 * Re-derives work_order, the search indexes, flags and rollups from order_event alone.
 * Orders are re-inserted in (receivedAt, id) order so rowids are deterministic.
 */
export function rebuildProjections(db: WritableDb, env?: Partial<ProjectionEnv>): number {
  return db.transaction(() => {
    const e = _env(db, env);
    db.exec(`
      DELETE FROM work_order;
      DELETE FROM order_search;
      DELETE FROM rollup; DELETE FROM analysis_day; DELETE FROM analysis_cell;
      UPDATE order_event SET flag = NULL WHERE flag IS NOT NULL;
    `);
    const ids = (
      db.prepare('SELECT DISTINCT order_id FROM order_event').all() as Array<{ order_id: string }>
    ).map((r) => r.order_id);
    const orders: WorkOrder[] = [];
    for (const id of ids) {
      const o = reduceOrder(orderEvents(db, id));
      if (o) orders.push(o);
      _syncFlags(db, id, o);
    }
    orders.sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const deltas: Deltas = new Map();
    const text: TextChange[] = [];
    for (const o of orders) _writeProjection(db, null, o, e, deltas, text);
    writeTextChanges(db, text);
    _flushDeltas(db, deltas);
    return orders.length;
  })();
}

export function orderCount(db: ReadableDb): number {
  // Every order sits in exactly one `status.*` rollup cell (its received month): summing a few
  // hundred cells beats count(*) over a million rows (~100 ms), and system.info refreshes on
  // every order change.
  return (
    stmt(
      db,
      "SELECT coalesce(sum(n), 0) AS n FROM rollup WHERE metric >= 'status.' AND metric < 'status/'",
    ).get() as {
      n: number;
    }
  ).n;
}

export function eventCount(db: ReadableDb): number {
  // max(seq) is O(1) and equals the count for an append-only table.
  return (stmt(db, 'SELECT coalesce(max(seq), 0) AS n FROM order_event').get() as { n: number }).n;
}
