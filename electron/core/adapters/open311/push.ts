/**
 * The push: this hall's status changes on orders that came from Open311 are posted back with
 * the service-request-updates extension (POST servicerequestupdates: update_id, service_request_id,
 * status in upper case, description, updated_datetime). Each (event, recipient) is a delivery row:
 * pending → sent only when the server accepted it; a failure is kept as failed with its error and
 * retried with backoff, never shown as sent.
 */
import type { Open311OutboundKey, Open311Settings } from '../../../../shared/features/open311/contract';
import {
  dueDeliveries,
  enqueueDelivery,
  markDeliveryFailed,
  markDeliverySent,
  maxEventSeq,
  outboundCandidates,
  readOpen311ApiKey,
  readOpen311State,
  writeOpen311State,
  type DeliveryRow,
} from '../../features/open311';
import { assertCurrent, log, type ConnectorContext } from './context';
import { describeOpen311Error, technicalDetail } from './errors';
import { formatOpen311Date } from './dates';
import { open311Url, recordsOf, request } from './http';

const SCAN_LIMIT = 1000;
const SEND_LIMIT = 50;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

function recipientOf(settings: Open311Settings): string {
  return `${settings.endpoint ?? ''}#${settings.jurisdictionId ?? ''}`;
}

function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

const DEFAULT_TEXT: Readonly<Record<Open311OutboundKey, string>> = {
  dispatched: '已派单',
  signed: '承办单位已签收',
  progressed: '处置中',
  replied: '已办结',
  verified_passed: '核查通过，已结案',
  verified_failed: '核查未通过，返工处置',
  closed: '已结案',
  return_requested: '承办单位申请退单',
  suspended: '已挂账',
  resumed: '解除挂账，继续处置',
  merged: '已并案',
  reopened: '已重新打开',
};

function _outboundKey(type: string, payload: Record<string, unknown>): Open311OutboundKey | null {
  if (type === 'verified') return payload['passed'] === true ? 'verified_passed' : 'verified_failed';
  return (DEFAULT_TEXT as Record<string, string>)[type] !== undefined ? (type as Open311OutboundKey) : null;
}

function _description(key: Open311OutboundKey, payload: Record<string, unknown>): string {
  for (const f of ['result', 'note', 'reason'] as const) {
    const v = payload[f];
    if (typeof v === 'string' && v.trim() !== '') return `${DEFAULT_TEXT[key]}: ${v.trim()}`.slice(0, 2000);
  }
  return DEFAULT_TEXT[key];
}

/** Turns new local events into delivery rows (same transaction as the scan position). */
export function enqueueOutbound(ctx: ConnectorContext, settings: Open311Settings): number {
  if (!settings.pushUpdates || !settings.endpoint) return 0;
  const recipient = recipientOf(settings);
  return ctx.db.transaction(() => {
    assertCurrent(ctx);
    const st = readOpen311State(ctx.db);
    const top = maxEventSeq(ctx.db);
    const rows = outboundCandidates(ctx.db, ctx.node, st.pushSeq, SCAN_LIMIT).filter((r) => r.seq <= top);
    let n = 0;
    for (const r of rows) {
      const payload = JSON.parse(r.payload) as Record<string, unknown>;
      const key = _outboundKey(r.type, payload);
      const status = key ? settings.statusOut[key] : undefined;
      if (!key || !status) continue;
      enqueueDelivery(
        ctx.db,
        {
          eventId: r.id,
          recipient,
          serviceRequestId: r.serviceRequestId,
          status,
          description: _description(key, payload),
          updatedAt: r.at,
        },
        ctx.now(),
      );
      n++;
    }
    const last = rows.length === SCAN_LIMIT ? (rows[rows.length - 1]?.seq ?? st.pushSeq) : top;
    writeOpen311State(ctx.db, { pushSeq: Math.max(st.pushSeq, last) });
    return n;
  })();
}

async function _post(
  ctx: ConnectorContext,
  settings: Open311Settings,
  d: DeliveryRow,
): Promise<string | null> {
  const url = open311Url(settings.endpoint as string, 'servicerequestupdates', settings.format, {});
  const form = new URLSearchParams();
  if (settings.jurisdictionId) form.set('jurisdiction_id', settings.jurisdictionId);
  const key = readOpen311ApiKey(ctx.db);
  if (key) form.set('api_key', key);
  form.set('update_id', d.eventId);
  form.set('service_request_id', d.serviceRequestId);
  // The extension takes statuses upper-case on POST (and gives them lower-case on GET).
  form.set('status', d.status.toUpperCase());
  form.set('description', d.description);
  form.set('updated_datetime', formatOpen311Date(d.updatedAt));
  const res = await request(
    ctx.fetch,
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    },
    ctx.signal,
  );
  const body = recordsOf(res); // throws on non-2xx, error lists and HTML pages
  const first = body.records[0];
  const remote = first?.['update_id'];
  return typeof remote === 'string' || typeof remote === 'number' ? String(remote) : null;
}

/** Sends due deliveries; each outcome is written at once, so a crash never loses or fakes one. */
export async function deliverDue(
  ctx: ConnectorContext,
  settings: Open311Settings,
): Promise<{ sent: number; failed: number }> {
  if (!settings.pushUpdates || !settings.endpoint) return { sent: 0, failed: 0 };
  const recipient = recipientOf(settings);
  let sent = 0;
  let failed = 0;
  for (const d of dueDeliveries(ctx.db, recipient, ctx.now(), SEND_LIMIT)) {
    // The settings changed (another endpoint): stop posting to this one.
    assertCurrent(ctx);
    try {
      const remote = await _post(ctx, settings, d);
      markDeliverySent(ctx.db, d.eventId, recipient, ctx.now(), remote);
      sent++;
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      const msg = describeOpen311Error(err);
      const wait = backoffMs(d.attempts + 1);
      markDeliveryFailed(ctx.db, d.eventId, recipient, msg, ctx.now() + wait);
      log(
        ctx,
        'warn',
        `状态回传失败 (请求 ${d.serviceRequestId}, 第 ${d.attempts + 1} 次)：${msg}；保留待发，${Math.round(wait / 1000)} 秒后重发 (${technicalDetail(err)})`,
      );
      failed++;
    }
  }
  if (sent || failed) ctx.hint({ topic: 'sync.changed' });
  return { sent, failed };
}
