/**
 * whistle.* handlers (issue 15). One write transaction per command; every change also writes a
 * line of the whistle's command timeline. A whistle from an order also writes the order's own
 * 吹哨 event (and each 报到 its 报到 event), so the order's detail, timers and sync see it.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import type {
  RecipientView,
  WhistleDetail,
  WhistleSummary,
} from '../../../../shared/features/whistle/contract';
import {
  RECIPIENT_STATES,
  geoCheck,
  retryDelayMs,
  suggestUnits,
  type RecipientState,
} from '../../../../shared/features/whistle/whistle';
import { findResponsibleUnit } from '../../../../shared/features/reference/catalogue';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { applyEvent } from '../../../../shared/features/orders/order-reducer';
import { formatChinaTime } from '../../../../shared/kernel/china-time';
import { decodeHlc } from '../../../../shared/kernel/hlc';
import { appendOrderEvents, getOrder } from '../../store/event-log/events';
import { nextLocalHlc } from '../../store/meta';
import { readReferenceSnapshot, referenceVersion } from '../../store/reference';
import type { ReadableDb } from '../../store/types';
import type { Handler, WriteEnv } from '../../runtime/context';
import { WHISTLE_MINUTE_MS } from './minute';
import {
  appendTimeline,
  closeWhistleRow,
  completeTaskRow,
  insertRecipient,
  insertTask,
  insertWhistle,
  openTaskCounts,
  pendingAlarmRows,
  recipientRow,
  recipientRows,
  recordAck,
  recordAlarmAck,
  recordReport,
  responsibilityRules,
  stateCounts,
  taskRow,
  taskRows,
  timelineRows,
  whistleRow,
  whistleRows,
} from './queries';

const VIA_LABEL = { app: '本单位账号', phone: '电话', on_site: '现场' } as const;
const KIND_LABEL = {
  order: '工单吹哨',
  joint_enforcement: '联合执法',
  flood: '防汛',
  major_event: '大型活动',
} as const;

/** Unit id → name, from the reference snapshot (cached per reference version by the caller's db). */
const unitNameCache = new WeakMap<object, { version: number; names: Map<string, string> }>();
export function unitNames(db: ReadableDb): Map<string, string> {
  // One meta read while the reference version holds; the whole snapshot only when it changed.
  const version = referenceVersion(db);
  const hit = unitNameCache.get(db);
  if (hit && hit.version === version) return hit.names;
  const snap = readReferenceSnapshot(db);
  const names = new Map(snap.units.map((u) => [u.id, u.name]));
  unitNameCache.set(db, { version: snap.version, names });
  return names;
}

function _whistleOr404(db: ReadableDb, whistleId: string) {
  const w = whistleRow(db, whistleId);
  if (!w) throw new ApiError('whistle_not_found', { params: { id: whistleId }, field: 'whistleId' });
  return w;
}

export function whistleDetail(db: ReadableDb, whistleId: string, now: number): WhistleDetail {
  const whistle = _whistleOr404(db, whistleId);
  const names = unitNames(db);
  const recipients = recipientRows(db, whistleId).map((r): RecipientView => ({
    ...r,
    unitName: names.get(r.unitId) ?? r.unitId,
    late: r.reportedAt !== null && r.reportedAt > r.deadline,
    // A deadline passed since the loop's last scan already reads 超时.
    state:
      (r.state === 'sent' || r.state === 'delivered') && now > r.deadline && whistle.closedAt === null
        ? 'timeout'
        : r.state,
    overdue: r.reportedAt === null && now > r.deadline,
  }));
  return {
    whistle,
    recipients,
    timeline: timelineRows(db, whistleId),
    tasks: taskRows(db, whistleId).map((t) => ({
      ...t,
      ownerName: names.get(t.ownerUnitId) ?? t.ownerUnitId,
    })),
  };
}

/** Appends one order event as a local command would (the reducer must accept it). */
function _orderEvent(
  env: WriteEnv,
  actor: string,
  orderId: string,
  type: OrderEvent['type'],
  payload: unknown,
): void {
  const order = getOrder(env.db, orderId);
  if (!order) throw new ApiError('order_not_found', { params: { orderId }, field: 'orderId' });
  const hlc = nextLocalHlc(env.db, env.node, env.now());
  const event = {
    id: randomUUID(),
    orderId,
    type,
    payload,
    actor,
    node: env.node,
    hlc,
    at: decodeHlc(hlc).physical,
  } as OrderEvent;
  const check = applyEvent(order, event);
  if (!check.ok) throw ApiError.why('lifecycle_refused', check.reason, 'orderId');
  const res = appendOrderEvents(env.db, [event], { source: 'local', now: env.now() });
  const refused = res.rejected[0];
  if (refused) throw ApiError.why('lifecycle_refused', refused.reason, 'orderId');
}

