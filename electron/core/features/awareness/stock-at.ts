/**
 * The stock counters (处置中 / 超期 / 预警) as they stood at `at` (yesterday at this time), from
 * the event log; no snapshot is needed. Orders without an event after `at` are as they were then,
 * so SQL counts them from the projection; only the few with later events (a day's worth) are
 * folded from their events up to `at` with the shared reducer. Business time (`at`) decides what
 * had happened by then.
 */
import { reduceOrder } from '../../../../shared/features/orders/order-reducer';
import { finishDeadline } from '../../../../shared/features/orders/sla-clock';
import { FINISH_RUNNING } from '../../../../shared/features/orders/queues';
import { chinaCalendar } from '../../../../shared/kernel/calendar';
import { orderEvents } from '../../store/event-log/events';
import { isOpen } from '../../store/event-log/projection';
import { readSlaPolicy } from '../../store/reference';
import type { ReadableDb } from '../../store/types';
import { IN_PROGRESS, ordersChangedSince, stockOfUnchanged, type Stock } from './queries';

export function stockAt(db: ReadableDb, at: number, fraction = 0.5): Stock {
  const changed = ordersChangedSince(db, at);
  let { inProgress, overdue, warning } = stockOfUnchanged(db, at, fraction, changed);
  const policy = readSlaPolicy(db);
  for (const id of changed) {
    const order = reduceOrder(orderEvents(db, id).filter((e) => e.at <= at));
    if (!order || !isOpen(order)) continue;
    if (IN_PROGRESS.includes(order.status)) inProgress++;
    // 超期 and 预警 only while the finish timer runs (queues.ts: one definition).
    if (!FINISH_RUNNING.includes(order.status)) continue;
    const deadline = finishDeadline(order, policy, chinaCalendar);
    if (deadline === null) continue;
    if (deadline < at) overdue++;
    else if (at - order.receivedAt >= fraction * (deadline - order.receivedAt)) warning++;
  }
  return { inProgress, overdue, warning };
}
