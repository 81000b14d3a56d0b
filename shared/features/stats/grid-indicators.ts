/**
 * Grid-management indicators (数字城管): 按期处置率, 结案率, 按期结案率, 返工率, 回退数, 超期数,
 * average sign and handle time.
 *
 * Input is a counts object SQL can produce with one aggregate over the orders table (using the
 * stored finish deadline); `gridCountsFromOrders` is the in-memory reference used by tests and
 * small lists. Definitions (merged orders are excluded everywhere):
 * - registered (立案数): orders in the set.
 * - toHandle (应处置数): orders that left 待派单 (status not 'received').
 * - handledOnTime (按期处置数): replied or closed with (repliedAt ?? closedAt) ≤ finish deadline.
 * - closed (结案数): status 'closed'.  closedOnTime (按期结案数): closed with closedAt ≤ finish deadline.
 * - reworked (返工数): orders with at least one failed verification.
 * - returns (回退数): approved returns, summed.
 * - overdue (超期数): finished after the deadline, or still open (not suspended) past it at `now`.
 * - sign time: signedAt − dispatchedAt over signed orders; handle time: repliedAt − receivedAt
 *   over replied orders. Sums and counts are kept so groups can be added before averaging.
 * Rates: 按期处置率 = handledOnTime / toHandle; 结案率 = closed / registered;
 * 按期结案率 = closedOnTime / toHandle; 返工率 = reworked / toHandle. null when the denominator is 0.
 */
import type { WorkOrder } from '../orders/order';
import type { SlaPolicy } from '../orders/sla-policy';
import type { WorkCalendar } from '../../kernel/calendar';
import { finishDeadline } from '../orders/sla-clock';

export interface GridCounts {
  readonly registered: number;
  readonly toHandle: number;
  readonly handledOnTime: number;
  readonly closed: number;
  readonly closedOnTime: number;
  readonly reworked: number;
  readonly returns: number;
  readonly overdue: number;
  readonly signedCount: number;
  readonly signMsTotal: number;
  readonly repliedCount: number;
  readonly handleMsTotal: number;
}

export interface GridIndicators {
  /** 按期处置率 */
  readonly onTimeHandlingRate: number | null;
  /** 结案率 */
  readonly closeRate: number | null;
  /** 按期结案率 */
  readonly onTimeCloseRate: number | null;
  /** 返工率 */
  readonly reworkRate: number | null;
  /** 回退数 */
  readonly returns: number;
  /** 超期数 */
  readonly overdue: number;
  /** Average 签收 time, ms. */
  readonly avgSignMs: number | null;
  /** Average 办结 time (receipt → reply), ms. */
  readonly avgHandleMs: number | null;
}

export const EMPTY_GRID_COUNTS: GridCounts = {
  registered: 0,
  toHandle: 0,
  handledOnTime: 0,
  closed: 0,
  closedOnTime: 0,
  reworked: 0,
  returns: 0,
  overdue: 0,
  signedCount: 0,
  signMsTotal: 0,
  repliedCount: 0,
  handleMsTotal: 0,
};

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export function gridIndicators(c: GridCounts): GridIndicators {
  return {
    onTimeHandlingRate: ratio(c.handledOnTime, c.toHandle),
    closeRate: ratio(c.closed, c.registered),
    onTimeCloseRate: ratio(c.closedOnTime, c.toHandle),
    reworkRate: ratio(c.reworked, c.toHandle),
    returns: c.returns,
    overdue: c.overdue,
    avgSignMs: ratio(c.signMsTotal, c.signedCount),
    avgHandleMs: ratio(c.handleMsTotal, c.repliedCount),
  };
}

export function addGridCounts(a: GridCounts, b: GridCounts): GridCounts {
  const out: Record<keyof GridCounts, number> = { ...EMPTY_GRID_COUNTS };
  for (const k of Object.keys(EMPTY_GRID_COUNTS) as (keyof GridCounts)[]) out[k] = a[k] + b[k];
  return out;
}

export function gridCountsFromOrders(
  orders: Iterable<WorkOrder>,
  policy: SlaPolicy,
  cal: WorkCalendar,
  now: number,
): GridCounts {
  const c: Record<keyof GridCounts, number> = { ...EMPTY_GRID_COUNTS };
  for (const o of orders) {
    if (o.status === 'merged') continue;
    c.registered++;
    if (o.status !== 'received') c.toHandle++;
    const deadline = finishDeadline(o, policy, cal);
    const finishedAt = o.repliedAt ?? o.closedAt;
    if (deadline !== null && finishedAt !== null && finishedAt <= deadline) c.handledOnTime++;
    if (o.status === 'closed') {
      c.closed++;
      if (deadline !== null && o.closedAt !== null && o.closedAt <= deadline) c.closedOnTime++;
    }
    if (o.reworkCount > 0) c.reworked++;
    c.returns += o.returnCount;
    if (deadline !== null) {
      const late = finishedAt !== null ? finishedAt > deadline : o.status !== 'suspended' && now > deadline;
      if (late) c.overdue++;
    }
    if (o.signedAt !== null && o.dispatchedAt !== null) {
      c.signedCount++;
      c.signMsTotal += o.signedAt - o.dispatchedAt;
    }
    if (o.repliedAt !== null) {
      c.repliedCount++;
      c.handleMsTotal += o.repliedAt - o.receivedAt;
    }
  }
  return c;
}
