/**
 * The audit feature: the admin's view of the log, the chain check at start-up and on demand, and
 * the two audits nobody has to remember — every mutation the gate runs (unless its handler wrote
 * its own row), and every time someone opened an order with the citizen's personal data unmasked.
 */
import { createHash } from 'node:crypto';
import type { AuditChainStatus, AuditStatus } from '../../../../shared/features/audit/contract';
import { insertAudit, verifyAuditChain, type AuditChainCheck, type AuditEntry } from '../../store/audit';
import type { WritableDb } from '../../store/types';
import type { Handler, WriteEnv } from '../../runtime/context';
import { auditActions, listAudit } from './queries';

/** Input keys whose values never go into the log. */
const SECRET_KEY = /pass(word)?|token|secret|api_?key|credential/i;
const MAX_TEXT = 120;
const MAX_DETAIL = 1_000;

function _summary(value: unknown, key: string, depth: number): unknown {
  if (SECRET_KEY.test(key)) return '[已隐去]';
  if (typeof value === 'string') {
    if (value.length <= MAX_TEXT) return value;
    const digest = createHash('sha256').update(value).digest('hex').slice(0, 12);
    return `[${value.length} 字符 sha256:${digest}]`;
  }
  if (depth > 3)
    return Array.isArray(value) ? `[${value.length} 项]` : value && typeof value === 'object' ? '{…}' : value;
  if (Array.isArray(value)) {
    const head = value.slice(0, 10).map((v) => _summary(v, '', depth + 1));
    return value.length > 10 ? [...head, `… 共 ${value.length} 项`] : head;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = _summary(v, k, depth + 1);
    return out;
  }
  return value;
}

/** A compact, secret-free JSON of a call's input for the audit log. */
export function summarizeInput(input: unknown): string {
  const text = JSON.stringify(_summary(input, '', 0)) ?? 'null';
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** The gate's audit of a mutation whose handler wrote no row of its own. */
export function auditMutation(
  db: WritableDb,
  entry: { at: number; actor: string; proc: string; input: unknown },
): void {
  insertAudit(db, {
    at: entry.at,
    actor: entry.actor,
    action: entry.proc,
    detail: summarizeInput(entry.input),
  });
}

/** One person opening one order's personal data is written once per 10 minutes, not per refresh. */
const PERSONAL_READ_REPEAT_MS = 10 * 60_000;
const recentReads = new Map<string, number>();

export function recordPersonalRead(db: WritableDb, e: AuditEntry): void {
  const key = `${e.actor}\u0000${e.orderId ?? ''}\u0000${e.action}`;
  const last = recentReads.get(key);
  if (last !== undefined && e.at - last < PERSONAL_READ_REPEAT_MS && e.at >= last) return;
  if (recentReads.size > 10_000) recentReads.clear();
  recentReads.set(key, e.at);
  insertAudit(db, e);
}

/** The personal-data read the gate records for `orders.get` by a caller who sees it unmasked. */
export function personalReadEntry(at: number, actor: string, orderId: string): AuditEntry {
  return { at, actor, action: 'orders.viewPersonal', orderId, detail: null };
}

let lastCheck: AuditChainStatus | null = null;

function _status(c: AuditChainCheck, at: number): AuditChainStatus {
  return { ...c, checkedAt: at };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * The start-up check (writer): walks the chain in chunks between calls, logs the head (to be
 * compared with one written down earlier) or the first broken row, and tells admins' screens.
 */
export function startAuditCheck(env: WriteEnv, onDone: () => void): void {
  lastCheck = null;
  verifyAuditChain(env.db, turn).then(
    (c) => {
      lastCheck = _status(c, env.now());
      if (c.ok) {
        if (env.host !== 'test')
          console.info(`[audit] chain ok: ${c.rows} rows, head #${c.headSeq} ${c.headHash}`);
      } else console.error(`[audit] 审计日志链校验失败 chain BROKEN at #${c.brokenAt}: ${c.problem}`);
      onDone();
    },
    (err: unknown) => console.error('[audit] chain check failed:', err),
  );
}

export const auditList: Handler<'audit.list'> = (input, _call, env) => {
  const rows = listAudit(env.db, input);
  const last = rows[rows.length - 1];
  return {
    rows,
    nextBeforeSeq: rows.length === input.limit && last ? last.seq : null,
    actions: input.beforeSeq === undefined ? auditActions(env.db) : [],
  };
};

export const auditStatus: Handler<'audit.status'> = (): AuditStatus => ({ check: lastCheck });

export const auditVerify: Handler<'audit.verify'> = async (_input, call, env, tools) => {
  lastCheck = _status(await verifyAuditChain(env.db, turn), env.now());
  insertAudit(env.db, {
    at: env.now(),
    actor: call.actor,
    action: 'audit.verify',
    detail: JSON.stringify({
      ok: lastCheck.ok,
      rows: lastCheck.rows,
      headSeq: lastCheck.headSeq,
      brokenAt: lastCheck.brokenAt,
    }),
  });
  tools.hint({ topic: 'system.changed' });
  return lastCheck;
};
