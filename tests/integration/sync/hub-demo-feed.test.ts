/**
 * The hub as a stand-in for the district platform: it publishes the demo street, creates 12345
 * orders with upstream ids and deadlines, and sends the call-back and closes an order once a
 * hall has replied to it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { demoTick, publishDemoReference } from '../../../electron/core/adapters/hub/hub-demo-feed';
import { hubSeq } from '../../../electron/core/features/sync/queries-hub';
import type { Cleanups } from '../runtime/fixtures';
import { ADMIN, openHall, startTestHub, waitSynced } from './sync-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

describe('hub demo feed', () => {
  it('creates a 12345 order, and after the hall replies sends the call-back and closes it', async () => {
    const hub = await startTestHub(cleanups, null);
    const ref = publishDemoReference(hub);
    let r = 0.37;
    const rng = (): number => (r = ((r * 9301 + 49297) % 233280) / 233280);
    const now = Date.now();
    expect(demoTick(hub, ref, rng, now)).toBe(1);
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db));
    const snap = await a.core.call('reference.snapshot', {}, ADMIN);
    expect(snap.version).toBe(ref.version);
    const page = await a.core.call('orders.list', {}, ADMIN);
    expect(page.rows).toHaveLength(1);
    const id = page.rows[0]!.id;
    const o = await a.core.call('orders.get', { orderId: id }, ADMIN);
    expect(o.order.source).toBe('hotline');
    expect(o.order.upstreamId).toMatch(/^GD/);
    const unit = o.order.unitId ?? snap.units[0]!.id;
    const act = async (action: unknown): Promise<void> => {
      const cur = await a.core.call('orders.get', { orderId: id }, ADMIN);
      await a.core.call(
        'orders.act',
        { orderId: id, expectedVersion: cur.order.version, action } as never,
        ADMIN,
      );
    };
    await act({ type: 'dispatched', payload: { unitId: unit } });
    await act({ type: 'signed', payload: { unitId: unit } });
    await act({ type: 'replied', payload: { result: '已清理' } });
    await waitSynced(a.core, () => hubSeq(hub.db));
    demoTick(hub, ref, rng, now + 60_000);
    await waitSynced(a.core, () => hubSeq(hub.db));
    const done = await a.core.call('orders.get', { orderId: id }, ADMIN);
    expect(done.order.status).toBe('closed');
    expect(done.order.callback?.valid).toBe(true);
    expect((await a.core.call('sync.conflicts', {}, ADMIN)).length).toBe(0);
  });
});
