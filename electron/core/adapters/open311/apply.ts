/**
 * Applies one batch of pulled requests (or updates) in one transaction with the cursor: valid
 * items become events through ingestEvents, bad ones go to quarantine with their reason (once
 * per item, with a count), and the rest of the batch is applied either way. An upstream change
 * our lifecycle refuses is kept, flagged and listed in the 冲突 list for a person. Our own
 * posted updates, read back from the server, are recognised and not taken for upstream news.
 * Nothing is written when the settings changed since the cycle started (assertCurrent).
 */
import type { Open311InboundEffect, Open311Settings } from '../../../../shared/features/open311/contract';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { OrderEventSchema } from '../../../../shared/features/orders/order-events';
import { createdAtOf, getOrder, ingestEvents } from '../../store/event-log/events';
import {
  getOpen311Link,
  isOwnUpdate,
  lastSentStatus,
  readOpen311State,
  upsertOpen311Link,
  writeOpen311State,
  type Open311State,
} from '../../features/open311';
import { recordConflict, recordQuarantine, unlistedRefusedEvents } from '../../features/sync';
import { assertCurrent, log, type ConnectorContext } from './context';
import type { RawRecord } from './parse';
import { issueText, RequestRecord, UpdateRecord } from './records';
import { parseOpen311Date } from './dates';
import {
  eventIdFor,
  hostileField,
  OPEN311_ACTOR,
  OPEN311_NODE,
  orderIdFor,
  requestToEvent,
  upstreamHlc,
} from './to-event';

export interface BatchResult {
  readonly created: number;
  readonly statusEvents: number;
  /** Items quarantined now (a repeat of an item already quarantined only counts up its row). */
  readonly quarantined: number;
  /** Orders created without a place (an address only): 待定位. */
  readonly unplaced: number;
  /** Our own posted updates read back and recognised. */
  readonly ownEchoes: number;
  /** New rows of the 冲突 list (upstream changes the lifecycle refused). */
  readonly conflicts: number;
  readonly orderIds: readonly string[];
}

const EFFECT_NAMES: Readonly<Record<string, string>> = { closed: '结案', reopened: '重新打开' };

/**
 * Lists refused upstream (Open311) events in the 冲突 list — those of this batch and any flagged
 * earlier without a row — with the reducer's reason, so a person sees an order closed upstream
 * that stays open here. Returns how many rows were added.
 */
function _listRefused(ctx: ConnectorContext, now: number): number {
  let n = 0;
  for (const e of unlistedRefusedEvents(ctx.db, OPEN311_NODE, 1000)) {
    const refusal = getOrder(ctx.db, e.orderId)?.rejected.find((r) => r.eventId === e.id);
    const what = EFFECT_NAMES[e.type] ?? `的“${e.type}”`;
    const reason = `Open311 上游要求${what}，但本中心的工单流程不允许：${refusal?.reason ?? '与工单当前状态不符'}。记录已保存，请核对后处理`;
    if (recordConflict(ctx.db, { event: e, kind: 'refused', reason, detectedAt: now })) n++;
  }
  return n;
}

function _excerpt(r: unknown): string {
  try {
    return JSON.stringify(r);
  } catch {
    return String(r);
  }
}

function _effect(settings: Open311Settings, status: string | null): Open311InboundEffect | null {
  if (!status) return null;
  return settings.statusIn[status.toLowerCase().replace(/ /g, '_')] ?? null;
}

interface StatusChange {
  readonly srid: string;
  readonly effect: Open311InboundEffect;
  readonly status: string;
  readonly at: number;
  readonly note: string;
  /** Stable suffix for the event id (same change pulled twice → same id). */
  readonly key: string;
}

function _statusEvent(c: StatusChange, createdAt: number, now: number): OrderEvent {
  // An update stamped before its case (clock skew, back-dated updates) is placed just after it.
  const at = Math.min(Math.max(c.at, createdAt + 1), now);
  const note = c.note.slice(0, 1000);
  return OrderEventSchema.parse({
    id: eventIdFor(c.srid, `${c.effect}:${c.key}`),
    orderId: orderIdFor(c.srid),
    type: c.effect === 'closed' ? 'closed' : 'reopened',
    hlc: upstreamHlc(at),
    at,
    actor: OPEN311_ACTOR,
    node: OPEN311_NODE,
    payload: c.effect === 'closed' ? { note } : { reason: note || `上游状态 ${c.status}` },
  });
}

