/**
 * Two people, one case: opening an action takes a soft lock on the order, shown to the others
 * ("张三 正在处理 · 2 分钟前") and expiring by itself (ORDER_LOCK_TTL_MS without renewal). While
 * someone else holds it, orders.act and orders.lock are refused (`order_locked`); a commander can
 * break it with a reason, which is audited. The desk renews the lock while its form is open.
 */
import { ApiError } from '../../../../shared/contract/index';
import { ORDER_LOCK_TTL_MS, type OrderLockView } from '../../../../shared/features/orders/contract';
import { formatChinaTime } from '../../../../shared/kernel/china-time';
import { insertAudit } from '../../store/audit';
import { getOrder } from '../../store/event-log/events';
import type { ReadableDb, WritableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import { displayNameOf } from '../auth';
import { dropLock, liveLock, pruneLocks, putLock, type LockRow } from './queries-locks';
import { orderInvolvesUnit } from './unit-scope';

export function lockView(l: LockRow | null, caller: string): OrderLockView | null {
  if (!l) return null;
  return {
    holder: l.holder,
    holderName: l.holderName,
    purpose: l.purpose,
    since: l.since,
    expiresAt: l.expiresAt,
    mine: l.holder === caller,
  };
}

function _lockedError(l: LockRow, now: number): ApiError {
  return new ApiError('order_locked', {
    params: {
      name: l.holderName,
      since: formatChinaTime(l.since, now),
      holder: l.holder,
      sinceMs: String(l.since),
    },
  });
}

/** Refuses when someone other than `caller` holds a live lock on the order. */
export function checkNotLockedByOther(db: ReadableDb, orderId: string, caller: string, now: number): void {
  const l = liveLock(db, orderId, now);
  if (l && l.holder !== caller) throw _lockedError(l, now);
}

function _mustExist(db: ReadableDb, orderId: string): void {
  if (!getOrder(db, orderId))
    throw new ApiError('order_not_found', { params: { orderId }, field: 'orderId' });
}

export const ordersLock: Handler<'orders.lock'> = (input, call, env, tools) => {
  const db: WritableDb = env.db;
  const now = env.now();
  const { view, fresh } = db
    .transaction(() => {
      _mustExist(db, input.orderId);
      // A unit account (issue 15) locks only the orders its unit is on: elsewhere it would show
      // "正在处理" to the hall and hold off the duty officers from an order it cannot work.
      const order = call.unitId ? getOrder(db, input.orderId) : null;
      if (call.unitId && order && !orderInvolvesUnit(order, call.unitId))
        throw new ApiError('unit_scope', { field: 'orderId' });
      const held = liveLock(db, input.orderId, now);
      if (held && held.holder !== call.actor) throw _lockedError(held, now);
      pruneLocks(db, now);
      const row: LockRow = {
        orderId: input.orderId,
        holder: call.actor,
        holderName: displayNameOf(db, call.actor),
        purpose: input.purpose,
        since: held ? held.since : now,
        expiresAt: now + ORDER_LOCK_TTL_MS,
      };
      putLock(db, row);
      return {
        view: lockView(row, call.actor) as OrderLockView,
        fresh: !held || held.purpose !== input.purpose,
      };
    })
    .immediate();
  // A renewal changes nothing others see; taking the lock (or changing what it is for) does.
  if (fresh) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return view;
};

export const ordersUnlock: Handler<'orders.unlock'> = (input, call, env, tools) => {
  const released = dropLock(env.db, input.orderId, call.actor);
  if (released) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return { released };
};

export const ordersBreakLock: Handler<'orders.breakLock'> = (input, call, env, tools) => {
  const db = env.db;
  const now = env.now();
  const broken = db
    .transaction(() => {
      _mustExist(db, input.orderId);
      const held = liveLock(db, input.orderId, now);
      if (!held) return false;
      dropLock(db, input.orderId);
      insertAudit(db, {
        at: now,
        actor: call.actor,
        action: 'orders.breakLock',
        orderId: input.orderId,
        detail: JSON.stringify({ holder: held.holder, purpose: held.purpose, reason: input.reason }),
      });
      return true;
    })
    .immediate();
  if (broken) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return { broken };
};
