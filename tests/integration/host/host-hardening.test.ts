/**
 * Issue 11, items 3 and 11, on the real HTTP host (real core, real sockets):
 * - a LAN viewer token cannot create the first administrator on a fresh data folder; only the
 *   machine itself can (a loopback caller without a token);
 * - a foreign Host is refused for every caller (a session cookie, a token, a WebSocket upgrade);
 * - an Origin that is not exactly http://<Host> is refused (https://127.0.0.1:… included);
 * - `?token=` is refused on the API; the wall's hall_token cookie has a Max-Age;
 * - a 401 or 405 does not read a 100 MB body: the connection is closed after the answer.
 */
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../../electron/core/adapters/host/http-host';
import { makeHostTestCore, type HostTestCore } from './host-test-core';
import { tempDir } from '../store/fixtures';

const VIEWER_TOKEN = 'viewer-token-0123456789abcdef';
const ADMIN = { username: 'admin', displayName: '管理员', password: 'admin-password-1' };

let tmp: { dir: string; cleanup: () => void };
let htc: HostTestCore;
let host: HttpHost;
let port: number;

beforeAll(async () => {
  tmp = tempDir('hall-hardening-');
  const staticDir = path.join(tmp.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>hall</title>');
  htc = await makeHostTestCore(path.join(tmp.dir, 'data'));
  // The attack of the issue: a LAN bind with a viewer token, on a fresh data folder.
  host = await startHttpHost({
    core: htc.core,
    port: 0,
    bind: '0.0.0.0',
    staticDir,
    tokens: { [VIEWER_TOKEN]: 'viewer' },
    log: () => undefined,
  });
  port = host.port;
});

afterAll(async () => {
  await host?.close();
  await htc?.close();
  tmp?.cleanup();
});

const base = () => `http://127.0.0.1:${port}/`;
const lanAddress = (): string | null =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? null;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean; error?: { reason: string } } };
}

describe('first-run setup is for this machine only', () => {
  it('a viewer token (from loopback or the LAN) cannot create the first administrator', async () => {
    const viaToken = await post(`${base()}api/auth.setup`, ADMIN, {
      Authorization: `Bearer ${VIEWER_TOKEN}`,
    });
    expect(viaToken.status).toBe(403);
    expect(viaToken.json.error?.reason).toBe('local_only');
    const lan = lanAddress();
    if (lan) {
      const fromLan = await post(`http://${lan}:${port}/api/auth.setup`, ADMIN, {
        Authorization: `Bearer ${VIEWER_TOKEN}`,
      });
      expect(fromLan.json.error?.reason).toBe('local_only');
      const noToken = await post(`http://${lan}:${port}/api/auth.setup`, ADMIN);
      expect(noToken.json.error?.reason).toBe('token_required');
    }
    const status = await post(`${base()}api/auth.status`, {});
    expect(status.json).toMatchObject({ ok: true, data: { needsSetup: true } });
  });

  it('the machine itself (loopback, no token) creates it; the cookie alone does not work from the LAN', async () => {
    const res = await fetch(`${base()}api/auth.setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^hall_session=/);
    const lan = lanAddress();
    if (lan) {
      const r = await post(`http://${lan}:${port}/api/accounts.list`, {}, { Cookie: cookie });
      expect(r.json.error?.reason).toBe('token_required');
    }
  });
});

describe('Host and Origin for every caller', () => {
  it('refuses a foreign Host with a session cookie or a token, and a WebSocket upgrade with one', async () => {
    const raw = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => {
          const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
          s.write(
            `POST /api/system.info HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n${lines.join('\r\n')}\r\nConnection: close\r\n\r\n{}`,
          );
        });
        let data = '';
        s.on('data', (b) => (data += b.toString()));
        s.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0)));
        s.on('error', reject);
      });
    expect(await raw({ Host: 'evil.com', Cookie: 'hall_session=abc' })).toBe(403);
    expect(await raw({ Host: 'evil.com', Authorization: `Bearer ${VIEWER_TOKEN}` })).toBe(403);
    expect(await raw({ Host: `127.0.0.1:${port}`, Authorization: `Bearer ${VIEWER_TOKEN}` })).toBe(200);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, {
      headers: { Host: 'evil.com', Authorization: `Bearer ${VIEWER_TOKEN}` },
    });
    const code = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => resolve(-1));
    });
    ws.terminate();
    expect(code).toBe(403);
  });

  it('refuses an Origin that is not exactly http://<Host> (https://127.0.0.1:… included)', async () => {
    const auth = { Authorization: `Bearer ${VIEWER_TOKEN}` };
    expect(
      (await post(`${base()}api/system.info`, {}, { ...auth, Origin: `https://127.0.0.1:${port}` })).status,
    ).toBe(403);
    expect(
      (await post(`${base()}api/system.info`, {}, { ...auth, Origin: `http://127.0.0.1:${port}` })).status,
    ).toBe(200);
  });
});

describe('tokens', () => {
  it('?token= is refused on the API; on a page load it becomes a cookie with a Max-Age', async () => {
    const api = await post(`${base()}api/system.info?token=${VIEWER_TOKEN}`, {});
    expect(api.status).toBe(401);
    expect(api.json.error?.reason).toBe('token_invalid');
    const page = await fetch(`${base()}?token=${VIEWER_TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toMatch(
      /^hall_token=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
  });
});

describe('refused requests do not read their body', () => {
  /** Sends headers announcing `total` bytes, then streams zeros; returns the status and bytes sent. */
  function upload(
    pathname: string,
    headers: string,
    total: number,
  ): Promise<{ status: number; sent: number }> {
    return new Promise((resolve) => {
      const s = connect(port, '127.0.0.1');
      let sent = 0;
      let status = 0;
      let buf = '';
      const chunk = Buffer.alloc(64 * 1024);
      const pump = (): void => {
        while (sent < total) {
          sent += chunk.length;
          if (!s.write(chunk)) {
            s.once('drain', pump);
            return;
          }
        }
      };
      s.on('connect', () => {
        s.write(
          `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}Content-Length: ${total}\r\n\r\n`,
        );
        pump();
      });
      s.on('data', (b) => {
        buf += b.toString('latin1');
        status ||= Number(/^HTTP\/1\.1 (\d+)/.exec(buf)?.[1] ?? 0);
      });
      const done = (): void => resolve({ status, sent });
      s.on('close', done);
      s.on('error', () => undefined);
    });
  }

  it('a 401 with a 100 MB body answers and closes without taking the body', async () => {
    const total = 100 * 1024 * 1024;
    const r = await upload(
      '/api/system.info',
      `Authorization: Bearer wrong-token\r\nContent-Type: application/json\r\n`,
      total,
    );
    expect(r.status).toBe(401);
    console.info(`[hardening] 401: ${(r.sent / 1024 / 1024).toFixed(1)} MB sent before the host closed`);
    expect(r.sent).toBeLessThan(total);
  });

  it('a 405 with a 100 MB body too', async () => {
    const total = 100 * 1024 * 1024;
    const r = await upload('/index.html', '', total);
    expect(r.status).toBe(405);
    expect(r.sent).toBeLessThan(total);
  });
});
