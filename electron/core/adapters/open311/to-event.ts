/**
 * One Open311 request → our `created` event (or a reason to quarantine it). Deterministic event
 * and order ids from service_request_id make a re-pull a no-op. Decisions (docs/OPEN311.md):
 * markup in text (script/iframe tags, event-handler attributes, javascript: URLs) quarantines the
 * item — an upstream that sends it is broken or hostile, and an admin should look; SQL-looking
 * text is just text (every query is parameterised) and is kept verbatim.
 */
import { createHash } from 'node:crypto';
import type { Open311Settings, Open311ServiceMapping } from '../../../../shared/features/open311/contract';
import { encodeHlc } from '../../../../shared/kernel/hlc';
import { Lat, Lng, OrderEventSchema, type OrderEvent } from '../../../../shared/features/orders/order-events';
import { parseOpen311Date } from './dates';
import type { RequestRecord } from './records';

export const OPEN311_NODE = 'open311';
export const OPEN311_ACTOR = 'open311';

const HOSTILE =
  /<\s*\/?\s*(script|iframe|object|embed|svg|img|style|link|meta)\b|\bon[a-z]+\s*=|javascript\s*:/i;

export function hostileField(r: Readonly<Record<string, unknown>>): string | null {
  for (const [k, v] of Object.entries(r)) {
    if (typeof v === 'string' && HOSTILE.test(v)) return k;
    if (Array.isArray(v) && v.some((x) => typeof x === 'string' && HOSTILE.test(x))) return k;
  }
  return null;
}

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,50}$/;

/** service_request_id → our order id (ids that are not integers are fine; odd ones are hashed). */
export function orderIdFor(serviceRequestId: string): string {
  if (SAFE_ID.test(serviceRequestId)) return `O311-${serviceRequestId}`;
  return `O311-h${createHash('sha256').update(serviceRequestId).digest('hex').slice(0, 24)}`;
}

export function eventIdFor(serviceRequestId: string, suffix: string): string {
  const base = SAFE_ID.test(serviceRequestId)
    ? serviceRequestId
    : `h${createHash('sha256').update(serviceRequestId).digest('hex').slice(0, 24)}`;
  return `o311:${base}:${suffix}`;
}

export function upstreamHlc(at: number): string {
  return encodeHlc({ physical: at, counter: 0, node: OPEN311_NODE });
}

export type RequestOutcome =
  | {
      readonly kind: 'event';
      readonly serviceRequestId: string;
      readonly event: OrderEvent;
      readonly status: string | null;
      /** updated_datetime, else requested_datetime, else null. */
      readonly updatedMs: number | null;
      /** An address without coordinates: the order waits to be placed (待定位). */
      readonly unplaced: boolean;
      /** Things survived on the way (swapped lat/long, blank dates…), for the log. */
      readonly notes: readonly string[];
    }
  | { readonly kind: 'quarantine'; readonly reason: string; readonly ref: string | null };

function _findMapping(settings: Open311Settings, code: string): Open311ServiceMapping | null {
  return settings.serviceMap.find((m) => m.serviceCode === code) ?? null;
}

type Placement =
  | { readonly kind: 'placed'; readonly lat: number; readonly lng: number; readonly swapped: boolean }
  /** An address and no usable coordinates: an order waiting to be placed (待定位). */
  | { readonly kind: 'unplaced' }
  | { readonly kind: 'refused'; readonly reason: string };

const _wgs84 = (la: number, ln: number): boolean => Math.abs(la) <= 90 && Math.abs(ln) <= 180;

/**
 * Lat/long against the hall's area (the coordinate range an order accepts): swapped pairs are
 * put right; no coordinates (or the 0,0 placeholder some servers send) with an address make an
 * order waiting for a place (the spec allows a request with an address only); a real position
 * outside the area stays out with that reason; anything else is not a position at all.
 */
function placeOf(lat: number | undefined, lng: number | undefined, address: string): Placement {
  const missing = lat === undefined || lng === undefined || (lat === 0 && lng === 0);
  if (missing) {
    if (address.trim() !== '') return { kind: 'unplaced' };
    return { kind: 'refused', reason: '缺少坐标 lat/long，也没有地址，无法定位' };
  }
  const ok = (la: number, ln: number) => Lat.safeParse(la).success && Lng.safeParse(ln).success;
  if (ok(lat, lng)) return { kind: 'placed', lat, lng, swapped: false };
  if (ok(lng, lat)) return { kind: 'placed', lat: lng, lng: lat, swapped: true };
  if (_wgs84(lat, lng))
    return {
      kind: 'refused',
      reason: `坐标不在辖区范围内: lat=${lat}, long=${lng}（本中心只接收经度 73–136、纬度 3–54 之内的位置）`,
    };
  return { kind: 'refused', reason: `坐标无效（不是地球上的位置）: lat=${lat}, long=${lng}` };
}

