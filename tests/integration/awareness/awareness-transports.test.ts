/**
 * Wall masking is enforced by the core for both transports: the HTTP host reads X-Hall-Wall: 1,
 * the Electron IPC handler reads the `{ masked: true }` call flag. Real core, real loopback HTTP.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { startHttpHost } from '../../../electron/core/adapters/host/http-host';
import { createCallHandler } from '../../../electron/hall-ipc';
import { MOBILE_PATTERN } from '../../../shared/kernel/masking';
import { createdPayload, tempDir, TINY_REF } from '../store/fixtures';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function coreWithOrder(): Promise<{ core: Core; orderId: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  db.close();
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test' });
  cleanups.push(() => core.close());
  const o = await core.call(
    'orders.create',
    { order: createdPayload({ title: '来电13912345678反映漏水' }) },
    { role: 'officer', actor: 'duty-1' },
  );
  return { core, orderId: o.order.id };
}

describe('wall masking over HTTP', () => {
  it('masks for X-Hall-Wall: 1 whatever the role, not without it', async () => {
    const { core, orderId } = await coreWithOrder();
    const host = await startHttpHost({
      core,
      port: 0,
      staticDir: tempDir().dir,
      loopbackRole: 'commander',
      tokens: {},
      log: () => undefined,
    });
    cleanups.push(() => host.close());
    const get = async (headers: Record<string, string>) => {
      const res = await fetch(`${host.url}api/orders.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ orderId }),
      });
      return JSON.stringify(await res.json());
    };
    expect(await get({})).toContain('13812345678');
    const wall = await get({ 'X-Hall-Wall': '1' });
    expect(wall).toContain('138****5678');
    expect(wall).not.toMatch(MOBILE_PATTERN);
    expect(wall).not.toContain('张三丰');
    const feed = await fetch(`${host.url}api/awareness.feed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Hall-Wall': '1' },
      body: '{}',
    });
    expect(JSON.stringify(await feed.json())).not.toMatch(MOBILE_PATTERN);
  });
});

describe('wall masking over Electron IPC', () => {
  it('masks for the { masked: true } flag, not without it', async () => {
    const { core, orderId } = await coreWithOrder();
    const h = createCallHandler({ core });
    const contents = Object.assign(new EventEmitter(), { id: 1 });
    const win = { senderFrame: { url: 'app://hall/index.html?wall=1' }, sender: contents };
    const setup = await h(win, 'auth.setup', {
      username: 'admin',
      displayName: '管理员',
      password: 'admin-password-1',
    });
    expect(setup.ok).toBe(true);
    const plain = JSON.stringify(await h(win, 'orders.get', { orderId }));
    expect(plain).toContain('13812345678');
    const wall = JSON.stringify(await h(win, 'orders.get', { orderId }, { masked: true }));
    expect(wall).toContain('138****5678');
    expect(wall).not.toMatch(MOBILE_PATTERN);
    // Anything but a literal `masked: true` is no flag.
    expect(JSON.stringify(await h(win, 'orders.get', { orderId }, { masked: 'yes' }))).toContain(
      '13812345678',
    );
  });
});
