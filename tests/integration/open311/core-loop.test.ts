/**
 * The connector loop as the core runs it (browser host): open311.configure kicks a pull, the
 * loopback server's requests become orders, open311.status tells the truth, and close() stops it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { tempDir } from '../store/fixtures';
import { startLoopbackOpen311 } from './loopback-server';

const admin = { role: 'admin' as const, actor: 'admin' };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Open311 connector inside the core', () => {
  it('pulls after open311.configure and reports it in open311.status', async () => {
    const now = Date.now();
    const server = await startLoopbackOpen311({
      requests: [
        {
          service_request_id: 'LOOP-1',
          status: 'open',
          service_name: '道路破损',
          service_code: '001',
          description: '路面塌陷',
          requested: now - 3_600_000,
          updated: now - 3_600_000,
          lat: 39.8937,
          long: 116.4612,
        },
      ],
    });
    cleanups.push(() => server.close());
    const t = tempDir('hall-o311-core-');
    cleanups.push(t.cleanup);
    const core = await createInProcessCore({ dataDir: t.dir, host: 'browser', backup: false, sync: false });
    cleanups.push(() => core.close());
    await core.call(
      'open311.configure',
      { endpoint: server.url, enabled: true, serviceMap: [{ serviceCode: '001', categoryCode: '01.01' }] },
      admin,
    );
    const st = await until(
      () => core.call('open311.status', {}, admin),
      (s) => s.lastSuccessAt !== null,
    );
    expect(st).toMatchObject({ configured: true, enabled: true, lastError: null, createdTotal: 1 });
    expect(st.log[0]?.message).toMatch(/拉取完成/);
    const order = await core.call('orders.get', { orderId: 'O311-LOOP-1' }, admin);
    expect(order.order).toMatchObject({ title: '道路破损', categoryCode: '01.01', upstreamId: 'LOOP-1' });
  });

  it('an endpoint change while a pull waits on the old server: the loop aborts it, the old server writes nothing', async () => {
    const now = Date.now();
    const item = (id: string) => ({
      service_request_id: id,
      status: 'open',
      service_name: '道路破损',
      service_code: '001',
      description: '路面塌陷',
      requested: now - 3_600_000,
      updated: now - 3_600_000,
      lat: 39.8937,
      long: 116.4612,
    });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = false;
    const a = await startLoopbackOpen311({
      requests: [item('OLD-1')],
      quirks: {
        hold: async () => {
          asked = true;
          await held;
        },
      },
    });
    cleanups.push(() => a.close());
    const b = await startLoopbackOpen311({ requests: [item('NEW-1')] });
    cleanups.push(() => b.close());
    const t = tempDir('hall-o311-core-');
    cleanups.push(t.cleanup);
    const core = await createInProcessCore({ dataDir: t.dir, host: 'browser', backup: false, sync: false });
    cleanups.push(() => core.close());
    await core.call(
      'open311.configure',
      { endpoint: a.url, enabled: true, serviceMap: [{ serviceCode: '001', categoryCode: '01.01' }] },
      admin,
    );
    await until(
      async () => asked,
      (v) => v,
    );
    // The admin points the connector at the new server while the old one still holds its answer.
    await core.call('open311.configure', { endpoint: b.url }, admin);
    const st = await until(
      () => core.call('open311.status', {}, admin),
      (s) => s.createdTotal === 1 && s.lastSuccessAt !== null,
    );
    release();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(st.configured).toBe(true);
    const after = await core.call('open311.status', {}, admin);
    expect(after.createdTotal).toBe(1);
    expect((await core.call('orders.get', { orderId: 'O311-NEW-1' }, admin)).order.upstreamId).toBe('NEW-1');
    await expect(core.call('orders.get', { orderId: 'O311-OLD-1' }, admin)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(after.log.some((l) => /设置已更改，本轮拉取已取消/.test(l.message))).toBe(true);
  });
});