export function requestToEvent(r: RequestRecord, settings: Open311Settings, now: number): RequestOutcome {
  const srid = r.service_request_id;
  if (!srid) {
    return r.token
      ? {
          kind: 'quarantine',
          reason: `只有 token (${r.token})，没有 service_request_id，暂不能建单`,
          ref: r.token,
        }
      : { kind: 'quarantine', reason: '缺少 service_request_id', ref: null };
  }
  if (srid.length > 64)
    return { kind: 'quarantine', reason: 'service_request_id 超过 64 个字符', ref: srid.slice(0, 64) };
  const hostile = hostileField(r);
  if (hostile) return { kind: 'quarantine', reason: `字段 ${hostile} 含有脚本或 HTML 标记`, ref: srid };
  if (!r.service_code) return { kind: 'quarantine', reason: '缺少 service_code', ref: srid };
  const mapping = _findMapping(settings, r.service_code);
  if (!mapping) {
    return {
      kind: 'quarantine',
      reason: `服务类型 service_code=${r.service_code} 未在分类映射表中`,
      ref: srid,
    };
  }
  const place = placeOf(r.lat, r.long, r.address ?? '');
  if (place.kind === 'refused') return { kind: 'quarantine', reason: place.reason, ref: srid };
  const notes: string[] = [];
  if (place.kind === 'placed' && place.swapped) notes.push(`请求 ${srid} 的 lat/long 互换，已纠正`);
  const off = settings.naiveOffsetMinutes;
  const requested = parseOpen311Date(r.requested_datetime, off);
  const updated = parseOpen311Date(r.updated_datetime, off);
  const expected = parseOpen311Date(r.expected_datetime, off);
  for (const [name, d] of [
    ['requested_datetime', requested],
    ['updated_datetime', updated],
  ] as const) {
    if (d.note === 'naive')
      notes.push(`请求 ${srid} 的 ${name} 无时区，按 UTC${off >= 0 ? '+' : ''}${off / 60} 解释`);
    if (d.note === 'unreadable') notes.push(`请求 ${srid} 的 ${name} 无法解析: ${String(r[name])}`);
  }
  let at = requested.ms ?? updated.ms ?? now;
  if (requested.ms === null)
    notes.push(`请求 ${srid} 缺少受理时间，按${updated.ms !== null ? '更新时间' : '拉取时间'}计`);
  if (at > now) {
    notes.push(`请求 ${srid} 的受理时间在未来，按当前时间计`);
    at = now;
  }
  const media = (r.media_url ?? []).filter((u) => /^https?:\/\//i.test(u));
  const descriptionParts = [r.description ?? '', media.length ? `附件: ${media.join(' ')}` : ''].filter(
    Boolean,
  );
  const title = (r.service_name ?? r.description ?? `Open311 ${srid}`).slice(0, 200);
  const candidate = {
    id: eventIdFor(srid, 'created'),
    orderId: orderIdFor(srid),
    type: 'created',
    hlc: upstreamHlc(at),
    at,
    actor: OPEN311_ACTOR,
    node: OPEN311_NODE,
    payload: {
      source: mapping.source,
      appealType: mapping.appealType,
      categoryCode: mapping.categoryCode,
      urgency: mapping.urgency,
      title: title.trim() === '' ? `Open311 ${srid}` : title,
      description: descriptionParts.join('\n').slice(0, 5000),
      address: (r.address ?? '').slice(0, 300),
      lng: place.kind === 'placed' ? place.lng : null,
      lat: place.kind === 'placed' ? place.lat : null,
      upstreamId: srid,
      upstreamDeadline: expected.ms,
    },
  };
  const parsed = OrderEventSchema.safeParse(candidate);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return {
      kind: 'quarantine',
      reason: `转换为工单失败: ${i ? `${i.path.join('.')} ${i.message}` : '格式错误'}`,
      ref: srid,
    };
  }
  return {
    kind: 'event',
    serviceRequestId: srid,
    event: parsed.data,
    status: r.status ? r.status.toLowerCase().replace(/ /g, '_') : null,
    updatedMs: updated.ms ?? requested.ms,
    unplaced: place.kind === 'unplaced',
    notes,
  };
}
