/** orders.* handlers: create, act, get, list. One write transaction per command. */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import type { OrderDetail } from '../../../../shared/features/orders/contract';
import { decodeHlc } from '../../../../shared/kernel/hlc';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
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

function _detail(db: ReadableDb, orderId: string, who: MaskSubject, now: number): OrderDetail {
  const order = getOrder(db, orderId);
  if (!order) throw new ApiError('order_not_found', { params: { orderId }, field: 'orderId' });
  const timers = orderTimers(order, readSlaPolicy(db), now, chinaCalendar);
  return {
    order: maskOrder(order, who),
    events: orderEvents(db, orderId).map((e) => maskEvent(e, who)),
    timers,
  };
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

export const ordersGet: Handler<'orders.get'> = (input, call, env) =>
  _detail(env.db, input.orderId, call, env.now());

export const ordersList: Handler<'orders.list'> = (input, call, env) => {
  let beforeRowid: number | null = null;
  if (input.cursor) {
    beforeRowid = decodeCursor(input.cursor);
    if (beforeRowid === null) throw new ApiError('bad_cursor', { field: 'cursor' });
  }
  return maskListPage(
    listOrders(env.db, {
      ...input,
      q: input.q || undefined,
      beforeRowid,
      now: env.now(),
    }),
    call,
  );
};

export const ordersCreate: Handler<'orders.create'> = (input, call, env, tools) => {
  const db = env.db;
  const orderId = input.orderId ?? randomUUID();
  const created = db
    .transaction((): boolean => {
      // Idempotent intake: the same client id again returns the order, it does not create twice.
      if (getOrder(db, orderId)) return false;
      // Triage's location step: community and grid from the point, or the given ones checked.
      const where = resolveLocation(referenceIndex(db), input.order);
      const { hlc, at } = _stamp(env);
      const event = {
        id: randomUUID(),
        orderId,
        type: 'created',
        payload: { ...input.order, ...where },
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
  requireActionRole(call.role, input.action.type);
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
      if (order.version !== input.expectedVersion)
        throw new ApiError('stale_version', { field: 'expectedVersion' });
      if (input.action.type === 'merged')
        _checkMergeTarget(db, input.orderId, input.action.payload.intoOrderId);
      checkUnitRefs(referenceIndex(db), input.action);
      if (input.action.type === 'extension_requested')
        checkExtensionRequest(order, readSlaPolicy(db), input.action.payload.days);
      const { hlc, at } = _stamp(env);
      const event = {
        id: input.eventId ?? randomUUID(),
        orderId: input.orderId,
        type: input.action.type,
        payload: input.action.payload,
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
