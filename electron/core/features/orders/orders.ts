/** orders.* handlers: create (受理), act (every lifecycle action), get, list. One write transaction per command. */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import type { OrderDetail } from '../../../../shared/features/orders/contract';
import { decodeHlc } from '../../../../shared/kernel/hlc';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { UNIT_ACTIONS, type ActionType } from '../../../../shared/features/orders/action-roles';
import { applyEvent } from '../../../../shared/features/orders/order-reducer';
import { chinaCalendar } from '../../../../shared/kernel/calendar';
import { orderTimers } from '../../../../shared/features/orders/sla-clock';
import { insertAudit } from '../../store/audit';
import { nextLocalHlc } from '../../store/meta';
import { decodeCursor, listOrders } from './queries-list';
import { appendOrderEvents, getEvent, getOrder, orderEvents } from '../../store/event-log/events';
import { readSlaPolicy } from '../../store/reference';
import type { ReadableDb } from '../../store/types';
import type { Handler, WriteEnv } from '../../runtime/context';
import { maskEvent, maskListPage, maskOrder, type MaskSubject } from '../../runtime/masking';
import { checkExtensionRequest, checkUnitRefs, requireActionRole, resolveLocation } from './order-checks';
import { referenceIndex } from '../reference';
import { knownAttachments } from '../attachments';
import { checkIntake } from './intake-checks';
import { checkNotLockedByOther, lockView } from './locks';
import { orderInvolvesUnit } from './unit-scope';
import { liveLock } from './queries-locks';
import { unitShifts } from './queries-dispatch';
import { unitDutyAt } from '../../../../shared/features/duty/duty';

/** A unit account (issue 15) works only on the orders its unit is on. */
function _checkUnitScope(order: WorkOrder, unitId: string | null | undefined): void {
  if (unitId && !orderInvolvesUnit(order, unitId)) throw new ApiError('unit_scope', { field: 'orderId' });
}

/** A unit account takes only the unit's own steps (UNIT_ACTIONS), in its own unit's name. */
function _checkUnitAction(
  action: { readonly type: ActionType; readonly payload: object },
  unitId: string,
): void {
  if (!UNIT_ACTIONS.has(action.type)) throw new ApiError('unit_scope', { field: 'action' });
  const named = (action.payload as { unitId?: unknown }).unitId;
  if (named !== undefined && named !== unitId)
    throw new ApiError('unit_scope', { field: 'action.payload.unitId' });
}

function _detail(
  db: ReadableDb,
  orderId: string,
  who: MaskSubject & { readonly actor: string },
  now: number,
): OrderDetail {
  const order = getOrder(db, orderId);
  if (!order) throw new ApiError('order_not_found', { params: { orderId }, field: 'orderId' });
  _checkUnitScope(order, typeof who === 'string' ? null : who.unitId);
  const timers = orderTimers(order, readSlaPolicy(db), now, chinaCalendar);
  return {
    order: maskOrder(order, who),
    events: orderEvents(db, orderId).map((e) => maskEvent(e, who)),
    timers,
    lock: lockView(liveLock(db, orderId, now), who.actor),
  };
}

/** A local action names only photos the hall has (uploaded first with attachments.upload). */
function _checkPhotos(db: ReadableDb, payload: object): void {
  const photos = (payload as { photos?: readonly string[] }).photos ?? [];
  const known = knownAttachments(db, photos);
  const missing = photos.find((p) => !known.has(p));
  if (missing !== undefined)
    throw new ApiError('unknown_reference', {
      params: { what: '照片', id: missing.slice(0, 12) },
      field: 'action.payload.photos',
    });
}

function _stamp(env: WriteEnv): { hlc: string; at: number } {
  const hlc = nextLocalHlc(env.db, env.node, env.now());
  return { hlc, at: decodeHlc(hlc).physical };
}

/**
 * 并案 ends this order in favour of another: the reducer cannot see the other order, so a local
 * command is checked here. The target must exist and must not itself be merged away (a chain of
 * merges would leave the citizen's appeal with no living order).
 */
function _checkMergeTarget(db: ReadableDb, orderId: string, intoOrderId: string): void {
  const field = 'action.payload.intoOrderId';
  if (intoOrderId === orderId) throw ApiError.why('lifecycle_refused', '不能并入工单自身', field);
  const target = getOrder(db, intoOrderId);
  if (!target)
    throw new ApiError('unknown_reference', { params: { what: '并案目标工单', id: intoOrderId }, field });
  if (target.status === 'merged') {
    throw ApiError.why(
      'lifecycle_refused',
      `目标工单已并入 ${target.mergedInto ?? '其他工单'}，请并入该工单`,
      field,
    );
  }
}

/**
 * Shift-aware dispatch: a 派单 to a unit with a group in the 值班表 names whoever is on duty in it
 * now (decided here, never by the page); nobody on duty → the unit itself, no name.
 */
function _withDutyPerson<P extends { readonly unitId: string; readonly dutyPerson?: string | undefined }>(
  db: ReadableDb,
  payload: P,
  now: number,
): P {
  const { dutyPerson: _ignored, ...rest } = payload;
  const person = unitDutyAt(unitShifts(db), now).get(payload.unitId)?.onDuty?.person;
  return (person ? { ...rest, dutyPerson: person } : rest) as P;
}

export const ordersGet: Handler<'orders.get'> = (input, call, env) =>
  _detail(env.db, input.orderId, call, env.now());

