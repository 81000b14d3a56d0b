/**
 * The reference hub's side of sync in SQL: registered nodes (token hashes), the feed with its
 * monotonic seq, pushes (idempotent by event id, one transaction each), pulls, refused pushes
 * and attachments.
 */
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { checkOwnership, UPSTREAM_OWNED } from '../../../../shared/features/sync/ownership';
import type { PushConcurrent, PushRefusal, PushResponse } from '../../../../shared/features/sync/protocol';
import { SAFE_ID, firstScriptPath, parseEvent } from '../../../../shared/features/sync/validate-item';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';
import { ingestEvents } from '../../store/event-log/events';
import { orderOrigin } from './queries';

// ---- nodes ----------------------------------------------------------------------------------

export function upsertHubNode(db: WritableDb, node: string, tokenHash: string, now: number): void {
  stmt(
    db,
    `INSERT INTO hub_node(node, token_hash, registered_at) VALUES (?, ?, ?)
     ON CONFLICT(node) DO UPDATE SET token_hash = excluded.token_hash, registered_at = excluded.registered_at`,
  ).run(node, tokenHash, now);
}

/** The stored token hash of a registered node, or null when the name is free. */
export function hubNodeTokenHash(db: ReadableDb, node: string): string | null {
  return (
    (stmt(db, 'SELECT token_hash FROM hub_node WHERE node = ?').pluck().get(node) as string | undefined) ??
    null
  );
}

/**
 * The hub admin's action (`npm run hub -- --forget-node <name>`): the name is free again and the
 * hall that owns it registers anew. Its events stay in the feed. Returns false for an unknown name.
 */
export function forgetHubNode(db: WritableDb, node: string): boolean {
  return stmt(db, 'DELETE FROM hub_node WHERE node = ?').run(node).changes > 0;
}

/** The node a token hash belongs to, or null. */
export function nodeByTokenHash(db: ReadableDb, tokenHash: string): string | null {
  return (
    (stmt(db, 'SELECT node FROM hub_node WHERE token_hash = ?').pluck().get(tokenHash) as
      string | undefined) ?? null
  );
}

function touchHubNode(db: WritableDb, node: string, now: number): void {
  stmt(db, 'UPDATE hub_node SET last_seen = ? WHERE node = ?').run(now, node);
}

// ---- feed -----------------------------------------------------------------------------------

export function hubSeq(db: ReadableDb): number {
  return (stmt(db, 'SELECT coalesce(max(seq), 0) FROM hub_feed').pluck().get() as number) ?? 0;
}

/** Appends events the hub itself wrote (demo feed, call-backs) to its store and feed. */
export function appendHubEvents(
  db: WritableDb,
  events: readonly OrderEvent[],
  hubNode: string,
  now: number,
): number {
  return db.transaction(() => {
    const res = ingestEvents(db, events, { source: 'upstream', node: hubNode, now, validate: true });
    const ins = stmt(
      db,
      "INSERT INTO hub_feed(kind, event_id, order_id, origin, body) VALUES ('event', ?, ?, ?, ?)",
    );
    for (const e of res.inserted) ins.run(e.id, e.orderId, hubNode, JSON.stringify(e));
    return res.inserted.length;
  })();
}

/** Publishes a reference-data version in the feed (halls apply a version newer than theirs). */
export function appendReferenceItem(db: WritableDb, version: number, data: unknown, hubNode: string): number {
  const r = stmt(db, "INSERT INTO hub_feed(kind, origin, body) VALUES ('reference', ?, ?)").run(
    hubNode,
    JSON.stringify({ version, data }),
  );
  return Number(r.lastInsertRowid);
}

/** Publishes a batch of field-force position reports (≤ 500) in the feed (docs/FIELD.md). */
export function appendPositionsItem(db: WritableDb, reports: readonly unknown[], hubNode: string): number {
  const r = stmt(db, "INSERT INTO hub_feed(kind, origin, body) VALUES ('positions', ?, ?)").run(
    hubNode,
    JSON.stringify({ reports }),
  );
  return Number(r.lastInsertRowid);
}

