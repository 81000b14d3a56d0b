/**
 * Known duplicates (重复诉求) for the demo street: a few 12345 appeals are reported a second
 * time by another caller — the same place (within a few metres), the same problem, hours later —
 * and the hall merges the second into the first (并案). The second order's id is the first's
 * with the suffix "R", so the triage evaluation knows the pairs (precision and recall of
 * triage.duplicates). Deterministic: its own random stream from the seed.
 */
import type { OrderEvent } from '../../../../../shared/features/orders/order-events';
import { encodeHlc } from '../../../../../shared/kernel/hlc';
import { createRng } from './random';

/** Share of hotline orders with a second report. */
const SHARE = 0.02;
const HOUR = 3_600_000;
const SECOND_OPENERS = ['市民再次来电反映：', '又有来电人反映：', '另一位市民来电称：', '邻居来电反映：'];
const SECOND_ASKS = ['此前已有人反映，至今未处理。', '问题仍然存在，希望尽快解决。', '请尽快派人查看。'];

/** The id of the second report of a known duplicate pair. */
export function knownDuplicateId(firstId: string): string {
  return `${firstId}R`;
}

/** Passes every order through and, for a few hotline orders, adds a second report merged into it. */
export function* withKnownDuplicates(
  orders: Iterable<OrderEvent[]>,
  opts: { readonly seed: number; readonly anchor: number; readonly node: string },
): Generator<OrderEvent[]> {
  const rng = createRng(opts.seed, 0xd0b1e);
  for (const events of orders) {
    yield events;
    const first = events[0];
    if (!first || first.type !== 'created') continue;
    const p = first.payload;
    if (p.source !== 'hotline' || p.lng === null || p.lat === null || !rng.chance(SHARE)) continue;
    const at = first.at + Math.round(rng.range(0.5, 20) * HOUR);
    if (at + 30 * 60_000 >= opts.anchor) continue;
    const id = knownDuplicateId(first.orderId);
    // A few metres away: the same building or spot, placed by another caller.
    const lng = Math.round((p.lng + rng.range(-1e-4, 1e-4)) * 1e7) / 1e7;
    const lat = Math.round((p.lat + rng.range(-8e-5, 8e-5)) * 1e7) / 1e7;
    const counter = rng.int(0, 99_999);
    const stamp = (t: number) => ({ hlc: encodeHlc({ physical: t, counter, node: opts.node }), at: t });
    const mergedAt = at + Math.round(rng.range(5, 60) * 60_000);
    yield [
      {
        ...first,
        id: `${id}-00`,
        orderId: id,
        ...stamp(at),
        payload: {
          ...p,
          description: `${rng.pick(SECOND_OPENERS)}${p.address}${p.title}，${rng.pick(SECOND_ASKS)}`,
          upstreamId: p.upstreamId ? `${p.upstreamId}R` : null,
          upstreamDeadline: p.upstreamDeadline === null ? null : p.upstreamDeadline + (at - first.at),
          lng,
          lat,
        },
      },
      {
        id: `${id}-01`,
        orderId: id,
        type: 'merged',
        ...stamp(mergedAt),
        actor: first.actor === 'upstream' ? 'system' : first.actor,
        node: opts.node,
        payload: { intoOrderId: first.orderId },
      },
    ];
  }
}