function _open(db: ReadableDb, whistleId: string) {
  const w = _whistleOr404(db, whistleId);
  if (w.closedAt !== null) throw new ApiError('whistle_closed', { field: 'whistleId' });
  return w;
}

function _recipientOr(db: ReadableDb, whistleId: string, unitId: string) {
  const r = recipientRow(db, whistleId, unitId);
  if (!r) throw new ApiError('not_summoned', { field: 'unitId' });
  return r;
}

/**
 * A unit account (issue 15) answers for its own unit only: it sees the whistles its unit was
 * summoned to and acknowledges or reports in for that unit, never for another.
 */
function _checkOwnUnit(call: { readonly unitId?: string | null }, unitId: string): void {
  if (call.unitId && call.unitId !== unitId) throw new ApiError('unit_scope', { field: 'unitId' });
}

export const whistleList: Handler<'whistle.list'> = (input, call, env) => {
  const unit = call.unitId;
  const rows = whistleRows(env.db, input.orderId ?? null, input.includeClosed).filter(
    (w) => !unit || recipientRow(env.db, w.id, unit) !== null,
  );
  const counts = new Map<string, Record<RecipientState, number>>();
  for (const c of stateCounts(env.db)) {
    let m = counts.get(c.whistleId);
    if (!m)
      counts.set(
        c.whistleId,
        (m = Object.fromEntries(RECIPIENT_STATES.map((s) => [s, 0])) as Record<RecipientState, number>),
      );
    m[c.state] += c.n;
  }
  const tasks = new Map(openTaskCounts(env.db).map((t) => [t.whistleId, t.n]));
  const zero = Object.fromEntries(RECIPIENT_STATES.map((s) => [s, 0])) as Record<RecipientState, number>;
  return rows.map((w): WhistleSummary => ({
    ...w,
    counts: counts.get(w.id) ?? zero,
    openTasks: tasks.get(w.id) ?? 0,
  }));
};

export const whistleGet: Handler<'whistle.get'> = (input, call, env) => {
  if (
    call.unitId &&
    _whistleOr404(env.db, input.whistleId) &&
    !recipientRow(env.db, input.whistleId, call.unitId)
  )
    throw new ApiError('unit_scope', { field: 'whistleId' });
  return whistleDetail(env.db, input.whistleId, env.now());
};

export const whistleSuggest: Handler<'whistle.suggest'> = (input, _call, env) => {
  const snap = readReferenceSnapshot(env.db);
  let point: readonly [number, number] | null =
    input.lng !== undefined && input.lat !== undefined ? [input.lng, input.lat] : null;
  let communityCode: string | null = null;
  let responsibleUnitId: string | null = null;
  if (input.orderId) {
    const o = getOrder(env.db, input.orderId);
    if (!o) throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
    communityCode = o.communityCode;
    if (!point && o.lng !== null && o.lat !== null) point = [o.lng, o.lat];
    responsibleUnitId =
      o.unitId ??
      findResponsibleUnit(responsibilityRules(env.db), o.categoryCode, o.communityCode)?.unitId ??
      null;
  }
  return suggestUnits({ kind: input.kind, units: snap.units, point, communityCode, responsibleUnitId });
};

