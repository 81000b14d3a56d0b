/**
 * Checks one item pulled from upstream before it may touch the store: its envelope, the event
 * schema (types, lengths, coordinate ranges), safe ids, no markup that could run as script, a
 * known category, and the ownership rule. A bad item gets a Chinese reason naming the field; it
 * is quarantined by the caller while the rest of its batch is applied. Pure.
 */
import { z } from 'zod';
import { OrderEventSchema, type OrderEvent } from '../orders/order-events';
import { FieldReportInput, type FieldReport } from '../field/contract';
import { FeedItemEnvelope, ReferenceBody } from './protocol';
import { checkOwnership, UPSTREAM_OWNED, type OrderOrigin } from './ownership';
import { SAFE_ID, firstScriptPath } from '../orders/safe-text';

export { SAFE_ID, firstScriptPath };

const ZH = z.locales.zhCN().localeError;

export interface ValidateContext {
  readonly hubNode: string;
  /** Known category codes (reference data); an empty set accepts any well-formed code. */
  readonly knownCategory: (code: string) => boolean;
  /** Who created the order (null: unknown here yet). */
  readonly orderOrigin: (orderId: string) => OrderOrigin | null;
}

export type ValidItem =
  | {
      readonly ok: true;
      readonly kind: 'event';
      readonly seq: number;
      readonly event: OrderEvent;
      readonly concurrentWith: readonly string[];
    }
  | {
      readonly ok: true;
      readonly kind: 'reference';
      readonly seq: number;
      readonly reference: z.infer<typeof ReferenceBody>;
    }
  | {
      readonly ok: true;
      readonly kind: 'positions';
      readonly seq: number;
      readonly reports: readonly FieldReport[];
    }
  | { readonly ok: false; readonly seq: number | null; readonly ref: string | null; readonly reason: string };

function _issue(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return '格式错误';
  const path = first.path.length > 0 ? first.path.join('.') : '(根)';
  return `${path}: ${first.message}`;
}

function _refOf(body: unknown): string | null {
  if (body !== null && typeof body === 'object' && 'id' in body) {
    const id = (body as { id: unknown }).id;
    if (typeof id === 'string') return id.slice(0, 128);
  }
  return null;
}

/**
 * Parses with zod's default messages first (the fast path for the many good items) and only
 * re-parses a bad one with the Chinese messages, for its reason.
 */
export function parseEvent(raw: unknown): { ok: true; event: OrderEvent } | { ok: false; reason: string } {
  const fast = OrderEventSchema.safeParse(raw);
  if (fast.success) return { ok: true, event: fast.data };
  const zh = OrderEventSchema.safeParse(raw, { error: ZH });
  return { ok: false, reason: _issue(zh.success ? fast.error : zh.error) };
}

function _envelope(raw: unknown): z.infer<typeof FeedItemEnvelope> | null {
  // Hand-checked: this runs for every pulled item and is the whole envelope schema.
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as { seq?: unknown; kind?: unknown; body?: unknown; concurrentWith?: unknown };
  if (typeof r.seq !== 'number' || !Number.isSafeInteger(r.seq) || r.seq <= 0) return null;
  if (r.kind !== 'event' && r.kind !== 'reference' && r.kind !== 'positions') return null;
  if (r.concurrentWith !== undefined) {
    const cw = r.concurrentWith;
    if (!Array.isArray(cw) || cw.length > 50 || cw.some((x) => typeof x !== 'string' || x.length > 128))
      return null;
    return { seq: r.seq, kind: r.kind, body: r.body, concurrentWith: cw as string[] };
  }
  return { seq: r.seq, kind: r.kind, body: r.body };
}

export function validateFeedItem(raw: unknown, ctx: ValidateContext): ValidItem {
  const fast = _envelope(raw);
  if (!fast) {
    const env = FeedItemEnvelope.safeParse(raw, { error: ZH });
    const seq =
      raw !== null && typeof raw === 'object' && typeof (raw as { seq?: unknown }).seq === 'number'
        ? (raw as { seq: number }).seq
        : null;
    return {
      ok: false,
      seq,
      ref: null,
      reason: `条目格式错误 ${env.success ? 'kind/seq' : _issue(env.error)}`,
    };
  }
  const { seq, kind, body } = fast;
  if (kind === 'reference') {
    const ref = ReferenceBody.safeParse(body, { error: ZH });
    if (!ref.success)
      return { ok: false, seq, ref: 'reference', reason: `基础数据格式错误 ${_issue(ref.error)}` };
    const script = firstScriptPath(ref.data.data, 'data');
    if (script) return { ok: false, seq, ref: 'reference', reason: `${script}: 含有脚本或网页标记，已拒收` };
    return { ok: true, kind, seq, reference: ref.data };
  }
  if (kind === 'positions') {
    // The batch's shape here; who may report and where (person, street box, clock) when applied.
    const pos = FieldReportInput.safeParse(body, { error: ZH });
    if (!pos.success)
      return { ok: false, seq, ref: 'positions', reason: `位置上报格式错误 ${_issue(pos.error)}` };
    return { ok: true, kind, seq, reports: pos.data.reports };
  }
  const ref = _refOf(body);
  const parsed = parseEvent(body);
  if (!parsed.ok) return { ok: false, seq, ref, reason: `事件格式错误 ${parsed.reason}` };
  const e = parsed.event;
  if (!SAFE_ID.test(e.id)) return { ok: false, seq, ref, reason: 'id: 编号含有不允许的字符' };
  if (!SAFE_ID.test(e.orderId)) return { ok: false, seq, ref, reason: 'orderId: 工单编号含有不允许的字符' };
  const script = firstScriptPath(e.payload, 'payload');
  if (script) return { ok: false, seq, ref, reason: `${script}: 含有脚本或网页标记，已拒收` };
  if (e.type === 'created' && !ctx.knownCategory(e.payload.categoryCode)) {
    return { ok: false, seq, ref, reason: `payload.categoryCode: 未知的事项分类 ${e.payload.categoryCode}` };
  }
  const fromUpstream = e.node === ctx.hubNode;
  // The origin only matters for a hall's upstream-owned types: skip the lookup otherwise.
  const needsOrigin = !fromUpstream && UPSTREAM_OWNED.has(e.type);
  const own = checkOwnership({
    event: e,
    fromUpstream,
    orderOrigin: needsOrigin ? ctx.orderOrigin(e.orderId) : null,
  });
  if (!own.ok) return { ok: false, seq, ref, reason: own.reason };
  return { ok: true, kind: 'event', seq, event: e, concurrentWith: fast.concurrentWith ?? [] };
}
