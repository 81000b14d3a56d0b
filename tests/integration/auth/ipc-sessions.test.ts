/**
 * The Electron IPC handler (electron/hall-ipc.ts, no Electron needed) over a real core: each
 * window (webContents) has its own session, the token never reaches the renderer, logout and a
 * destroyed window forget it.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { createCallHandler } from '../../../electron/hall-ipc';
import { T0, tempDir } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

class FakeContents extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
}
const frame = { url: 'app://hall/index.html' };
const win = (contents: FakeContents) => ({ senderFrame: frame, sender: contents });

async function setup() {
  const t = tempDir();
  const core = await createInProcessCore({ dataDir: t.dir, host: 'electron', now: () => T0 });
  cleanups.push(t.cleanup, () => core.close());
  const h = createCallHandler({ core });
  return { core, h };
}

describe('Electron IPC sessions', () => {
  it('keeps the session per webContents and never returns the token', async () => {
    const { h } = await setup();
    const a = new FakeContents(1);
    const b = new FakeContents(2);

    expect(await h(win(a), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const setup_ = await h(win(a), 'auth.setup', {
      username: 'admin',
      displayName: '管理员',
      password: 'admin-password-1',
    });
    expect(setup_).toEqual({
      ok: true,
      data: { user: { username: 'admin', displayName: '管理员', role: 'admin', permissions: [] } },
    });
    expect(JSON.stringify(setup_)).not.toContain('token');
    expect(h.sessionCount()).toBe(1);

    // Window a is logged in; window b is not.
    expect(await h(win(a), 'system.info', {})).toMatchObject({ ok: true, data: { role: 'admin' } });
    expect(await h(win(b), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h(win(b), 'auth.status', {})).toMatchObject({
      ok: true,
      data: { user: null, needsSetup: false },
    });
    expect(await h(win(a), 'auth.status', {})).toMatchObject({
      ok: true,
      data: { session: true, user: { username: 'admin' } },
    });

    await h(win(a), 'accounts.create', {
      username: 'wall1',
      displayName: '大屏',
      password: 'wall1-password',
      role: 'viewer',
    });
    const login = await h(win(b), 'auth.login', { username: 'wall1', password: 'wall1-password' });
    expect(login).toEqual({
      ok: true,
      data: { user: { username: 'wall1', displayName: '大屏', role: 'viewer', permissions: [] } },
    });
    expect(await h(win(b), 'system.info', {})).toMatchObject({ ok: true, data: { role: 'viewer' } });
    expect(await h(win(b), 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.sessionCount()).toBe(2);

    // Logout forgets window b only.
    expect(await h(win(b), 'auth.logout', {})).toEqual({ ok: true, data: { loggedOut: true } });
    expect(await h(win(b), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h(win(a), 'system.info', {})).toMatchObject({ ok: true });

    // Closing window a forgets its session.
    a.emit('destroyed');
    expect(h.sessionCount()).toBe(0);
    expect(await h(win(a), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a wrong password gets the generic answer and stores nothing', async () => {
    const { h } = await setup();
    const a = new FakeContents(1);
    await h(win(a), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-password-1' });
    const b = new FakeContents(2);
    expect(await h(win(b), 'auth.login', { username: 'admin', password: 'nope-nope-nope' })).toEqual({
      ok: false,
      error: { code: 'forbidden', reason: 'bad_credentials', message: '用户名或密码错误' },
    });
    expect(h.sessionCount()).toBe(1);
  });
});
