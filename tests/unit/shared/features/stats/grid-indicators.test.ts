import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../../../shared/features/orders/order';
import { reduceOrder } from '../../../../../shared/features/orders/order-reducer';
import { DEFAULT_SLA_POLICY as POLICY } from '../../../../../shared/features/orders/sla-policy';
import { chinaCalendar as cal } from '../../../../../shared/kernel/calendar';
import {
  EMPTY_GRID_COUNTS,
  addGridCounts,
  gridCountsFromOrders,
  gridIndicators,
} from '../../../../../shared/features/stats/grid-indicators';
import { CREATED, DAY, HOUR, MIN, T0, makeEvent } from '../../fixtures';

// P2 walk-in orders: finish deadline = receivedAt + 7 days.
const base = reduceOrder([
  makeEvent('created', { ...CREATED, source: 'walk_in', upstreamDeadline: null }, T0),
]) as WorkOrder;
const o = (over: Partial<WorkOrder>): WorkOrder => ({ ...base, ...over });

const orders: WorkOrder[] = [
  // 1 closed on time, signed after 10 min, replied after 2 days
  o({
    status: 'closed',
    dispatchedAt: T0,
    signedAt: T0 + 10 * MIN,
    repliedAt: T0 + 2 * DAY,
    closedAt: T0 + 3 * DAY,
  }),
  // 2 closed, replied late (8 days), reworked once, signed after 30 min
  o({
    status: 'closed',
    dispatchedAt: T0,
    signedAt: T0 + 30 * MIN,
    repliedAt: T0 + 8 * DAY,
    closedAt: T0 + 9 * DAY,
    reworkCount: 1,
  }),
  // 3 replied on time, not closed yet, signed after 20 min
  o({ status: 'replied', dispatchedAt: T0, signedAt: T0 + 20 * MIN, repliedAt: T0 + 4 * DAY }),
  // 4 in progress and past its deadline at `now`, returned once before
  o({ status: 'in_progress', dispatchedAt: T0 + HOUR, signedAt: T0 + HOUR, returnCount: 1 }),
  // 5 received (not dispatched), returned twice
  o({ status: 'received', returnCount: 2 }),
  // 6 suspended past the deadline: not overdue (paused)
  o({ status: 'suspended', dispatchedAt: T0, suspendedAt: T0 + DAY }),
  // 7 merged: excluded everywhere
  o({ status: 'merged', mergedInto: 'O-2', returnCount: 5 }),
];
const NOW = T0 + 10 * DAY;

describe('grid indicators', () => {
  it('counts by hand', () => {
    expect(gridCountsFromOrders(orders, POLICY, cal, NOW)).toEqual({
      registered: 6,
      toHandle: 5, // all but #5 (received) and #7 (merged)
      handledOnTime: 2, // #1, #3
      closed: 2, // #1, #2
      closedOnTime: 1, // #1 (closed day 3 ≤ day 7); #2 closed day 9
      reworked: 1,
      returns: 3,
      overdue: 3, // #2 replied late, #4 open past deadline, #5 received and past deadline
      signedCount: 4,
      signMsTotal: (10 + 30 + 20 + 0) * MIN,
      repliedCount: 3,
      handleMsTotal: (2 + 8 + 4) * DAY,
    });
  });
  it('rates by hand', () => {
    const i = gridIndicators(gridCountsFromOrders(orders, POLICY, cal, NOW));
    expect(i.onTimeHandlingRate).toBeCloseTo(2 / 5, 12);
    expect(i.closeRate).toBeCloseTo(2 / 6, 12);
    expect(i.onTimeCloseRate).toBeCloseTo(1 / 5, 12);
    expect(i.reworkRate).toBeCloseTo(1 / 5, 12);
    expect(i.returns).toBe(3);
    expect(i.overdue).toBe(3);
    expect(i.avgSignMs).toBe(15 * MIN);
    expect(i.avgHandleMs).toBeCloseTo((14 / 3) * DAY, 6);
  });
  it('nulls on empty input, and counts add up across groups', () => {
    expect(gridIndicators(EMPTY_GRID_COUNTS)).toEqual({
      onTimeHandlingRate: null,
      closeRate: null,
      onTimeCloseRate: null,
      reworkRate: null,
      returns: 0,
      overdue: 0,
      avgSignMs: null,
      avgHandleMs: null,
    });
    const a = gridCountsFromOrders(orders.slice(0, 3), POLICY, cal, NOW);
    const b = gridCountsFromOrders(orders.slice(3), POLICY, cal, NOW);
    expect(addGridCounts(a, b)).toEqual(gridCountsFromOrders(orders, POLICY, cal, NOW));
  });
});