export const whistleCreate: Handler<'whistle.create'> = (input, call, env, tools) => {
  // Summoning, deciding and acknowledging alarms are the hall's, not a unit account's.
  if (call.unitId) throw new ApiError('unit_scope');
  const db = env.db;
  const id = input.id ?? randomUUID();
  const unitIds = [...new Set(input.unitIds)];
  db.transaction(() => {
    if (whistleRow(db, id)) return; // a retried create
    const names = unitNames(db);
    for (const u of unitIds)
      if (!names.has(u))
        throw new ApiError('unknown_reference', { params: { what: '单位', id: u }, field: 'unitIds' });
    const at = env.now();
    if (input.orderId !== null) {
      // The order model's own 吹哨: its report-in timers and the desk's 报到 rows come from it.
      if (input.deadlineMinutes < 5)
        throw ApiError.why('invalid_input', '工单吹哨的报到时限至少 5 分钟', 'deadlineMinutes');
      _orderEvent(env, call.actor, input.orderId, 'whistled', {
        unitIds,
        deadlineMinutes: input.deadlineMinutes,
        reason: input.reason || input.title,
      });
    }
    insertWhistle(db, {
      id,
      kind: input.kind,
      orderId: input.orderId,
      title: input.title,
      reason: input.reason,
      address: input.address,
      lng: input.lng,
      lat: input.lat,
      radiusM: input.radiusM,
      deadlineMinutes: input.deadlineMinutes,
      createdAt: at,
      createdBy: call.actor,
      closedAt: null,
    });
    const deadline = at + input.deadlineMinutes * WHISTLE_MINUTE_MS;
    appendTimeline(db, {
      whistleId: id,
      at,
      actor: call.actor,
      kind: 'created',
      unitId: null,
      text: `吹哨（${KIND_LABEL[input.kind]}）：${input.title}，集合地点 ${input.address}，${formatChinaTime(deadline, at)} 前报到`,
    });
    for (const unitId of unitIds) {
      insertRecipient(db, { whistleId: id, unitId, at, deadline, nextAttemptAt: at + retryDelayMs(1) });
      appendTimeline(db, {
        whistleId: id,
        at,
        actor: call.actor,
        kind: 'summoned',
        unitId,
        text: `召集 ${names.get(unitId) ?? unitId}：第 1 次推送（本单位账号 / 上级平台）`,
      });
    }
  }).immediate();
  tools.hint({ topic: 'whistle.changed' });
  if (input.orderId !== null) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return whistleDetail(db, id, env.now());
};

export const whistleAck: Handler<'whistle.ack'> = (given, call, env, tools) => {
  const db = env.db;
  _checkOwnUnit(call, given.unitId);
  // The unit's own account acknowledges in its own name: recorded as by the unit (本单位账号).
  const input = call.unitId ? { ...given, via: 'app' as const } : given;
  db.transaction(() => {
    _open(db, input.whistleId);
    const r = _recipientOr(db, input.whistleId, input.unitId);
    if (r.state === 'reported') throw new ApiError('already_handled', { field: 'unitId' });
    const at = env.now();
    recordAck(db, { ...input, at, actor: call.actor });
    const name = unitNames(db).get(input.unitId) ?? input.unitId;
    appendTimeline(db, {
      whistleId: input.whistleId,
      at,
      actor: call.actor,
      kind: input.state,
      unitId: input.unitId,
      text: `${name} ${input.state === 'read' ? '已读确认' : '已送达'}：${input.person}（${VIA_LABEL[input.via]}）`,
    });
  }).immediate();
  tools.hint({ topic: 'whistle.changed' });
  return whistleDetail(db, input.whistleId, env.now());
};

export const whistleReportIn: Handler<'whistle.reportIn'> = (input, call, env, tools) => {
  const db = env.db;
  _checkOwnUnit(call, input.unitId);
  let orderId: string | null = null;
  db.transaction(() => {
    const w = _open(db, input.whistleId);
    const r = _recipientOr(db, input.whistleId, input.unitId);
    if (r.reportedAt !== null) throw new ApiError('already_handled', { field: 'unitId' });
    const position = input.lng !== null && input.lat !== null ? ([input.lng, input.lat] as const) : null;
    const geo = geoCheck([w.lng, w.lat], position, w.radiusM);
    const reason = input.reason.trim();
    if (!position && !reason) throw new ApiError('report_needs_position', { field: 'lng' });
    if (position && !geo.within && !reason)
      throw new ApiError('report_far_from_site', {
        params: { distance: String(geo.distanceM ?? 0), radius: String(w.radiusM) },
        field: 'reason',
      });
    const at = env.now();
    recordReport(db, {
      whistleId: input.whistleId,
      unitId: input.unitId,
      at,
      person: input.person,
      lng: input.lng,
      lat: input.lat,
      distanceM: geo.distanceM,
      reason: reason || null,
    });
    if (w.orderId !== null) {
      const o = getOrder(db, w.orderId);
      // The order's own 报到 (its timer): only while the order still owes it for this unit.
      if (o?.whistle.some((s) => s.unitId === input.unitId && s.reportedAt === null)) {
        _orderEvent(env, call.actor, w.orderId, 'reported_in', { unitId: input.unitId });
        orderId = w.orderId;
      }
    }
    const name = unitNames(db).get(input.unitId) ?? input.unitId;
    const where = geo.distanceM === null ? '无定位' : `距集合点 ${geo.distanceM} 米`;
    const late = at > r.deadline ? '（逾时）' : '';
    appendTimeline(db, {
      whistleId: input.whistleId,
      at,
      actor: call.actor,
      kind: 'reported',
      unitId: input.unitId,
      text: `${name} 报到${late}：${input.person}，${where}${reason ? `，原因：${reason}` : ''}`,
    });
  }).immediate();
  tools.hint({ topic: 'whistle.changed' });
  if (orderId !== null) tools.hint({ topic: 'orders.changed', orderIds: [orderId] });
  return whistleDetail(db, input.whistleId, env.now());
};

