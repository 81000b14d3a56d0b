/**
 * The order lifecycle as a pure reducer over events (PRODUCT.md "The job, end to end").
 *
 * - `applyEvent` applies one event or refuses it with a reason "中文说明 (english_code)".
 * - `foldEvent` is what a store does incrementally: apply, or keep the refusal on the order.
 * - `reduceOrder` folds a whole history in HLC order; the result does not depend on arrival order.
 *
 * Extension days: `extensionRequestedDays` holds the days of the pending request (0 when none);
 * an approval adds them to `extensionDays`, which is therefore always the approved total.
 *
 * Suspension: `suspended` remembers the status it left (`statusBeforeSuspension`); `resumed`
 * returns to it (an order suspended before it was signed must still be signed), closes the
 * current stay in the problem bank, appends it to `suspensions` and adds its length to
 * `suspendedMs`, so the SLA clock can credit it back per timer.
 *
 * Arrival (到场): the first `progressed` since the current dispatch sets `arrivedAt`; a new
 * dispatch (转派) and an approved return clear it, as they clear `signedAt`.
 */
import { STATUS_LABELS } from './labels';
import { compareEvents } from '../../kernel/hlc';
import type { OrderEvent, OrderEventOf, OrderEventType } from './order-events';
import { OPEN_STATUSES, type OrderStatus, type RejectedEvent, type WorkOrder } from './order';
import { volunteerChange } from './volunteer-transitions';

export type ApplyResult =
  { readonly ok: true; readonly order: WorkOrder } | { readonly ok: false; readonly reason: string };

/** Chinese labels of statuses (one definition, shared/features/orders/labels.ts), used in refusal reasons. */
export { STATUS_LABELS };

/** Chinese verbs of events, used in refusal reasons. */
export const EVENT_LABELS: Readonly<Record<OrderEventType, string>> = {
  created: '受理',
  dispatched: '派单',
  signed: '签收',
  contacted: '联系群众',
  progressed: '反馈进展',
  replied: '办结反馈',
  verified: '核查',
  closed: '结案',
  return_requested: '申请退单',
  return_decided: '审核退单',
  extension_requested: '申请延期',
  extension_decided: '审批延期',
  urged: '催办',
  suspended: '挂账',
  resumed: '解除挂账',
  merged: '并案',
  reopened: '重新打开',
  whistled: '吹哨',
  reported_in: '报到',
  callback_recorded: '记录回访',
  located: '定位',
  volunteer_assigned: '志愿派单',
  volunteer_accepted: '接单',
  volunteer_declined: '拒单',
  volunteer_rated: '评单',
  member_assist_added: '添加协办党员',
  member_assist_removed: '移除协办党员',
};

/** Which statuses each event may be applied in (created: only when there is no order). */
export const ALLOWED_FROM: Readonly<Record<Exclude<OrderEventType, 'created'>, readonly OrderStatus[]>> = {
  dispatched: ['received', 'dispatched', 'in_progress'],
  signed: ['dispatched'],
  contacted: ['in_progress'],
  progressed: ['in_progress'],
  replied: ['in_progress'],
  verified: ['replied'],
  closed: ['replied'],
  return_requested: ['dispatched', 'in_progress'],
  return_decided: ['return_requested'],
  extension_requested: ['dispatched', 'in_progress'],
  extension_decided: ['dispatched', 'in_progress', 'return_requested', 'replied', 'suspended'],
  urged: OPEN_STATUSES,
  suspended: ['dispatched', 'in_progress'],
  resumed: ['suspended'],
  merged: ['received', 'dispatched', 'in_progress'],
  reopened: ['closed'],
  whistled: OPEN_STATUSES,
  reported_in: [
    'received',
    'dispatched',
    'in_progress',
    'return_requested',
    'replied',
    'closed',
    'suspended',
  ],
  callback_recorded: ['replied', 'closed'],
  located: ['received', 'dispatched', 'in_progress', 'return_requested', 'replied', 'suspended'],
  volunteer_assigned: ['received'],
  volunteer_accepted: ['dispatched'],
  volunteer_declined: ['dispatched', 'in_progress'],
  volunteer_rated: ['replied', 'closed'],
  member_assist_added: OPEN_STATUSES,
  member_assist_removed: OPEN_STATUSES,
};

/** Approved extension days (a pending request does not count). Kept for existing callers. */
export function approvedExtensionDays(order: WorkOrder): number {
  return order.extensionDays;
}

const refuse = (reason: string): ApplyResult => ({ ok: false, reason });

