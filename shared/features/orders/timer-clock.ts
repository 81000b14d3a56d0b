/**
 * The instant an order's running timers are measured at: `now`, or frozen at suspendedAt while
 * suspended (挂账 pauses the clock) and at closedAt once closed — the SLA clock's rule. A display
 * that ticks between refreshes must use it too, or a suspended order's timers would turn overdue
 * on screen. A module of its own so the renderer gets it without the holiday calendar.
 */
import type { WorkOrder } from './order';

export function timerClock(
  order: Pick<WorkOrder, 'status' | 'suspendedAt' | 'closedAt'>,
  now: number,
): number {
  if (order.status === 'suspended' && order.suspendedAt !== null) return Math.min(now, order.suspendedAt);
  if (order.status === 'closed' && order.closedAt !== null) return Math.min(now, order.closedAt);
  return now;
}
