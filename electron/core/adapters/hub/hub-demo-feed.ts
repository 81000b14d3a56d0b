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

const OPENERS = ['市民来电反映：', '来电人反映：', '市民通过12345反映：', '市民网上留言反映：'];
const ASKS = ['希望相关部门尽快处理。', '请尽快协调解决。', '希望尽快派人查看。'];

/**
 * What a 12345 caller says, derived from the category it is filed under: the leaf's name is the
 * problem as a citizen reports it, so title and category always agree (they used to be drawn
 * independently: "垃圾清运不及时" under 共享单车乱停放). Staff-only leaves (grid/IoT) never come
 * from the hotline.
 */
export function demoHotlineAppeal(
  ref: Pick<ReferenceData, 'categories' | 'grids'>,
  rng: () => number,
): { categoryCode: string; title: string; description: string; gridIndex: number } | null {
  const leaves = ref.categories.filter((c) => c.level === 3 && !c.staffOnly && !c.emergency);
  const gridIndex = Math.floor(rng() * ref.grids.length);
  const grid = ref.grids[gridIndex];
  const cat = leaves[Math.floor(rng() * leaves.length)];
  if (!grid || !cat) return null;
  const opener = OPENERS[Math.floor(rng() * OPENERS.length)] as string;
  const ask = ASKS[Math.floor(rng() * ASKS.length)] as string;
  return {
    categoryCode: cat.code,
    title: `${grid.name}${cat.name}`,
    description: `${opener}${grid.name}${cat.name}，${ask}`,
    gridIndex,
  };
}

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
  const appeal = demoHotlineAppeal(ref, rng);
  const grid = appeal ? ref.grids[appeal.gridIndex] : undefined;
  const cat = appeal ? ref.categories.find((c) => c.code === appeal.categoryCode) : undefined;
  const events: OrderEvent[] = [];
  if (appeal && grid && cat) {
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
        title: appeal.title,
        description: appeal.description,
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