function statusRefusal(status: OrderStatus | 'none', type: OrderEventType): ApplyResult {
  const label = status === 'none' ? '工单尚未受理' : `状态为${STATUS_LABELS[status]}`;
  return refuse(`${label}，不能${EVENT_LABELS[type]} (${status} → ${type})`);
}

function isAssigned(order: WorkOrder, unitId: string): boolean {
  return order.unitId === unitId || order.coUnitIds.includes(unitId);
}

/**
 * Where 解除挂账 leads: the status the order was suspended from. A projection stored before
 * `statusBeforeSuspension` existed lacks it; suspension is only allowed from dispatched or
 * in_progress, and only in_progress has a signature, so `signedAt` tells them apart.
 */
function resumeStatus(o: WorkOrder): OrderStatus {
  const before = o.statusBeforeSuspension;
  if (before === 'dispatched' || before === 'in_progress') return before;
  return o.signedAt === null ? 'dispatched' : 'in_progress';
}

function createOrder(e: OrderEventOf<'created'>): WorkOrder {
  const p = e.payload;
  const created = openOrder(e);
  const imp = p.imported;
  if (!imp) return created;
  // A 台账 row: closed history with its call-back result, if the ledger had one.
  const callback = imp.satisfaction
    ? {
        at: imp.closedAt,
        valid: true,
        contacted: true,
        solved: imp.satisfaction !== 'unsatisfied',
        satisfaction: imp.satisfaction,
      }
    : null;
  return {
    ...created,
    status: 'closed',
    closedAt: imp.closedAt,
    unitId: imp.unitId,
    callbackConsent: false,
    callback,
    imported: true,
  };
}

function openOrder(e: OrderEventOf<'created'>): WorkOrder {
  const p = e.payload;
  return {
    id: e.orderId,
    version: 1,
    lastHlc: e.hlc,
    source: p.source,
    appealType: p.appealType,
    categoryCode: p.categoryCode,
    urgency: p.urgency,
    title: p.title,
    description: p.description,
    address: p.address,
    lng: p.lng,
    lat: p.lat,
    communityCode: p.communityCode,
    gridCode: p.gridCode,
    citizen: p.citizen ? { name: p.citizen.name, phone: p.citizen.phone } : null,
    anonymous: p.anonymous ?? false,
    callbackConsent: p.callbackConsent ?? !p.anonymous,
    deviceId: p.deviceId ?? null,
    reporterId: p.reporterId ?? null,
    answers: p.answers ?? {},
    imported: false,
    upstreamId: p.upstreamId,
    upstreamDeadline: p.upstreamDeadline,
    status: 'received',
    statusBeforeReturn: null,
    statusBeforeSuspension: null,
    unitId: null,
    coUnitIds: [],
    receivedAt: e.at,
    dispatchedAt: null,
    signedAt: null,
    contactedAt: null,
    arrivedAt: null,
    repliedAt: null,
    closedAt: null,
    suspendedAt: null,
    suspendedMs: 0,
    suspensions: [],
    extensionDays: 0,
    extensionRequestedDays: 0,
    extensionRequests: 0,
    extensionPending: false,
    returnCount: 0,
    reworkCount: 0,
    urgeCount: 0,
    reopenCount: 0,
    mergedInto: null,
    whistle: [],
    callback: null,
    rejected: [],
    volunteer: null,
    volunteerDeclines: 0,
    assistMembers: null,
  };
}

