/**
 * The dispatch desk's work queues and the one definition of 超期, for every screen: the wall, the
 * analysis counters, the queues and the list all count the same orders. The SQL of the queues
 * (electron/core/features/orders/queries-queues.ts) follows these predicates; a test checks both
 * agree on a random history.
 */
import type { OrderStatus, WorkOrder } from './order';

/**
 * Statuses in which the finish timer runs: the order is not yet 办结 (replied). The projection
 * keeps `finish_deadline` only for these, so "open and past the deadline" is 超期 exactly.
 */
export const FINISH_RUNNING: readonly OrderStatus[] = [
  'received',
  'dispatched',
  'in_progress',
  'return_requested',
];

/** 超期: not yet 办结 and past the street's internal finish deadline, now (whenever it was received). */
export function isOverdue(
  order: Pick<WorkOrder, 'status'>,
  finishDeadline: number | null,
  now: number,
): boolean {
  return FINISH_RUNNING.includes(order.status) && finishDeadline !== null && finishDeadline < now;
}

/** 临期: not yet 办结, not overdue, and at least this share of the finish time used. */
export const DUE_SOON_FRACTION = 0.75;

/** 待回访: a closed order is called back within this many days of closing. */
export const CALLBACK_WINDOW_DAYS = 30;

export const QUEUES = [
  'to_accept', // 待受理: received without a place (待定位) — intake to complete
  'to_dispatch', // 待派单
  'to_sign', // 待签收
  'due_soon', // 临期
  'overdue', // 超期
  'to_verify', // 待核查
  'to_callback', // 待回访
  'return_review', // 退单待审
  'extension_review', // 延期待批
] as const;
export type QueueId = (typeof QUEUES)[number];

type QueueOrder = Pick<
  WorkOrder,
  | 'status'
  | 'lng'
  | 'communityCode'
  | 'receivedAt'
  | 'closedAt'
  | 'callback'
  | 'anonymous'
  | 'callbackConsent'
  | 'extensionPending'
>;

/** Whether an order is placed: it has a point or at least its community. */
export function isPlaced(o: Pick<WorkOrder, 'lng' | 'communityCode'>): boolean {
  return o.lng !== null || o.communityCode !== null;
}

/** Whether the hall still owes the citizen a call-back (回访). */
export function needsCallback(
  o: Pick<WorkOrder, 'status' | 'callback' | 'anonymous' | 'callbackConsent'>,
): boolean {
  return o.status === 'closed' && o.callback === null && o.anonymous !== true && o.callbackConsent !== false;
}

/** The queues an order is in now (an order can be in several: 待签收 and 超期). */
export function queuesOf(o: QueueOrder, finishDeadline: number | null, now: number): QueueId[] {
  const out: QueueId[] = [];
  if (o.status === 'received') out.push(isPlaced(o) ? 'to_dispatch' : 'to_accept');
  if (o.status === 'dispatched') out.push('to_sign');
  if (isOverdue(o, finishDeadline, now)) out.push('overdue');
  else if (
    FINISH_RUNNING.includes(o.status) &&
    finishDeadline !== null &&
    now - o.receivedAt >= DUE_SOON_FRACTION * (finishDeadline - o.receivedAt)
  )
    out.push('due_soon');
  if (o.status === 'replied') out.push('to_verify');
  if (needsCallback(o) && o.closedAt !== null && o.closedAt >= now - CALLBACK_WINDOW_DAYS * 86_400_000)
    out.push('to_callback');
  if (o.status === 'return_requested') out.push('return_review');
  if (o.extensionPending) out.push('extension_review');
  return out;
}
