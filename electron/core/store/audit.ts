/**
 * The audit trail: every state change with its actor, as a hash chain. Each row stores
 * sha256(previous row's hash + this row's content), so changing, inserting or deleting a row in
 * the middle breaks every hash after it, and `verifyAuditChain` finds the first broken row.
 *
 * What the chain does not stop: someone with write access to hall.db who rewrites the whole
 * chain from the changed row on. The head (last seq + hash) is therefore printed by the verify
 * command and logged at every start, and each backup carries the chain as it was: a rebuilt
 * chain no longer matches the heads recorded outside the database (docs/SECURITY.md).
 */
import { createHash } from 'node:crypto';
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

/** One stored row (the list, the chain check). */
export interface AuditRow {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly orderId: string | null;
  readonly eventId: string | null;
  readonly detail: string | null;
  readonly hash: string | null;
}

/** The hash before the first row. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** sha256(prev ‖ canonical JSON of the row): the chain's link. */
export function auditHash(prev: string, r: Omit<AuditRow, 'hash'>): string {
  const body = JSON.stringify([r.seq, r.at, r.actor, r.action, r.orderId, r.eventId, r.detail]);
  return createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

let written = 0;
/** Audit rows written by this thread so far: the gate sees whether a handler audited itself. */
export function auditWrites(): number {
  return written;
}

/** The last row's seq and hash (genesis when the log is empty). */
export function auditHead(db: ReadableDb): { seq: number; hash: string } {
  const r = stmt(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string | null } | undefined;
  return r ? { seq: r.seq, hash: r.hash ?? AUDIT_GENESIS } : { seq: 0, hash: AUDIT_GENESIS };
}

/** Appends one row, linked to the one before it. Call inside the caller's write transaction. */
export function insertAudit(db: WritableDb, e: AuditEntry): void {
  const head = auditHead(db);
  const row = {
    seq: head.seq + 1,
    at: e.at,
    actor: e.actor,
    action: e.action,
    orderId: e.orderId ?? null,
    eventId: e.eventId ?? null,
    detail: e.detail ?? null,
  };
  stmt(
    db,
    'INSERT INTO audit_log(seq, at, actor, action, order_id, event_id, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.orderId,
    row.eventId,
    row.detail,
    auditHash(head.hash, row),
  );
  written++;
}

export interface AuditChainCheck {
  readonly ok: boolean;
  /** Rows checked. */
  readonly rows: number;
  /** The last row's seq and hash (what to write down outside the database). */
  readonly headSeq: number;
  readonly headHash: string;
  /** The first row whose stored hash does not follow from the rows before it, or null. */
  readonly brokenAt: number | null;
  readonly problem: string | null;
}

const CHUNK = 5_000;

interface ChainCursor {
  prev: string;
  lastSeq: number;
  rows: number;
}

/** Checks up to CHUNK rows after the cursor; returns a result when done or broken, else null. */
function _checkChunk(db: ReadableDb, c: ChainCursor): AuditChainCheck | null {
  const batch = stmt(
    db,
    `SELECT seq, at, actor, action, order_id AS orderId, event_id AS eventId, detail, hash
       FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`,
  ).all(c.lastSeq) as AuditRow[];
  for (const r of batch) {
    const fail = (problem: string): AuditChainCheck => ({
      ok: false,
      rows: c.rows,
      headSeq: c.lastSeq,
      headHash: c.prev,
      brokenAt: r.seq,
      problem,
    });
    if (r.seq !== c.lastSeq + 1) return fail(`第 ${c.lastSeq + 1} 条审计记录缺失`);
    if (r.hash !== auditHash(c.prev, r)) return fail(`第 ${r.seq} 条审计记录被改动或哈希不连续`);
    c.prev = r.hash;
    c.lastSeq = r.seq;
    c.rows++;
  }
  if (batch.length < CHUNK)
    return { ok: true, rows: c.rows, headSeq: c.lastSeq, headHash: c.prev, brokenAt: null, problem: null };
  return null;
}

/** Walks the whole chain from the first row at once (the verify command, a restore check). */
export function verifyAuditChainSync(db: ReadableDb): AuditChainCheck {
  const c: ChainCursor = { prev: AUDIT_GENESIS, lastSeq: 0, rows: 0 };
  for (;;) {
    const done = _checkChunk(db, c);
    if (done) return done;
  }
}

/** The same walk, giving the event loop a turn between chunks (the writer's start-up check). */
export async function verifyAuditChain(
  db: ReadableDb,
  yieldTurn: () => Promise<void>,
): Promise<AuditChainCheck> {
  const c: ChainCursor = { prev: AUDIT_GENESIS, lastSeq: 0, rows: 0 };
  for (;;) {
    const done = _checkChunk(db, c);
    if (done) return done;
    await yieldTurn();
  }
}
