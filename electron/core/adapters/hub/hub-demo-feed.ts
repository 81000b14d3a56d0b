/**
 * The hub's stand-in for the district platform: it publishes the demo street's reference data,
 * creates 12345 hotline orders for its halls at a steady pace, and sends call-back results and
 * closes orders a hall has replied to (upstream owns both).
 */
import { randomUUID } from 'node:crypto';
import { decodeHlc } from '../../../../shared/kernel/hlc';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import type { ReferenceData } from '../../../../shared/features/reference/reference';
import { createRng, generateReference } from '../../features/demo';
import { nextLocalHlc } from '../../store/meta';
import { readReference, writeReference } from '../../store/reference';
import { appendHubEvents, appendReferenceItem, repliedHotlineOrders } from '../../features/sync';
import type { Hub } from './hub-server';

const TITLES = [
  '小区楼道堆物',
  '夜间施工噪音',
  '路灯不亮',
  '井盖缺失',
  '共享单车乱停放',
  '垃圾清运不及时',
  '占道经营',
];

/** Writes the demo reference data once and puts it in the feed. */
export function publishDemoReference(hub: Hub, seed = 1): ReferenceData {
  const have = readReference(hub.db);
  if (have) return have;
  const ref = generateReference(seed);
  hub.db.transaction(() => {
    writeReference(hub.db, ref);
    appendReferenceItem(hub.db, ref.version, ref, hub.node);
  })();
  return ref;
}

/** One tick: a new hotline order, and call-back + close for up to 5 replied hotline orders. */
export function demoTick(hub: Hub, ref: ReferenceData, rng: () => number, now: number): number {
  const db = hub.db;
  const stamp = (): { hlc: string; at: number } => {
    const hlc = nextLocalHlc(db, hub.node, now);
    return { hlc, at: decodeHlc(hlc).physical };
  };
  const leaves = ref.categories.filter((c) => c.level === 3);
  const grid = ref.grids[Math.floor(rng() * ref.grids.length)];
  const cat = leaves[Math.floor(rng() * leaves.length)];
  const events: OrderEvent[] = [];
  if (grid && cat) {
    const orderId = `up-${randomUUID()}`;
    const { hlc, at } = stamp();
    events.push({
      id: randomUUID(),
      orderId,
      type: 'created',
      hlc,
      at,
      actor: 'upstream',
      node: hub.node,
      payload: {
        source: 'hotline',
        appealType: 'complaint',
        categoryCode: cat.code,
        urgency: cat.defaultUrgency,
        title: TITLES[Math.floor(rng() * TITLES.length)] as string,
        description: '12345 热线转办',
        address: grid.name,
        lng: grid.centroid[0],
        lat: grid.centroid[1],
        communityCode: grid.communityCode,
        gridCode: grid.code,
        citizen: null,
        upstreamId: `GD${String(now).slice(-9)}${Math.floor(rng() * 1000)}`,
        upstreamDeadline: now + 3 * 24 * 3600 * 1000,
      },
    });
  }
  const replied = repliedHotlineOrders(db, 5);
  for (const orderId of replied) {
    const a = stamp();
    events.push({
      id: randomUUID(),
      orderId,
      type: 'callback_recorded',
      ...a,
      actor: 'upstream',
      node: hub.node,
      payload: {
        valid: true,
        contacted: true,
        solved: rng() > 0.1,
        satisfaction: rng() > 0.2 ? 'satisfied' : 'basic',
      },
    });
    const b = stamp();
    events.push({
      id: randomUUID(),
      orderId,
      type: 'closed',
      ...b,
      actor: 'upstream',
      node: hub.node,
      payload: { note: '回访完毕，结案' },
    });
  }
  const n = appendHubEvents(db, events, hub.node, now);
  if (n > 0) hub.notify();
  return n;
}

/** Runs demoTick every intervalMs; returns a stop function. */
export function startDemoFeed(
  hub: Hub,
  opts: { intervalMs: number; seed?: number; now?: () => number },
): () => void {
  const ref = publishDemoReference(hub, opts.seed ?? 1);
  const rng = createRng(opts.seed ?? 1, 0x12345);
  const now = opts.now ?? Date.now;
  const timer = setInterval(() => {
    try {
      demoTick(hub, ref, () => rng.next(), now());
    } catch (err) {
      console.error('[hub] demo feed failed:', err);
    }
  }, opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