/** Quarantines, ingests and moves the cursor — all or nothing. */
export function applyRequests(
  ctx: ConnectorContext,
  settings: Open311Settings,
  records: readonly RawRecord[],
  statePatch: (s: Open311State) => Partial<Open311State>,
): BatchResult {
  const now = ctx.now();
  const notes: string[] = [];
  const result = ctx.db.transaction((): BatchResult => {
    assertCurrent(ctx);
    let quarantined = 0;
    const quarantine = (reason: string, payload: unknown, ref: string | null): void => {
      const q = recordQuarantine(ctx.db, {
        source: 'open311',
        reason,
        payload: _excerpt(payload),
        ref,
        at: now,
      });
      if (q.fresh) quarantined++;
    };
    // Newest copy of each request wins (servers repeat items across pages and windows).
    const latest = new Map<string, { rec: RequestRecord; raw: RawRecord; updated: number }>();
    for (const raw of records) {
      const parsed = RequestRecord.safeParse(raw);
      if (!parsed.success) {
        const ref =
          typeof raw['service_request_id'] === 'string' || typeof raw['service_request_id'] === 'number';
        quarantine(issueText(parsed.error), raw, ref ? String(raw['service_request_id']) : null);
        continue;
      }
      const r = parsed.data;
      const key = r.service_request_id ?? `token:${r.token ?? ''}:${latest.size}`;
      const updated = parseOpen311Date(r.updated_datetime, settings.naiveOffsetMinutes).ms ?? 0;
      const prev = latest.get(key);
      if (!prev || updated >= prev.updated) latest.set(key, { rec: r, raw, updated });
    }
    const events: OrderEvent[] = [];
    const links: Array<{
      srid: string;
      orderId: string;
      effect: Open311InboundEffect | null;
      updated: number | null;
    }> = [];
    let created = 0;
    let statusEvents = 0;
    let unplaced = 0;
    let ownEchoes = 0;
    let highWater = readOpen311State(ctx.db).highWater;
    let seen = new Set(readOpen311State(ctx.db).seenAtHighWater);
    for (const { rec, raw } of latest.values()) {
      const out = requestToEvent(rec, settings, now);
      if (out.kind === 'quarantine') {
        quarantine(out.reason, raw, out.ref);
        continue;
      }
      notes.push(...out.notes);
      const link = getOpen311Link(ctx.db, out.serviceRequestId);
      const effect = _effect(settings, out.status);
      if (out.status && !effect)
        notes.push(`请求 ${out.serviceRequestId} 的状态 "${out.status}" 未在状态映射表中，只建单`);
      if (!link) {
        events.push(out.event);
        created++;
        if (out.unplaced) unplaced++;
      }
      const lastEffect = (link?.status as Open311InboundEffect | null | undefined) ?? 'open';
      let nowEffect = lastEffect;
      // The status we last posted for this request, shown back to us: not upstream's news.
      const echo =
        link !== null && out.status !== null && lastSentStatus(ctx.db, out.serviceRequestId) === out.status;
      if (echo) ownEchoes++;
      if (effect && effect !== lastEffect && out.status && !echo) {
        if (link?.updatedAt != null && out.updatedMs != null && out.updatedMs < link.updatedAt) {
          notes.push(`请求 ${out.serviceRequestId} 的状态早于已处理的版本，忽略`);
        } else {
          nowEffect = effect;
          events.push(
            _statusEvent(
              {
                srid: out.serviceRequestId,
                effect,
                status: out.status,
                at: out.updatedMs ?? now,
                note: `Open311 状态 ${out.status}${rec.status_notes ? `: ${rec.status_notes}` : ''}`,
                key: String(out.updatedMs ?? 0),
              },
              out.event.at,
              now,
            ),
          );
          statusEvents++;
        }
      }
      links.push({
        srid: out.serviceRequestId,
        orderId: out.event.orderId,
        effect: nowEffect,
        updated: Math.max(out.updatedMs ?? 0, link?.updatedAt ?? 0) || null,
      });
      if (out.updatedMs !== null) {
        if (highWater === null || out.updatedMs > highWater) {
          highWater = out.updatedMs;
          seen = new Set([out.serviceRequestId]);
        } else if (out.updatedMs === highWater) seen.add(out.serviceRequestId);
      }
    }
    const res = events.length
      ? ingestEvents(ctx.db, events, { source: 'upstream', node: ctx.node, now })
      : null;
    for (const l of links) {
      upsertOpen311Link(ctx.db, {
        serviceRequestId: l.srid,
        orderId: l.orderId,
        status: l.effect,
        updatedAt: l.updated,
      });
    }
    const conflicts = _listRefused(ctx, now);
    const s = readOpen311State(ctx.db);
    writeOpen311State(ctx.db, {
      highWater,
      seenAtHighWater: [...seen].slice(-500),
      pulledTotal: s.pulledTotal + records.length,
      createdTotal: s.createdTotal + created,
      quarantinedTotal: s.quarantinedTotal + quarantined,
      ...statePatch(s),
    });
    return {
      created,
      statusEvents,
      quarantined,
      unplaced,
      ownEchoes,
      conflicts,
      orderIds: res ? [...res.orderIds] : [],
    };
  })();
  for (const n of notes) log(ctx, 'warn', n);
  _logBatch(ctx, result);
  return result;
}

