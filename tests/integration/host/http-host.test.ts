/**
 * The browser-mode host over real HTTP and WebSocket on 127.0.0.1 (random port).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CHANGES_HEADER, PUSH_JOINED, type ChangeHint } from '../../../shared/contract';
import { startHttpHost, type HttpHost } from '../../../electron/core/adapters/host/http-host';
import { makeHostTestCore, NEW_ORDER, type HostTestCore } from './host-test-core';

let tmp: string;
let staticDir: string;
let hc: HostTestCore;
let host: HttpHost;
const TOKEN_VIEWER = 'viewer-token-0123456789abcdef';
const TOKEN_OFFICER = 'officer-token-0123456789abcdef';

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'hall-host-'));
  staticDir = path.join(tmp, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>街道指挥中心</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(staticDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
  hc = await makeHostTestCore(path.join(tmp, 'data'));
  host = await startHttpHost({
    core: hc.core,
    port: 0,
    staticDir,
    // These tests are about the wire; login is covered by sessions.test.ts.
    loopbackRole: 'commander',
    tokens: { [TOKEN_VIEWER]: 'viewer', [TOKEN_OFFICER]: 'officer' },
    log: () => undefined,
  });
});

afterAll(async () => {
  await host?.close();
  await hc?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function post(proc: string, body: unknown, headers: Record<string, string> = {}, h: HttpHost = host) {
  const res = await fetch(`${h.url}api/${proc}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; reason?: string; message: string; field?: string };
    },
  };
}

/** Raw request, for what fetch normalises away (paths with `..`, odd Host headers). */
function raw(
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('API over HTTP', () => {
  it('answers a query with {ok:true,data}', async () => {
    const r = await post('system.info', {});
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.data).toMatchObject({ role: 'commander' });
  });

  it('creates an order and reads it back', async () => {
    const created = await post('orders.create', { order: NEW_ORDER });
    expect(created.status).toBe(200);
    const id = (created.body.data as { order: { id: string } }).order.id;
    const got = await post('orders.get', { orderId: id });
    expect(got.status).toBe(200);
    expect((got.body.data as { order: { title: string } }).order.title).toBe(NEW_ORDER.title);
  });

  it('maps conflict to 409 and a refused transition to 422', async () => {
    const created = await post('orders.create', { order: NEW_ORDER });
    const order = (created.body.data as { order: { id: string; version: number } }).order;
    const stale = await post('orders.act', {
      orderId: order.id,
      expectedVersion: order.version + 5,
      action: { type: 'resumed', payload: { note: '' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', field: 'expectedVersion' });
    // A freshly received order cannot be verified: the lifecycle refuses it.
    const refused = await post('orders.act', {
      orderId: order.id,
      expectedVersion: order.version,
      action: { type: 'verified', payload: { passed: true, note: '', photos: [] } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('rejected');
  });

  it('maps a missing order to 404 not_found', async () => {
    const r = await post('orders.get', { orderId: 'does-not-exist' });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses invalid input with 400 and names the field', async () => {
    const r = await post('orders.get', { orderId: 42 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_input', field: 'orderId' });
  });

  it('refuses malformed JSON with 400 and a clear message', async () => {
    const r = await post('orders.get', '{"orderId": ');
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('invalid_input');
    expect(r.body.error?.message).toMatch(/^请求体不是合法的 JSON/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const big = JSON.stringify({ orderId: 'x'.repeat(1024 * 1024 + 10) });
    const r = await post('orders.get', big);
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe('invalid_input');
    expect(r.body.error?.message).toBe('请求体超过 1 MB 上限');
  });

  it('answers an unknown procedure with 404 not_found', async () => {
    const r = await post('orders.drop_table', {});
    expect(r.status).toBe(404);
    expect(r.body.error?.code).toBe('not_found');
    expect(r.body.error?.message).toBe('未知的接口: orders.drop_table');
    const proto = await post('__proto__', {});
    expect(proto.status).toBe(404);
  });

  it('wants POST and a JSON content type', async () => {
    const get = await fetch(`${host.url}api/system.info`);
    expect(get.status).toBe(405);
    expect(((await get.json()) as { error: { message: string } }).error.message).toBe(
      '/api/system.info 只接受 POST 请求',
    );
    const text = await fetch(`${host.url}api/system.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { message: string } }).error.message).toBe(
      '请求的 Content-Type 必须是 application/json',
    );
  });

  it('answers GET /api/health', async () => {
    const r = await fetch(`${host.url}api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, data: { status: 'ok' } });
  });

  it('keeps serving after a burst of bad requests', async () => {
    await Promise.all([
      post('orders.get', '{{{'),
      post('orders.get', 'null'),
      post('orders.get', '[1,2,3]'),
      post('orders.list', { limit: -5 }),
      post('nope', {}),
      truncatedUpload(),
    ]);
    const r = await post('system.info', {});
    expect(r.status).toBe(200);
  });
});

describe('auth', () => {
  it('gives a loopback caller the loopbackRole, and enforces roles', async () => {
    const viewerHost = await startHttpHost({
      core: hc.core,
      port: 0,
      staticDir,
      loopbackRole: 'viewer',
      tokens: { [TOKEN_OFFICER]: 'officer' },
      log: () => undefined,
    });
    try {
      const denied = await post('orders.create', { order: NEW_ORDER }, {}, viewerHost);
      expect(denied.status).toBe(403);
      expect(denied.body.error?.code).toBe('forbidden');
      expect(denied.body.error?.reason).toBe('role_required');
      expect(denied.body.error?.message).toBe('需要值班员及以上权限');
      const read = await post('system.info', {}, {}, viewerHost);
      expect(read.status).toBe(200);
      const allowed = await post(
        'orders.create',
        { order: NEW_ORDER },
        { Authorization: `Bearer ${TOKEN_OFFICER}` },
        viewerHost,
      );
      expect(allowed.status).toBe(200);
      const bad = await post(
        'system.info',
        {},
        { Authorization: 'Bearer wrong-token-wrong-token' },
        viewerHost,
      );
      expect(bad.status).toBe(401);
      expect(bad.body.error?.message).toBe('访问令牌无效');
    } finally {
      await viewerHost.close();
    }
  });

  it('a viewer token cannot mutate', async () => {
    const r = await post('orders.create', { order: NEW_ORDER }, { Authorization: `Bearer ${TOKEN_VIEWER}` });
    expect(r.status).toBe(403);
  });

  it('refuses cross-site requests and DNS-rebound Host headers from loopback', async () => {
    const cross = await raw(
      '/api/system.info',
      { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      'POST',
    );
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.body)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: '拒绝跨站请求' },
    });
    const rebound = await raw(
      '/api/system.info',
      { Host: 'evil.example:5174', 'Content-Type': 'application/json' },
      'POST',
    );
    expect(rebound.status).toBe(403);
  });

  it('refuses to start on a LAN address without tokens', async () => {
    await expect(
      startHttpHost({ core: hc.core, port: 0, bind: '0.0.0.0', staticDir, log: () => undefined }),
    ).rejects.toThrow(/token/);
  });

  it('refuses non-loopback callers without a token', async () => {
    // Reach the host through a non-loopback address of this machine, if it has one.
    const { networkInterfaces } = await import('node:os');
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!lan) return; // no external interface on this machine: the unit of identify() covers it
    const lanHost = await startHttpHost({
      core: hc.core,
      port: 0,
      bind: lan.address,
      staticDir,
      tokens: { [TOKEN_VIEWER]: 'viewer' },
      log: () => undefined,
    });
    try {
      const anon = await fetch(`${lanHost.url}api/system.info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(anon.status).toBe(401);
      const page = await fetch(lanHost.url);
      expect(page.status).toBe(401);
      const withToken = await fetch(`${lanHost.url}api/system.info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN_VIEWER}` },
        body: '{}',
      });
      expect(withToken.status).toBe(200);
      const wall = await fetch(`${lanHost.url}?token=${TOKEN_VIEWER}`);
      expect(wall.status).toBe(200);
      expect(wall.headers.get('set-cookie')).toMatch(/hall_token=.*HttpOnly; SameSite=Strict/);
      const cookie = await fetch(`${lanHost.url}api/system.info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `hall_token=${TOKEN_VIEWER}` },
        body: '{}',
      });
      expect(cookie.status).toBe(200);
    } finally {
      await lanHost.close();
    }
  });
});

describe('WebSocket change hints', () => {
  function openWs(h: HttpHost = host, query = ''): Promise<{ ws: WebSocket; hints: ChangeHint[] }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${h.url.replace('http', 'ws')}api/events${query}`);
      const hints: ChangeHint[] = [];
      ws.on('message', (m) => hints.push(JSON.parse(String(m)) as ChangeHint));
      ws.on('open', () => resolve({ ws, hints }));
      ws.on('error', reject);
    });
  }

  it('pushes one batched orders.changed hint after mutations', async () => {
    const { ws, hints } = await openWs();
    try {
      const a = await post('orders.create', { order: NEW_ORDER });
      const b = await post('orders.create', { order: { ...NEW_ORDER, title: '第二单' } });
      const ids = [a, b].map((r) => (r.body.data as { order: { id: string } }).order.id);
      // Both orders arrive in the hints (merged into one when the two calls came within 100 ms).
      await waitFor(() => {
        const seen = new Set(hints.flatMap((h) => (h.topic === 'orders.changed' ? h.orderIds : [])));
        return ids.every((id) => seen.has(id));
      });
      const orderHints = hints.filter((h) => h.topic === 'orders.changed');
      // Two mutations within 100 ms arrive merged.
      expect(orderHints.length).toBeLessThanOrEqual(2);
    } finally {
      ws.close();
    }
  });

  it('tells a joining socket how many hints went by, and each answer how many its call had seen', async () => {
    const changesOf = async (): Promise<number> => {
      const res = await fetch(`${host.url}api/orders.queues`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return Number(res.headers.get(CHANGES_HEADER));
    };
    const before = await changesOf();
    expect(Number.isInteger(before)).toBe(true);
    // An order filed before the socket joins: its hint goes to the sockets open then.
    await post('orders.create', { order: { ...NEW_ORDER, title: '推送前' } });
    await waitFor(async () => (await changesOf()) > before);
    const after = await changesOf();
    const { ws, hints } = await openWs();
    try {
      await waitFor(() => hints.length > 0);
      // The first message: the count when it joined — newer than the answer taken before the order.
      expect(hints[0]).toEqual({ topic: PUSH_JOINED, changes: after });
      expect(after).toBeGreaterThan(before);
    } finally {
      ws.close();
    }
  });

  it('rejects other upgrade paths and bad tokens', async () => {
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${host.url.replace('http', 'ws')}api/nope`);
        ws.on('open', resolve);
        ws.on('error', reject);
      }),
    ).rejects.toThrow(/404/);
    await expect(openWs(host, '?token=wrong-wrong-wrong-wrong')).rejects.toThrow(/401/);
  });
});

