/**
 * The Electron shell with the 'electron' module mocked: what it registers and how its handlers
 * answer. The core behind IPC is a small test double of the Core interface (transport only).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  const windows: Array<{ options: unknown; contents: FakeContents; loaded: string[] }> = [];
  class FakeContents {
    listeners = new Map<string, ((...a: unknown[]) => unknown)[]>();
    openHandler: ((d: { url: string }) => unknown) | null = null;
    sent: Array<[string, unknown]> = [];
    mainFrame = { url: 'app://hall/index.html' };
    on(ev: string, l: (...a: unknown[]) => unknown) {
      this.listeners.set(ev, [...(this.listeners.get(ev) ?? []), l]);
      return this;
    }
    emit(ev: string, ...a: unknown[]) {
      for (const l of this.listeners.get(ev) ?? []) l(...a);
    }
    setWindowOpenHandler(h: (d: { url: string }) => unknown) {
      this.openHandler = h;
    }
    isDestroyed() {
      return false;
    }
    send(ch: string, v: unknown) {
      this.sent.push([ch, v]);
    }
  }
  const protocolHandlers = new Map<string, (r: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  return { handlers, windows, FakeContents, protocolHandlers, privileged };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = new m.FakeContents();
    loaded: string[] = [];
    constructor(public options: unknown) {
      m.windows.push({ options, contents: this.webContents, loaded: this.loaded });
    }
    once() {}
    show() {}
    loadURL(u: string) {
      this.loaded.push(u);
      return Promise.resolve();
    }
    static getAllWindows() {
      return m.windows.map((w) => ({ webContents: w.contents }));
    }
  }
  return {
    BrowserWindow,
    ipcMain: {
      handle: (ch: string, h: (...a: unknown[]) => unknown) => m.handlers.set(ch, h),
      removeHandler: (ch: string) => m.handlers.delete(ch),
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => m.privileged.push(...s),
      handle: (scheme: string, h: (r: Request) => Promise<Response>) => m.protocolHandlers.set(scheme, h),
    },
    session: { defaultSession: {} },
  };
});

import { ApiError, type ChangeHint } from '../../../shared/contract';
import type { Core } from '../../../electron/core/runtime/core';
import { registerHallIpc } from '../../../electron/main-ipc';
import { createMainWindow, installAppProtocol, registerAppScheme } from '../../../electron/window';
import { CALL_CHANNEL, CHANGE_CHANNEL } from '../../../electron/ipc-channels';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'hall-shell-'));
  mkdirSync(path.join(tmp, 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
  writeFileSync(path.join(tmp, 'renderer', 'assets', 'a.js'), 'export {}');
  writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('window', () => {
  beforeEach(() => m.windows.splice(0));

  it('is created with the secure options and loads app://hall', () => {
    createMainWindow('/dist-electron/preload.cjs', { wall: false, kiosk: false });
    const w = m.windows[0]!;
    expect(w.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: '/dist-electron/preload.cjs',
      },
    });
    expect(w.loaded).toEqual(['app://hall/index.html']);
  });

  it('blocks navigation, redirects, webviews and window.open', () => {
    createMainWindow('p', { wall: false, kiosk: false });
    const c = m.windows[0]!.contents;
    for (const ev of ['will-navigate', 'will-redirect']) {
      const e = { preventDefault: vi.fn() };
      c.emit(ev, e, 'https://evil.example/');
      expect(e.preventDefault, ev).toHaveBeenCalled();
    }
    const wv = { preventDefault: vi.fn() };
    c.emit('will-attach-webview', wv);
    expect(wv.preventDefault).toHaveBeenCalled();
    expect(c.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'app://hall/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('app:// protocol', () => {
  it('registers app as a standard secure scheme and serves files with the CSP', async () => {
    registerAppScheme();
    expect(m.privileged).toContainEqual(
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    );
    installAppProtocol(path.join(tmp, 'renderer'));
    const h = m.protocolHandlers.get('app')!;
    const index = await h(new Request('app://hall/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await h(new Request('app://hall/assets/a.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const route = await h(new Request('app://hall/orders/123'));
    expect(await route.text()).toContain('<title>hall</title>');
  });

  it('refuses path traversal and other hosts', async () => {
    const h = m.protocolHandlers.get('app')!;
    // Request normalises plain `..`; the encoded forms reach the handler.
    for (const u of [
      'app://hall/..%2fsecret.txt',
      'app://hall/assets/..%2f..%2fsecret.txt',
      'app://hall/..%5csecret.txt',
      'app://hall/%00',
    ]) {
      const r = await h(new Request(u));
      expect([403, 404], u).toContain(r.status);
      expect(await r.text(), u).not.toContain('TOP SECRET');
    }
    const other = await h(new Request('app://evil/index.html'));
    expect(other.status).toBe(404);
  });
});

describe('IPC', () => {
  const calls: Array<{
    proc: string;
    input: unknown;
    role: string | null;
    session: string | null | undefined;
  }> = [];
  const listeners = new Set<(h: ChangeHint) => void>();
  /** A stand-in core: the session logic itself is tested on the real core in tests/integration/runtime/ipc-sessions. */
  const roleOfToken = new Map<string, 'viewer' | 'commander'>([
    ['tok-commander', 'commander'],
    ['tok-viewer', 'viewer'],
  ]);
  const core: Core = {
    async call(proc, input, ctx) {
      calls.push({ proc, input, role: ctx.role, session: ctx.session });
      if (proc === 'auth.login') {
        const who = (input as { username: string }).username;
        return {
          user: { username: who, displayName: who, role: roleOfToken.get(`tok-${who}`) },
          token: `tok-${who}`,
        } as never;
      }
      if (proc === 'orders.get') throw new ApiError('order_not_found', { params: { orderId: 'x' } });
      if (proc === 'stats.month') throw new Error('SQLITE_CORRUPT: secret details');
      return { ok: 'yes' } as never;
    },
    async resolveSession(token) {
      const role = roleOfToken.get(token);
      return role
        ? { username: token.slice(4), displayName: token, role, permissions: [], actor: token.slice(4) }
        : null;
    },
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    served: () => ({ writer: calls.length, readers: [] }),
    recordAudit: () => undefined,
    async close() {},
  };
  const contents = (id: number) => ({ id, once: () => undefined });
  const good = { senderFrame: { url: 'app://hall/index.html' }, sender: contents(1) };

  it('registers hall:call; a window calls with its own login session, never seeing the token', async () => {
    const ipc = registerHallIpc({ core });
    const h = m.handlers.get(CALL_CHANNEL)!;
    expect(h).toBeTypeOf('function');
    // Before a login the window calls with no session (the core's gate refuses what needs one).
    await h(good, 'system.info', {});
    expect(calls.at(-1)).toMatchObject({ proc: 'system.info', role: null, session: null });
    const login = (await h(good, 'auth.login', { username: 'commander', password: 'x' })) as {
      ok: boolean;
      data: Record<string, unknown>;
    };
    expect(login.ok).toBe(true);
    expect(login.data).not.toHaveProperty('token');
    expect(JSON.stringify(login)).not.toContain('tok-');
    await expect(h(good, 'system.info', {})).resolves.toEqual({ ok: true, data: { ok: 'yes' } });
    // The IPC passes the window's session token; the core's gate resolves it to a role.
    expect(calls.at(-1)).toEqual({
      proc: 'system.info',
      input: {},
      role: null,
      session: 'tok-commander',
    });
    ipc.dispose();
    expect(m.handlers.has(CALL_CHANNEL)).toBe(false);
  });

  it('rejects untrusted sender frames without calling the core', async () => {
    registerHallIpc({ core });
    const h = m.handlers.get(CALL_CHANNEL)!;
    const before = calls.length;
    for (const frame of [
      { url: 'https://evil.example/' },
      { url: 'file:///index.html' },
      { url: 'app://hall/', parent: {} },
      null,
    ]) {
      const r = await h({ senderFrame: frame, sender: contents(1) }, 'system.info', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls.length).toBe(before);
  });

  it('validates the procedure name and never throws across IPC', async () => {
    const h = m.handlers.get(CALL_CHANNEL)!;
    await h(good, 'auth.login', { username: 'commander', password: 'x' });
    for (const proc of [42, null, 'orders.drop', '__proto__', 'x'.repeat(1000)]) {
      await expect(h(good, proc, {})).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    await expect(h(good, 'orders.get', { orderId: 'x' })).resolves.toEqual({
      ok: false,
      error: {
        code: 'not_found',
        reason: 'order_not_found',
        message: '工单不存在: x',
        params: { orderId: 'x' },
      },
    });
    // Unexpected errors are reported as `internal` without their details.
    await expect(h(good, 'stats.month', { month: '2026-01' })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', reason: 'internal', message: '系统内部错误，详情已记录在日志中' },
    });
  });

  it('keeps each window its own session', async () => {
    registerHallIpc({ core });
    const h = m.handlers.get(CALL_CHANNEL)!;
    const viewerWin = { ...good, sender: contents(7) };
    await h(viewerWin, 'auth.login', { username: 'viewer', password: 'x' });
    await h(viewerWin, 'orders.create', {});
    expect(calls.at(-1)).toMatchObject({ proc: 'orders.create', session: 'tok-viewer' });
    await h({ ...good, sender: contents(8) }, 'orders.create', {});
    expect(calls.at(-1)).toMatchObject({ proc: 'orders.create', session: null });
  });

  it('answers unavailable when the core failed to open', async () => {
    const failed = Promise.reject(new Error('disk full'));
    failed.catch(() => undefined);
    registerHallIpc({ core: failed });
    const h = m.handlers.get(CALL_CHANNEL)!;
    await expect(h(good, 'system.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('pushes batched hints on hall:change', async () => {
    m.windows.splice(0);
    createMainWindow('p', { wall: false, kiosk: false });
    const ipc = registerHallIpc({ core });
    ipc.attach(core);
    for (const l of listeners) {
      l({ topic: 'orders.changed', orderIds: ['a'] });
      l({ topic: 'orders.changed', orderIds: ['b', 'a'] });
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(m.windows[0]!.contents.sent).toEqual([
      [CHANGE_CHANNEL, { topic: 'orders.changed', orderIds: ['a', 'b'] }],
    ]);
    ipc.dispose();
  });
});

describe('the wall flag is the main process’s (issue 11, item 12)', () => {
  const seen: Array<Record<string, unknown>> = [];
  const stand = {
    async call(_proc: string, _input: unknown, ctx: Record<string, unknown>) {
      seen.push(ctx);
      return { ok: 'yes' } as never;
    },
    resolveSession: async () => null,
    onChange: () => () => undefined,
    served: () => ({ writer: 0, readers: [] }),
    recordAudit: () => undefined,
    async close() {},
  } as unknown as Core;
  const frame = { senderFrame: { url: 'app://hall/index.html' }, sender: { id: 7, once: () => undefined } };

  it('a wall app masks and caps every call, whatever the page asks; the app itself is local', async () => {
    const { createCallHandler } = await import('../../../electron/hall-ipc');
    const wall = createCallHandler({ core: stand, wall: true });
    await wall(frame, 'system.info', {}, { masked: false });
    expect(seen.at(-1)).toMatchObject({ masked: true, wall: true, local: true, address: 'electron' });
    const desk = createCallHandler({ core: stand });
    await desk(frame, 'system.info', {});
    expect(seen.at(-1)).toMatchObject({ masked: false, wall: false, local: true });
    // A desk user switching to wall mode can only ask for less.
    await desk(frame, 'system.info', {}, { masked: true });
    expect(seen.at(-1)).toMatchObject({ masked: true, wall: false });
  });
});