export const ordersList: Handler<'orders.list'> = (input, call, env) => {
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  // A queue pages by offset, the newest-first list by rowid: a cursor of the other kind is not ours.
  if (input.cursor && (!cursor || 'offset' in cursor !== (input.queue !== undefined)))
    throw new ApiError('bad_cursor', { field: 'cursor' });
  return maskListPage(
    listOrders(env.db, {
      ...input,
      q: input.q || undefined,
      ...(call.unitId ? { unitScope: call.unitId } : {}),
      beforeRowid: cursor && 'rowid' in cursor ? cursor.rowid : null,
      offset: cursor && 'offset' in cursor ? cursor.offset : null,
      now: env.now(),
    }),
    call,
  );
};

export const ordersCreate: Handler<'orders.create'> = (input, call, env, tools) => {
  // 受理 is the hall's: a unit account receives orders by 派单, it does not take them in.
  if (call.unitId) throw new ApiError('unit_scope');
  const db = env.db;
  const orderId = input.orderId ?? randomUUID();
  const created = db
    .transaction((): boolean => {
      // Idempotent intake: the same client id again returns the order, it does not create twice.
      if (getOrder(db, orderId)) return false;
      const idx = referenceIndex(db);
      // The catalogue's rules: emergencies diverted, staff-only classes, intake questions.
      const { urgency } = checkIntake(idx.categories, input.order);
      // Triage's location step: community and grid from the point, or the given ones checked.
      const where = resolveLocation(idx, input.order);
      const { hlc, at } = _stamp(env);
      const event = {
        id: randomUUID(),
        orderId,
        type: 'created',
        payload: { ...input.order, ...where, urgency },
        actor: call.actor,
        node: env.node,
        hlc,
        at,
      } as OrderEvent;
      const res = appendOrderEvents(db, [event], { source: 'local', now: env.now() });
      const refused = res.rejected[0];
      if (refused) throw ApiError.why('lifecycle_refused', refused.reason);
      if (!getOrder(db, orderId))
        throw ApiError.why('lifecycle_refused', '工单已存在事件记录，无法重新受理', 'orderId');
      insertAudit(db, { at, actor: call.actor, action: 'orders.create', orderId, eventId: event.id });
      return true;
    })
    .immediate();
  if (created) tools.hint({ topic: 'orders.changed', orderIds: [orderId] });
  return _detail(db, orderId, call, env.now());
};

export const ordersAct: Handler<'orders.act'> = (input, call, env, tools) => {
  const db = env.db;
  // The procedure's base role (officer) was checked by the dispatcher; approvals need more.
  requireActionRole(call.role, input.action.type, call.permissions);
  const written = db
    .transaction((): boolean => {
      if (input.eventId) {
        // Idempotent retry: the action was already recorded, answer with the current state.
        const seen = getEvent(db, input.eventId);
        if (seen) {
          if (seen.orderId !== input.orderId) throw new ApiError('event_id_reused', { field: 'eventId' });
          return false;
        }
      }
      const order = getOrder(db, input.orderId);
      if (!order)
        throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
      if (call.unitId) {
        _checkUnitScope(order, call.unitId);
        _checkUnitAction(input.action, call.unitId);
      }
      // Someone else working on the order (a soft lock) goes first; then a stale version.
      checkNotLockedByOther(db, input.orderId, call.actor, env.now());
      if (order.version !== input.expectedVersion)
        throw new ApiError('stale_version', { field: 'expectedVersion' });
      if (input.action.type === 'merged')
        _checkMergeTarget(db, input.orderId, input.action.payload.intoOrderId);
      checkUnitRefs(referenceIndex(db), input.action);
      _checkPhotos(db, input.action.payload);
      if (input.action.type === 'extension_requested')
        checkExtensionRequest(order, readSlaPolicy(db), input.action.payload.days);
      // 定位: community and grid from the point, like 受理 (or the given ones checked).
      const payload =
        input.action.type === 'located'
          ? {
              ...input.action.payload,
              ...resolveLocation(referenceIndex(db), {
                lng: input.action.payload.lng,
                lat: input.action.payload.lat,
                communityCode: input.action.payload.communityCode ?? null,
                gridCode: input.action.payload.gridCode ?? null,
              }),
            }
          : input.action.type === 'dispatched'
            ? _withDutyPerson(db, input.action.payload, env.now())
            : input.action.payload;
      const { hlc, at } = _stamp(env);
      const event = {
        id: input.eventId ?? randomUUID(),
        orderId: input.orderId,
        type: input.action.type,
        payload,
        actor: call.actor,
        node: env.node,
        hlc,
        at,
      } as OrderEvent;
      // A local command the lifecycle refuses is answered, not stored.
      const check = applyEvent(order, event);
      if (!check.ok) throw ApiError.why('lifecycle_refused', check.reason, 'action');
      const res = appendOrderEvents(db, [event], { source: 'local', now: env.now() });
      const refused = res.rejected[0];
      if (refused) throw ApiError.why('lifecycle_refused', refused.reason, 'action');
      insertAudit(db, {
        at,
        actor: call.actor,
        action: `orders.act:${event.type}`,
        orderId: input.orderId,
        eventId: event.id,
      });
      return true;
    })
    .immediate();
  if (written) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _detail(db, input.orderId, call, env.now());
};