describe('static files', () => {
  it('serves index.html with the CSP and nosniff', async () => {
    const r = await fetch(host.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toContain('街道指挥中心');
  });

  it('serves assets with their MIME type and long caching', async () => {
    const js = await fetch(`${host.url}assets/app-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const css = await fetch(`${host.url}assets/style.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for app routes, 404 for missing assets', async () => {
    const route = await fetch(`${host.url}orders/abc`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>');
    const missing = await fetch(`${host.url}assets/missing.js`);
    expect(missing.status).toBe(404);
  });

  it('serves byte ranges', async () => {
    const r = await fetch(`${host.url}assets/app-abc123.js`, { headers: { Range: 'bytes=0-6' } });
    expect(r.status).toBe(206);
    expect(await r.text()).toBe('console');
  });

  it('refuses path traversal', async () => {
    for (const p of [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..\\secret.txt',
      '/assets%5c..%5c..%5csecret.txt',
      '/%00',
    ]) {
      const r = await raw(p);
      expect(r.body, p).not.toContain('TOP SECRET');
      expect([400, 403, 404], p).toContain(r.status);
    }
    const dots = await raw('/../secret.txt');
    expect(dots.body).not.toContain('TOP SECRET');
  });
});

/** A client that announces a body, sends part of it and hangs up. */
async function truncatedUpload(): Promise<void> {
  const { connect } = await import('node:net');
  const u = new URL(host.url);
  await new Promise<void>((resolve) => {
    const sock = connect(Number(u.port), u.hostname, () => {
      sock.write(
        `POST /api/orders.get HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"orderId"`,
      );
      setTimeout(() => {
        sock.destroy();
        resolve();
      }, 50);
    });
    sock.on('error', () => resolve());
  });
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