/** The transition itself; returns the changed fields or a refusal. Status checks are done before. */
function transition(o: WorkOrder, e: OrderEvent): Partial<WorkOrder> | ApplyResult {
  switch (e.type) {
    case 'created':
      return refuse('工单已受理，不能重复受理 (duplicate_created)');
    case 'dispatched': {
      // 转派 (transfer) from dispatched/in_progress: the new unit must sign again.
      const coUnitIds = [...new Set(e.payload.coUnitIds)].filter((u) => u !== e.payload.unitId);
      return {
        status: 'dispatched',
        unitId: e.payload.unitId,
        coUnitIds,
        dispatchedAt: e.at,
        signedAt: null,
        arrivedAt: null,
        // 派单 to a unit ends a volunteer assignment (the unit now owns the order).
        ...(o.volunteer ? { volunteer: null } : {}),
      };
    }
    case 'signed':
      if (!isAssigned(o, e.payload.unitId)) {
        return refuse(`签收单位不是承办或协办单位，不能签收 (signed: unit_not_assigned ${e.payload.unitId})`);
      }
      return { status: 'in_progress', signedAt: e.at };
    case 'contacted':
      // The first contact is what the response timer measures.
      return o.contactedAt === null ? { contactedAt: e.at } : {};
    case 'progressed':
      // The first report after dispatch is the proof of arrival the on-site timer measures.
      return o.arrivedAt === null && o.dispatchedAt !== null ? { arrivedAt: e.at } : {};
    case 'replied':
      return { status: 'replied', repliedAt: e.at };
    case 'verified':
      if (e.payload.passed) return { status: 'closed', closedAt: e.at };
      // 返工: the reply no longer stands, so the finish timer runs again.
      return { status: 'in_progress', repliedAt: null, reworkCount: o.reworkCount + 1 };
    case 'closed':
      return { status: 'closed', closedAt: e.at };
    case 'return_requested':
      if (!isAssigned(o, e.payload.unitId)) {
        return refuse(
          `退单单位不是承办或协办单位，不能申请退单 (return_requested: unit_not_assigned ${e.payload.unitId})`,
        );
      }
      return { status: 'return_requested', statusBeforeReturn: o.status };
    case 'return_decided':
      if (e.payload.approved) {
        return {
          status: 'received',
          statusBeforeReturn: null,
          unitId: null,
          coUnitIds: [],
          dispatchedAt: null,
          signedAt: null,
          arrivedAt: null,
          returnCount: o.returnCount + 1,
        };
      }
      return { status: o.statusBeforeReturn ?? 'dispatched', statusBeforeReturn: null };
    case 'extension_requested':
      if (o.urgency === 'P0' || o.urgency === 'P1') {
        return refuse(`特急/紧急工单不可延期 (extension_requested: urgency_${o.urgency}_not_extendable)`);
      }
      if (o.extensionRequests >= 1) {
        return refuse('延期只能申请一次 (extension_requested: already_requested)');
      }
      return {
        extensionRequests: o.extensionRequests + 1,
        extensionPending: true,
        extensionRequestedDays: e.payload.days,
      };
    case 'extension_decided':
      if (!o.extensionPending) return refuse('没有待审批的延期申请 (extension_decided: no_pending_request)');
      return {
        extensionPending: false,
        extensionRequestedDays: 0,
        extensionDays: e.payload.approved ? o.extensionDays + o.extensionRequestedDays : o.extensionDays,
      };
    case 'urged':
      return { urgeCount: o.urgeCount + 1 };
    case 'suspended':
      return { status: 'suspended', suspendedAt: e.at, statusBeforeSuspension: o.status };
    case 'resumed': {
      // suspendedAt is always set in 'suspended'; the fallback only guards a malformed projection.
      const from = o.suspendedAt ?? e.at;
      // Clamp: an event clock behind the suspension's (another node) must not credit negative time.
      const to = Math.max(from, e.at);
      return {
        status: resumeStatus(o),
        statusBeforeSuspension: null,
        suspendedAt: null,
        suspendedMs: o.suspendedMs + (to - from),
        suspensions: [...o.suspensions, { suspendedAt: from, resumedAt: to }],
      };
    }
    case 'located':
      return {
        lng: e.payload.lng,
        lat: e.payload.lat,
        ...(e.payload.address !== undefined ? { address: e.payload.address } : {}),
        communityCode: e.payload.communityCode,
        gridCode: e.payload.gridCode,
      };
    case 'merged':
      if (e.payload.intoOrderId === o.id) return refuse('不能并入工单自身 (merged: into_itself)');
      return { status: 'merged', mergedInto: e.payload.intoOrderId };
    case 'reopened':
      return {
        status: 'in_progress',
        closedAt: null,
        repliedAt: null,
        reopenCount: o.reopenCount + 1,
      };
    case 'whistled': {
      const whistle = [...o.whistle];
      const deadline = e.at + e.payload.deadlineMinutes * 60_000;
      for (const unitId of e.payload.unitIds) {
        // A unit still owing its report-in is not summoned twice.
        if (whistle.some((s) => s.unitId === unitId && s.reportedAt === null)) continue;
        whistle.push({ unitId, summonedAt: e.at, deadline, reportedAt: null });
      }
      return { whistle };
    }
    case 'reported_in': {
      const i = o.whistle.findIndex((s) => s.unitId === e.payload.unitId && s.reportedAt === null);
      if (i < 0) {
        return refuse(`该单位未被吹哨召集或已报到 (reported_in: not_summoned ${e.payload.unitId})`);
      }
      const whistle = o.whistle.map((s, j) => (j === i ? { ...s, reportedAt: e.at } : s));
      return { whistle };
    }
    case 'volunteer_assigned':
    case 'volunteer_accepted':
    case 'volunteer_declined':
    case 'volunteer_rated':
    case 'member_assist_added':
    case 'member_assist_removed':
      return volunteerChange(o, e);
    case 'callback_recorded':
      return {
        callback: {
          at: e.at,
          valid: e.payload.valid,
          contacted: e.payload.contacted,
          solved: e.payload.solved,
          satisfaction: e.payload.satisfaction,
          ...(e.payload.note ? { note: e.payload.note } : {}),
        },
      };
  }
}

