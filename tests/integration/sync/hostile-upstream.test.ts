/**
 * Bad input from upstream: a feed page mixing valid events with hostile ones (script tags, SQL
 * fragments, invalid coordinates, unknown categories, wrong types, oversized text, unknown
 * kinds). The hall applies every valid item, quarantines each bad one with a reason an admin
 * can read, advances its cursor, and keeps running.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendHubEvents, appendRawFeedItem, hubSeq } from '../../../electron/core/features/sync/queries-hub';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import type { Cleanups } from '../runtime/fixtures';
import { createdPayload } from '../store/fixtures';
import { ADMIN, openHall, snapshot, startTestHub, waitSynced } from './sync-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

const T = 1773108000000;
let n = 0;
function upEvent(
  over: Record<string, unknown> = {},
  payload: Record<string, unknown> = {},
): Record<string, unknown> {
  n++;
  return {
    id: `bad-e${n}`,
    orderId: `bad-o${n}`,
    type: 'created',
    hlc: `00${T + n}:00000:hub`,
    at: T + n,
    actor: 'upstream',
    node: 'hub',
    payload: { ...createdPayload(), upstreamId: `GD${n}`, citizen: null, ...payload },
    ...over,
  };
}

describe('hostile upstream payloads', () => {
  it('quarantines each bad item with its reason and applies every valid one of the same page', async () => {
    const hub = await startTestHub(cleanups);
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db));
    const raw = (body: unknown, kind = 'event'): void => {
      appendRawFeedItem(hub.db, kind, JSON.stringify(body), 'hub');
    };
    const good = (k: number): OrderEvent =>
      upEvent({ id: `good-e${k}`, orderId: `good-o${k}` }) as unknown as OrderEvent;
    appendHubEvents(hub.db, [good(1)], 'hub', T);
    raw(upEvent({}, { title: '<script>alert(1)</script>路灯不亮' }));
    raw(upEvent({}, { description: '<img src=x onerror=alert(1)>' }));
    raw(upEvent({ orderId: "x'; DROP TABLE work_order; --" }));
    raw(upEvent({}, { lng: 200, lat: 95 }));
    raw(upEvent({}, { lng: 'east' }));
    raw(upEvent({}, { categoryCode: '99.99.999' }));
    raw(upEvent({}, { title: '长'.repeat(100_000) }));
    raw(upEvent({ type: 'teleported' }));
    raw(upEvent({ at: 'yesterday' }));
    raw('just a string');
    raw(null);
    raw([1, 2, 3]);
    raw({ not: 'a reference' }, 'reference');
    raw(upEvent(), 'alien-kind');
    appendHubEvents(hub.db, [good(2)], 'hub', T);
    // A hub's own dispatch is the hall's business: refused by the ownership rule.
    raw(upEvent({ type: 'dispatched', orderId: 'good-o1', payload: { unitId: 'u-cg' } }));
    appendHubEvents(hub.db, [good(3)], 'hub', T);

    const s = await waitSynced(a.core, () => hubSeq(hub.db));
    expect(s.cursor).toBe(hubSeq(hub.db));
    const orders = snapshot(a.dir).orders.map((o) => o.id);
    expect(orders).toEqual(['good-o1', 'good-o2', 'good-o3']);
    const q = await a.core.call('sync.quarantine', {}, ADMIN);
    expect(q).toHaveLength(15);
    const reasons = q.map((r) => r.reason).join('\n');
    expect(reasons).toMatch(/payload\.title: 含有脚本或网页标记/);
    expect(reasons).toMatch(/payload\.description: 含有脚本或网页标记/);
    expect(reasons).toMatch(/orderId: 编号只能包含字母、数字/);
    expect(reasons).toMatch(/payload\.lng/);
    expect(reasons).toMatch(/未知的事项分类 99\.99\.999/);
    expect(reasons).toMatch(/payload\.title/);
    expect(reasons).toMatch(/派单和办理由街道中心负责/);
    for (const r of q) {
      expect(r.source).toBe('hub');
      expect(r.excerpt.length).toBeLessThanOrEqual(2000);
    }
    // The hostile SQL did nothing: the table is there and the hall still answers.
    expect((await a.core.call('orders.list', {}, ADMIN)).rows.length).toBe(3);
    expect(s.quarantined).toBe(15);
    const one = q[0]!;
    await a.core.call('sync.dismissQuarantine', { id: one.id }, ADMIN);
    expect(await a.core.call('sync.quarantine', {}, ADMIN)).toHaveLength(14);
  });
});