function _logBatch(ctx: ConnectorContext, r: BatchResult): void {
  if (r.quarantined > 0) log(ctx, 'warn', `${r.quarantined} 条上游记录已隔离，请管理员在隔离区查看`);
  if (r.unplaced > 0)
    log(ctx, 'info', `${r.unplaced} 条请求只有地址、没有坐标，已建为待定位工单（研判时按地址定位）`);
  if (r.conflicts > 0)
    log(ctx, 'warn', `${r.conflicts} 条上游状态变更被工单流程拒绝，已保存并列入冲突列表，请值班长处理`);
}

/** servicerequestupdates → status events on orders we know; duplicates, stale and our own updates are skipped. */
export function applyUpdates(
  ctx: ConnectorContext,
  settings: Open311Settings,
  records: readonly RawRecord[],
  statePatch: Partial<Open311State>,
): BatchResult {
  const now = ctx.now();
  const notes: string[] = [];
  const result = ctx.db.transaction((): BatchResult => {
    assertCurrent(ctx);
    let quarantined = 0;
    let ownEchoes = 0;
    const parsed: Array<{ u: UpdateRecord; at: number }> = [];
    for (const raw of records) {
      const p = UpdateRecord.safeParse(raw);
      const hostile = p.success ? hostileField(raw) : null;
      if (!p.success || hostile || !p.data.service_request_id || !p.data.update_id) {
        const reason = !p.success
          ? issueText(p.error)
          : hostile
            ? `字段 ${hostile} 含有脚本或 HTML 标记`
            : '缺少 update_id 或 service_request_id';
        const q = recordQuarantine(ctx.db, {
          source: 'open311',
          reason,
          payload: _excerpt(raw),
          ref: null,
          at: now,
        });
        if (q.fresh) quarantined++;
        continue;
      }
      const at = parseOpen311Date(p.data.updated_datetime, settings.naiveOffsetMinutes).ms ?? now;
      parsed.push({ u: p.data, at });
    }
    // Out of order on the wire: apply oldest first.
    parsed.sort((a, b) => a.at - b.at || String(a.u.update_id).localeCompare(String(b.u.update_id)));
    const events: OrderEvent[] = [];
    const seenIds = new Set<string>();
    for (const { u, at } of parsed) {
      const srid = u.service_request_id as string;
      const updateId = u.update_id as string;
      if (seenIds.has(updateId)) continue;
      seenIds.add(updateId);
      const link = getOpen311Link(ctx.db, srid);
      if (!link) continue; // An update to a request we never pulled: nothing to attach it to.
      const status = (u.status ?? '').toLowerCase().replace(/ /g, '_');
      if (
        isOwnUpdate(ctx.db, { updateId, serviceRequestId: srid, status, description: u.description ?? '' })
      ) {
        ownEchoes++;
        continue;
      }
      const effect = _effect(settings, status);
      if (!effect) {
        if (status) notes.push(`更新 ${updateId} 的状态 "${status}" 未在状态映射表中，忽略`);
        continue;
      }
      if (link.updatedAt !== null && at < link.updatedAt) {
        notes.push(`更新 ${updateId} 早于已处理的状态，忽略`);
        continue;
      }
      if (effect !== link.status) {
        const createdAt = createdAtOf(ctx.db, link.orderId);
        if (createdAt !== null && at < createdAt)
          notes.push(`更新 ${updateId} 早于工单受理时间，排在受理之后`);
        events.push(
          _statusEvent(
            {
              srid,
              effect,
              status,
              at,
              note: `Open311 更新 ${status}${u.description ? `: ${u.description}` : ''}`,
              key: `u${updateId}`,
            },
            createdAt ?? 0,
            now,
          ),
        );
      }
      upsertOpen311Link(ctx.db, { ...link, status: effect, updatedAt: Math.max(at, link.updatedAt ?? 0) });
    }
    const res = events.length
      ? ingestEvents(ctx.db, events, { source: 'upstream', node: ctx.node, now })
      : null;
    const conflicts = _listRefused(ctx, now);
    const s = readOpen311State(ctx.db);
    writeOpen311State(ctx.db, { ...statePatch, quarantinedTotal: s.quarantinedTotal + quarantined });
    return {
      created: 0,
      statusEvents: events.length,
      quarantined,
      unplaced: 0,
      ownEchoes,
      conflicts,
      orderIds: res ? [...res.orderIds] : [],
    };
  })();
  for (const n of notes) log(ctx, 'warn', n);
  _logBatch(ctx, result);
  return result;
}