function isResult(x: Partial<WorkOrder> | ApplyResult): x is ApplyResult {
  return 'ok' in x && typeof (x as { ok: unknown }).ok === 'boolean';
}

/** For an existing order: the fields the event changes, or its refusal. */
function changeOf(order: WorkOrder, e: OrderEvent): Partial<WorkOrder> | ApplyResult {
  if (e.orderId !== order.id) {
    return refuse(`事件不属于此工单 (order_mismatch ${e.orderId} ≠ ${order.id})`);
  }
  if (e.type === 'created') return refuse('工单已受理，不能重复受理 (duplicate_created)');
  if (!ALLOWED_FROM[e.type].includes(order.status)) return statusRefusal(order.status, e.type);
  return transition(order, e);
}

function applyUnsafe(order: WorkOrder | null, e: OrderEvent): ApplyResult {
  if (order === null) {
    if (e.type !== 'created') return statusRefusal('none', e.type);
    return { ok: true, order: createOrder(e) };
  }
  const change = changeOf(order, e);
  if (isResult(change)) return change;
  return { ok: true, order: { ...order, ...change, version: order.version + 1, lastHlc: e.hlc } };
}

function internalError(err: unknown): ApplyResult {
  return refuse(`内部错误 (internal_error: ${err instanceof Error ? err.message : String(err)})`);
}

/** Apply one event to the current state (null before `created`). Never throws. */
export function applyEvent(order: WorkOrder | null, e: OrderEvent): ApplyResult {
  try {
    return applyUnsafe(order, e);
  } catch (err) {
    return internalError(err);
  }
}

/**
 * Incremental fold for a store: apply the event, or keep it in `rejected` (and advance lastHlc,
 * since it has been folded). Returns null only while there is no order yet.
 */
export function foldEvent(order: WorkOrder | null, e: OrderEvent): WorkOrder | null {
  const r = applyEvent(order, e);
  if (r.ok) return r.order;
  if (order === null) return null;
  const rejected: RejectedEvent = { eventId: e.id, type: e.type, reason: r.reason };
  return { ...order, lastHlc: e.hlc, rejected: [...order.rejected, rejected] };
}

/**
 * Fold all events of one order in HLC order (compareEvents). Refused events are kept in
 * `order.rejected`, never dropped (events sorted before `created` too, once it exists).
 * Duplicate deliveries of the same event id count once. Returns null when there is no valid
 * `created` event.
 */
export function reduceOrder(events: readonly OrderEvent[]): WorkOrder | null {
  const seen = new Set<string>();
  const sorted = [...events].sort(compareEvents).filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  let order: WorkOrder | null = null;
  const early: RejectedEvent[] = [];
  for (const e of sorted) {
    if (order === null) {
      const r = applyEvent(null, e);
      if (r.ok) {
        order = { ...r.order, rejected: early.slice() };
      } else {
        early.push({ eventId: e.id, type: e.type, reason: r.reason });
      }
      continue;
    }
    order = foldEvent(order, e);
  }
  return order;
}

type Draft = { -readonly [K in keyof WorkOrder]: WorkOrder[K] };

/**
 * `events.reduce(foldEvent, order)` with one working copy instead of a new WorkOrder per event
 * (the store folds a batch's in-order events of an order at once; the per-event copies were
 * most of the ingest's garbage). The draft is a fresh copy, never `order` or an object
 * returned before, so callers may keep `order`; each transition's patch is assigned onto it.
 */
export function foldEvents(order: WorkOrder | null, events: readonly OrderEvent[]): WorkOrder | null {
  let cur: WorkOrder | null = order;
  // The object being mutated, once it exists; when set, cur === draft.
  let draft: Draft | null = null;
  for (const e of events) {
    if (cur === null) {
      // Only `created` gives an order here; createOrder builds a fresh object, ours to mutate.
      cur = foldEvent(null, e);
      draft = cur;
      continue;
    }
    let change: Partial<WorkOrder> | ApplyResult;
    try {
      change = changeOf(cur, e);
    } catch (err) {
      change = internalError(err);
    }
    if (draft === null) draft = { ...cur };
    if (isResult(change)) {
      const reason = change.ok ? '' : change.reason;
      draft.lastHlc = e.hlc;
      draft.rejected = [...draft.rejected, { eventId: e.id, type: e.type, reason }];
    } else {
      Object.assign(draft, change);
      draft.version += 1;
      draft.lastHlc = e.hlc;
    }
    cur = draft;
  }
  return cur;
}
