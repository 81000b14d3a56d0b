/**
 * Two halls change the same order while cut off from the hub (and so from each other): when
 * the link returns both converge to the same state, ordered by HLC, and the conflict is listed
 * on both halls' 冲突 lists for a person to resolve.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../electron/core/adapters/hub/hub-server';
import { hubSeq } from '../../electron/core/features/sync/queries-hub';
import type { Cleanups } from '../integration/runtime/fixtures';
import { createdPayload } from '../integration/store/fixtures';
import {
  ADMIN,
  FAST,
  openHall,
  REG_TOKEN,
  snapshot,
  startTestHub,
  waitFor,
  waitSynced,
} from '../integration/sync/sync-fixtures';
import { freePort } from './fault-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

describe('two halls cut off, same order', () => {
  it('converge to one state and both list the conflict', async () => {
    const port = await freePort();
    const hub = await startTestHub(cleanups, undefined, port);
    const timing = { ...FAST, hints: false };
    const a = await openHall(cleanups, hub.url, 'hallA', { timing });
    const b = await openHall(cleanups, hub.url, 'hallB', { timing });
    // The street's reference data comes from the hub on the first sync.
    await waitSynced(a.core, () => hubSeq(hub.db));
    const d = await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    const id = d.order.id;
    await waitSynced(a.core, () => hubSeq(hub.db));
    await waitSynced(b.core, () => hubSeq(hub.db));
    // The cable is cut.
    await hub.close();
    for (const h of [a, b]) {
      await waitFor('offline', async () => (await h.core.call('sync.status', {}, ADMIN)).state === 'offline');
    }
    const oa = await a.core.call('orders.get', { orderId: id }, ADMIN);
    await a.core.call(
      'orders.act',
      {
        orderId: id,
        expectedVersion: oa.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg', note: 'A 派城管' } },
      },
      ADMIN,
    );
    const ob = await b.core.call('orders.get', { orderId: id }, ADMIN);
    await b.core.call(
      'orders.act',
      {
        orderId: id,
        expectedVersion: ob.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-wy', note: 'B 派物业' } },
      },
      ADMIN,
    );
    // While cut off, each hall has its own truth.
    expect((await a.core.call('orders.get', { orderId: id }, ADMIN)).order.unitId).toBe('u-cg');
    expect((await b.core.call('orders.get', { orderId: id }, ADMIN)).order.unitId).toBe('u-wy');
    const back = await startHub({ dataDir: hub.dir, port, registrationToken: REG_TOKEN });
    cleanups.push(() => back.close());
    for (let i = 0; i < 2; i++) {
      await waitSynced(a.core, () => hubSeq(back.db));
      await waitSynced(b.core, () => hubSeq(back.db));
    }
    const fa = await a.core.call('orders.get', { orderId: id }, ADMIN);
    const fb = await b.core.call('orders.get', { orderId: id }, ADMIN);
    // The later HLC (B's) wins: a 转派 to u-wy, on both.
    expect(fa.order).toEqual(fb.order);
    expect(fa.order.unitId).toBe('u-wy');
    expect(snapshot(a.dir)).toEqual(snapshot(b.dir));
    expect(snapshot(hub.dir)).toEqual(snapshot(a.dir));
    const ca = await a.core.call('sync.conflicts', {}, ADMIN);
    const cb = await b.core.call('sync.conflicts', {}, ADMIN);
    expect(ca.map((c) => [c.orderId, c.kind])).toEqual([[id, 'concurrent']]);
    expect(cb.map((c) => [c.orderId, c.kind])).toEqual([[id, 'concurrent']]);
    expect(ca[0]?.reason).toMatch(/并发修改/);
    expect(ca[0]?.orderTitle).toBe(fa.order.title);
    // A person keeps the merged result.
    const r = await a.core.call('sync.resolveConflict', { id: ca[0]!.id, resolution: 'keep_current' }, ADMIN);
    expect(r.resolution).toBe('keep_current');
    expect((await a.core.call('sync.status', {}, ADMIN)).openConflicts).toBe(0);
  }, 60_000);
});
