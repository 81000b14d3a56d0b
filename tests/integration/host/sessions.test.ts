/**
 * Accounts over the browser-mode host, real HTTP on 127.0.0.1 and the real core in its worker:
 * the session cookie (HttpOnly, SameSite=Strict), the token never in a body, the cookie as the
 * caller's identity, 401 without it, logout clearing it, and the WebSocket only for a session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONTRACT, isPublicProc, type ProcName } from '../../../shared/contract';
import { startHttpHost, type HttpHost } from '../../../electron/core/adapters/host/http-host';
import { makeHostTestCore, NEW_ORDER, type HostTestCore } from './host-test-core';

let tmp: string;
let hc: HostTestCore;
let host: HttpHost;
const ADMIN = { username: 'admin', displayName: '李主任', password: 'admin-password-1' };

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'hall-sessions-'));
  hc = await makeHostTestCore(path.join(tmp, 'data'));
  // Default options: loopbackRole is none, so the loopback caller must log in.
  host = await startHttpHost({ core: hc.core, port: 0, staticDir: null, log: () => undefined });
});

afterAll(async () => {
  await host?.close();
  await hc?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function post(proc: string, body: unknown, cookie?: string) {
  const res = await fetch(`${host.url}api/${proc}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    setCookie: res.headers.get('set-cookie'),
    text,
    body: JSON.parse(text) as {
      ok: boolean;
      data?: Record<string, unknown>;
      error?: { code: string; message: string };
    },
  };
}

/** `hall_session=…` from a Set-Cookie header, as a browser would send it back. */
function cookieFrom(setCookie: string | null): string {
  const m = /^(hall_session=[^;]*)/.exec(setCookie ?? '');
  if (!m?.[1]) throw new Error(`no session cookie in ${setCookie}`);
  return m[1];
}

function wsOpen(cookie?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}api/events`, {
      headers: cookie ? { Cookie: cookie } : {},
    });
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}

describe('sessions over HTTP', () => {
  let session = '';

  it('without a login: public procedures answer, every other one is 401', async () => {
    const status = await post('auth.status', {});
    expect(status.status).toBe(200);
    expect(status.body.data).toMatchObject({ needsSetup: true, user: null });
    const names = (Object.keys(CONTRACT) as ProcName[]).filter((p) => !isPublicProc(CONTRACT[p]));
    for (const p of names) {
      const r = await post(p, {});
      expect(r.status, p).toBe(401);
      expect(r.body.error?.message, p).toContain('请先登录');
    }
    await expect(wsOpen()).rejects.toThrow(/401/);
  });

  it('auth.setup sets an HttpOnly SameSite=Strict cookie and keeps the token out of the body', async () => {
    const r = await post('auth.setup', ADMIN);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({
      user: { username: 'admin', displayName: '李主任', role: 'admin', permissions: [] },
    });
    expect(r.text).not.toContain('token');
    expect(r.setCookie).toMatch(/^hall_session=[A-Za-z0-9_-]{43};/);
    expect(r.setCookie).toContain('HttpOnly');
    expect(r.setCookie).toContain('SameSite=Strict');
    expect(r.setCookie).toContain('Path=/');
    session = cookieFrom(r.setCookie);
    // The body does not carry the cookie's secret either.
    expect(r.text).not.toContain(session.slice('hall_session='.length));
  });

  it('the cookie authorises calls with the account as actor', async () => {
    const info = await post('system.info', {}, session);
    expect(info.status).toBe(200);
    expect(info.body.data?.role).toBe('admin');
    const created = await post('orders.create', { order: NEW_ORDER }, session);
    expect(created.status).toBe(200);
    const events = (created.body.data as { events: Array<{ actor: string }> }).events;
    expect(events[0]?.actor).toBe('admin');
    const status = await post('auth.status', {}, session);
    expect(status.body.data).toMatchObject({ needsSetup: false, session: true, user: { username: 'admin' } });
    const ws = await wsOpen(session);
    ws.close();
  });

  it('a forged or unknown cookie is just "not logged in"', async () => {
    const r = await post('system.info', {}, 'hall_session=forged-forged-forged');
    expect(r.status).toBe(401);
  });

  it('auth.login: wrong password refused generically; right one sets a new cookie', async () => {
    const bad = await post('auth.login', { username: 'admin', password: 'wrong-password' });
    expect(bad.status).toBe(403);
    expect(bad.body.error?.message).toBe('用户名或密码错误');
    expect(bad.setCookie).toBeNull();
    const ok = await post('auth.login', { username: 'admin', password: ADMIN.password });
    expect(ok.status).toBe(200);
    expect(ok.text).not.toContain('token');
    const second = cookieFrom(ok.setCookie);
    expect(second).not.toBe(session);
    expect((await post('system.info', {}, second)).status).toBe(200);
  });

  it('a logged-in viewer cannot write: 403', async () => {
    await post(
      'accounts.create',
      { username: 'wall1', displayName: '大屏', password: 'wall1-password', role: 'viewer' },
      session,
    );
    const login = await post('auth.login', { username: 'wall1', password: 'wall1-password' });
    const viewer = cookieFrom(login.setCookie);
    expect((await post('system.info', {}, viewer)).status).toBe(200);
    const denied = await post('orders.create', { order: NEW_ORDER }, viewer);
    expect(denied.status).toBe(403);
    expect((await post('accounts.list', {}, viewer)).status).toBe(403);
  });

  it('auth.logout clears the cookie and ends the session', async () => {
    const r = await post('auth.logout', {}, session);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ loggedOut: true });
    expect(r.setCookie).toMatch(/^hall_session=;.*Max-Age=0/);
    expect((await post('system.info', {}, session)).status).toBe(401);
    await expect(wsOpen(session)).rejects.toThrow(/401/);
  });
});
