/**
 * Every deadline the demo makes lies after its order's receipt: the seeded year, the live
 * trickle (which replays orders of three weeks ago as new ones) and the hub's demo feed. A
 * replayed order used to keep its template's upstream deadline, weeks in the past, and showed
 * on the wall as a false 超期 (WO20261206L80632: received 12-06 22:23, 上级时限 11-09).
 */
import { describe, expect, it } from 'vitest';
import { generateOrderEvents } from '../../../../../../../electron/core/features/demo/generator/orders';
import { generateReference } from '../../../../../../../electron/core/features/demo/generator/reference';
import { LivePlanner } from '../../../../../../../electron/core/features/demo/generator/live';
import type { EventPayload } from '../../../../../../../shared/features/orders/order-events';

const ref = generateReference(1);
const T0 = Date.UTC(2026, 11, 6, 14, 23, 0);

describe('demo deadlines', () => {
  it('the seeded year: every upstream deadline after its receipt', () => {
    let hotline = 0;
    for (const events of generateOrderEvents(ref, { seed: 1, days: 120, anchor: T0, node: 'hall' })) {
      const c = events[0];
      if (c?.type !== 'created') continue;
      if (c.payload.upstreamDeadline === null) continue;
      hotline++;
      expect(c.payload.upstreamDeadline, c.orderId).toBeGreaterThan(c.at);
    }
    expect(hotline).toBeGreaterThan(500);
  });

  it('the live trickle: a replayed order gets a deadline after its new receipt, at the same distance', () => {
    const p = new LivePlanner(ref, { seed: 3, node: 'hall', meanIntervalMs: 20_000 }, T0);
    let checked = 0;
    for (let t = T0; t <= T0 + 6 * 3_600_000; t += 5_000) {
      for (const s of p.due(t)) {
        if (s.type !== 'created') continue;
        const payload = s.payload as EventPayload<'created'>;
        if (payload.upstreamDeadline === null) continue;
        checked++;
        expect(payload.upstreamDeadline, s.orderId).toBeGreaterThan(s.due);
        // 12345 deadlines are hours to weeks away, never more than the longest (15 days + 15 of extension).
        expect(payload.upstreamDeadline - s.due).toBeLessThanOrEqual(31 * 86_400_000);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