export const whistleDecide: Handler<'whistle.decide'> = (input, call, env, tools) => {
  // Summoning, deciding and acknowledging alarms are the hall's, not a unit account's.
  if (call.unitId) throw new ApiError('unit_scope');
  const db = env.db;
  db.transaction(() => {
    _open(db, input.whistleId);
    const names = unitNames(db);
    if (!names.has(input.ownerUnitId))
      throw new ApiError('unknown_reference', {
        params: { what: '单位', id: input.ownerUnitId },
        field: 'ownerUnitId',
      });
    const at = env.now();
    insertTask(db, {
      id: randomUUID(),
      whistleId: input.whistleId,
      decision: input.decision,
      ownerUnitId: input.ownerUnitId,
      deadline: input.deadline,
      createdAt: at,
      createdBy: call.actor,
      doneAt: null,
      doneBy: null,
    });
    appendTimeline(db, {
      whistleId: input.whistleId,
      at,
      actor: call.actor,
      kind: 'decision',
      unitId: input.ownerUnitId,
      text: `会商决定：${input.decision}（责任单位 ${names.get(input.ownerUnitId)}，${formatChinaTime(input.deadline, at)} 前完成）`,
    });
  }).immediate();
  tools.hint({ topic: 'whistle.changed' });
  return whistleDetail(db, input.whistleId, env.now());
};

export const whistleCompleteTask: Handler<'whistle.completeTask'> = (input, call, env, tools) => {
  const db = env.db;
  const t = taskRow(db, input.taskId);
  if (!t) throw new ApiError('record_not_found', { params: { id: input.taskId }, field: 'taskId' });
  // A unit account completes only the tasks its unit owns.
  _checkOwnUnit(call, t.ownerUnitId);
  db.transaction(() => {
    const at = env.now();
    if (!completeTaskRow(db, input.taskId, at, call.actor))
      throw new ApiError('already_handled', { field: 'taskId' });
    const late = at > t.deadline ? '（逾期）' : '';
    appendTimeline(db, {
      whistleId: t.whistleId,
      at,
      actor: call.actor,
      kind: 'task_done',
      unitId: t.ownerUnitId,
      text: `任务完成${late}：${t.decision}`,
    });
  }).immediate();
  tools.hint({ topic: 'whistle.changed' });
  return whistleDetail(db, t.whistleId, env.now());
};

export const whistleClose: Handler<'whistle.close'> = (input, call, env, tools) => {
  const db = env.db;
  db.transaction(() => {
    _open(db, input.whistleId);
    const at = env.now();
    closeWhistleRow(db, input.whistleId, at);
    appendTimeline(db, {
      whistleId: input.whistleId,
      at,
      actor: call.actor,
      kind: 'closed',
      unitId: null,
      text: '结束吹哨',
    });
  }).immediate();
  tools.hint({ topic: 'whistle.changed' });
  return whistleDetail(db, input.whistleId, env.now());
};

export const whistleAlarms: Handler<'whistle.alarms'> = (_input, call, env) => {
  const names = unitNames(env.db);
  // A unit account (issue 15) sees only its own unit's overdue report-ins, not other units'.
  return pendingAlarmRows(env.db)
    .filter((a) => !call.unitId || a.unitId === call.unitId)
    .map((a) => ({ ...a, unitName: names.get(a.unitId) ?? a.unitId }));
};

export const whistleAcknowledgeAlarm: Handler<'whistle.acknowledgeAlarm'> = (input, call, env, tools) => {
  // Summoning, deciding and acknowledging alarms are the hall's, not a unit account's.
  if (call.unitId) throw new ApiError('unit_scope');
  const db = env.db;
  db.transaction(() => {
    _whistleOr404(db, input.whistleId);
    _recipientOr(db, input.whistleId, input.unitId);
    const at = env.now();
    if (!recordAlarmAck(db, input.whistleId, input.unitId, at, call.actor))
      throw new ApiError('already_handled', { field: 'unitId' });
    const name = unitNames(db).get(input.unitId) ?? input.unitId;
    appendTimeline(db, {
      whistleId: input.whistleId,
      at,
      actor: call.actor,
      kind: 'alarm_ack',
      unitId: input.unitId,
      text: `超时告警已确认：${name}`,
    });
  }).immediate();
  tools.hint({ topic: 'whistle.changed' });
  return whistleDetail(db, input.whistleId, env.now());
};