/** Test and tooling hook: a raw feed item exactly as given (hostile-upstream tests use it). */
export function appendRawFeedItem(db: WritableDb, kind: string, body: string, origin: string): number {
  const r = stmt(db, 'INSERT INTO hub_feed(kind, origin, body) VALUES (?, ?, ?)').run(kind, origin, body);
  return Number(r.lastInsertRowid);
}

function _excerpt(raw: unknown): string {
  try {
    return (JSON.stringify(raw) ?? String(raw)).slice(0, 2_000);
  } catch {
    return String(raw).slice(0, 2_000);
  }
}

function _refused(
  db: WritableDb,
  node: string,
  id: string | null,
  reason: string,
  raw: unknown,
  now: number,
): void {
  stmt(
    db,
    'INSERT INTO hub_refused(node, event_id, reason, excerpt, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(node, id, reason, _excerpt(raw), now);
}

function _checkPushed(
  db: ReadableDb,
  raw: unknown,
  node: string,
  hubNode: string,
): { ok: true; event: OrderEvent } | { ok: false; id: string | null; reason: string } {
  const id =
    raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id.slice(0, 128)
      : null;
  const p = parseEvent(raw);
  if (!p.ok) return { ok: false, id, reason: `事件格式错误 ${p.reason}` };
  const e = p.event;
  if (!SAFE_ID.test(e.id) || !SAFE_ID.test(e.orderId))
    return { ok: false, id, reason: 'id/orderId: 编号含有不允许的字符' };
  if (e.node !== node) return { ok: false, id, reason: `node: 事件节点 ${e.node} 与推送节点 ${node} 不符` };
  const script = firstScriptPath(e.payload, 'payload');
  if (script) return { ok: false, id, reason: `${script}: 含有脚本或网页标记，已拒收` };
  const needsOrigin = UPSTREAM_OWNED.has(e.type);
  const own = checkOwnership({
    event: e,
    fromUpstream: node === hubNode,
    orderOrigin: needsOrigin ? orderOrigin(db, hubNode, e.orderId) : null,
  });
  if (!own.ok) return { ok: false, id, reason: own.reason };
  return { ok: true, event: e };
}

export interface PushInput {
  readonly node: string;
  readonly hubNode: string;
  readonly knownSeq: number;
  readonly events: readonly unknown[];
  readonly now: number;
}

/**
 * One push, one transaction: new events are stored, projected and appended to the feed; a
 * repeat is acknowledged and not applied twice; an invalid or not-owned event is refused with
 * its reason (and kept in hub_refused). Events made without knowing a newer change of the same
 * order by another node are reported as concurrent (the feed item carries that too).
 */
export function pushEvents(db: WritableDb, input: PushInput): PushResponse {
  return db.transaction((): PushResponse => {
    const seqBefore = hubSeq(db);
    const refused: PushRefusal[] = [];
    const acked: string[] = [];
    const valid: OrderEvent[] = [];
    for (const raw of input.events) {
      const c = _checkPushed(db, raw, input.node, input.hubNode);
      if (!c.ok) {
        _refused(db, input.node, c.id, c.reason, raw, input.now);
        if (c.id !== null) refused.push({ id: c.id, reason: c.reason });
        continue;
      }
      valid.push(c.event);
      acked.push(c.event.id);
    }
    const concurrent: PushConcurrent[] = [];
    if (valid.length > 0) {
      const res = ingestEvents(db, valid, {
        source: 'upstream',
        node: input.hubNode,
        now: input.now,
        validate: false,
      });
      const ins = stmt(
        db,
        "INSERT INTO hub_feed(kind, event_id, order_id, origin, body, concurrent_with) VALUES ('event', ?, ?, ?, ?, ?)",
      );
      // Only orders another node changed after what the pusher had pulled can be concurrent:
      // find them once per push (one range scan), then ask per event only for those orders.
      const touched =
        input.knownSeq < seqBefore
          ? new Set(
              stmt(
                db,
                "SELECT DISTINCT order_id FROM hub_feed WHERE seq > ? AND seq <= ? AND origin <> ? AND kind = 'event'",
              )
                .pluck()
                .all(input.knownSeq, seqBefore, input.node) as string[],
            )
          : null;
      const unseen =
        touched && touched.size > 0
          ? stmt(
              db,
              "SELECT event_id FROM hub_feed WHERE order_id = ? AND seq > ? AND seq <= ? AND origin <> ? AND kind = 'event' LIMIT 20",
            ).pluck()
          : null;
      for (const e of res.inserted) {
        const others = unseen
          ? (unseen.all(e.orderId, input.knownSeq, seqBefore, input.node) as string[])
          : [];
        if (others.length > 0) concurrent.push({ id: e.id, with: others });
        ins.run(
          e.id,
          e.orderId,
          input.node,
          JSON.stringify(e),
          others.length > 0 ? JSON.stringify(others) : null,
        );
      }
    }
    touchHubNode(db, input.node, input.now);
    return { acked, refused, concurrent, seq: hubSeq(db) };
  })();
}

/**
 * A page of the feed after `after`, without the asking node's own items, as ready JSON bytes:
 * the stored bodies are read as bytes and spliced in as they are (no parse and re-stringify per
 * item, and no decoding a megabyte of UTF-8 into a string only to encode it again for the socket).
 */
export function pullFeedJson(db: ReadableDb, node: string, after: number, limit: number): Buffer {
  const top = hubSeq(db);
  const rows = stmt(
    db,
    'SELECT seq, kind, CAST(body AS BLOB), concurrent_with FROM hub_feed WHERE seq > ? AND seq <= ? AND origin <> ? ORDER BY seq LIMIT ?',
  )
    .raw()
    .all(after, top, node, limit + 1) as Array<[number, string, Buffer, string | null]>;
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const next = more ? (rows[rows.length - 1] as [number, string, Buffer, string | null])[0] : top;
  // Text between the bodies: '{"items":[' + per item '{"seq":…,"body":' BODY '…}' + the trailer.
  const glue: string[] = new Array<string>(rows.length + 1);
  let size = 0;
  let open = '{"items":[';
  for (let i = 0; i < rows.length; i++) {
    const [seq, kind, body, cw] = rows[i] as [number, string, Buffer, string | null];
    glue[i] = `${open}{"seq":${seq},"kind":${JSON.stringify(kind)},"body":`;
    size += Buffer.byteLength(glue[i] as string) + body.length;
    open = cw ? `,"concurrentWith":${cw}},` : '},';
  }
  const close = rows.length > 0 ? open.slice(0, -1) : open;
  glue[rows.length] = `${close}],"next":${next},"more":${more},"hubSeq":${top}}`;
  size += Buffer.byteLength(glue[rows.length] as string);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    at += out.write(glue[i] as string, at);
    at += (rows[i] as [number, string, Buffer, string | null])[2].copy(out, at);
  }
  at += out.write(glue[rows.length] as string, at);
  return at === size ? out : out.subarray(0, at);
}

// ---- attachments ----------------------------------------------------------------------------

export interface AttachmentRow {
  readonly sha256: string;
  readonly size: number;
  readonly complete: boolean;
}

export function getAttachment(db: ReadableDb, sha256: string): AttachmentRow | null {
  const r = stmt(db, 'SELECT sha256, size, complete FROM hub_attachment WHERE sha256 = ?').get(sha256) as
    { sha256: string; size: number; complete: number } | undefined;
  return r ? { sha256: r.sha256, size: r.size, complete: r.complete === 1 } : null;
}

export function upsertAttachment(
  db: WritableDb,
  sha256: string,
  size: number,
  complete: boolean,
  now: number,
): void {
  stmt(
    db,
    `INSERT INTO hub_attachment(sha256, size, complete, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET size = excluded.size, complete = excluded.complete`,
  ).run(sha256, size, complete ? 1 : 0, now);
}

/** Hotline orders the street has replied to (the demo feed records a call-back for a few). */
export function repliedHotlineOrders(db: ReadableDb, limit: number): string[] {
  return stmt(db, "SELECT id FROM work_order WHERE status = 'replied' AND source = 'hotline' LIMIT ?")
    .pluck()
    .all(limit) as string[];
}
