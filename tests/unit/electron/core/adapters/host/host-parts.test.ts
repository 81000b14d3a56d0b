import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../../../shared/contract/index';
import {
  allowedHostNames,
  identify,
  isLoopbackAddress,
  sameOriginRequest,
  tokenCookie,
  TokenTable,
} from '../../../../../../electron/core/adapters/host/auth';
import { contentSecurityPolicy } from '../../../../../../electron/core/adapters/host/csp';
import { STATUS_BY_CODE, toApiErrorData } from '../../../../../../electron/core/adapters/host/errors';
import { createHintBatcher, mergeHints } from '../../../../../../electron/core/adapters/host/hint-batcher';
import { mimeType } from '../../../../../../electron/core/adapters/host/mime';
import { resolveStatic, safeJoin } from '../../../../../../electron/core/adapters/host/static-files';

function req(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('auth', () => {
  const tokens = new TokenTable({ 'viewer-secret-0123456789': 'viewer' });
  const url = (q = '') => new URL(`http://127.0.0.1:5174/api/x${q}`);

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['192.168.1.2', '::ffff:10.0.0.1', '0.0.0.0', '', undefined])
      expect(isLoopbackAddress(a), String(a)).toBe(false);
  });

  it('gives loopback the loopbackRole, a token its role, others nothing', async () => {
    expect(identify(req('127.0.0.1'), url(), tokens, 'commander')).toMatchObject({
      ok: true,
      role: 'commander',
      via: 'loopback',
    });
    expect(identify(req('10.0.0.9'), url(), tokens, 'commander')).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(
      identify(
        req('10.0.0.9', { authorization: 'Bearer viewer-secret-0123456789' }),
        url(),
        tokens,
        'commander',
      ),
    ).toMatchObject({ ok: true, role: 'viewer', via: 'token' });
    expect(
      identify(req('10.0.0.9'), url('?token=viewer-secret-0123456789'), tokens, 'commander', {
        queryToken: true,
      }),
    ).toMatchObject({ ok: true, role: 'viewer' });
    expect(
      identify(
        req('10.0.0.9', { cookie: 'a=b; hall_token=viewer-secret-0123456789' }),
        url(),
        tokens,
        'commander',
      ),
    ).toMatchObject({ ok: true, role: 'viewer' });
    // A wrong token is refused even from loopback.
    expect(
      identify(req('127.0.0.1', { authorization: 'Bearer nope' }), url(), tokens, 'commander'),
    ).toMatchObject({ ok: false });
    expect(
      identify(req('127.0.0.1', { authorization: 'Basic abc' }), url(), tokens, 'commander'),
    ).toMatchObject({ ok: false, reason: 'token_invalid' });
    // From another machine a session cookie alone is not enough: a token is required.
    expect(identify(req('10.0.0.9', { cookie: 'hall_session=abc' }), url(), tokens, null)).toMatchObject({
      ok: false,
      reason: 'token_required',
    });
    // The session cookie is passed on unresolved, for the core's gate.
    expect(identify(req('127.0.0.1', { cookie: 'hall_session=abc' }), url(), tokens, null)).toMatchObject({
      ok: true,
      role: null,
      session: 'abc',
    });
  });

  it('never puts the token in the actor', async () => {
    const c = await identify(
      req('10.0.0.9', { authorization: 'Bearer viewer-secret-0123456789' }),
      url(),
      tokens,
      'commander',
    );
    expect(c.ok && c.actor).toMatch(/^token:[0-9a-f]{8}$/);
  });

  it('refuses cross-site and rebound requests, whoever sends them (issue 11, item 11)', () => {
    const loopbackOnly = allowedHostNames('127.0.0.1');
    const ok = (headers: Record<string, string>, allowed = loopbackOnly, from = '127.0.0.1') =>
      sameOriginRequest(req(from, headers), allowed);
    expect(ok({ host: '127.0.0.1:5174' })).toBe(true);
    expect(ok({ host: 'localhost:5174', origin: 'http://localhost:5174' })).toBe(true);
    expect(ok({ host: '[::1]:5174' })).toBe(true);
    expect(ok({ host: 'attacker.example:5174' })).toBe(false);
    // A session cookie or a token does not make a foreign Host acceptable (DNS rebinding).
    expect(ok({ host: 'evil.com', cookie: 'hall_session=abc' })).toBe(false);
    expect(ok({ host: 'evil.com', authorization: 'Bearer viewer-secret-0123456789' })).toBe(false);
    expect(ok({ host: '127.0.0.1:5174', origin: 'https://evil.example' })).toBe(false);
    expect(ok({ host: '127.0.0.1:5174', origin: 'null' })).toBe(false);
    // Same host but https: this host speaks only http, so such a page is not ours.
    expect(ok({ host: '127.0.0.1:5174', origin: 'https://127.0.0.1:5174' })).toBe(false);
    expect(ok({ host: '127.0.0.1:5174', origin: 'http://127.0.0.1:5174/' })).toBe(false);
    // A LAN bind answers to its address and the names given with --allow-host.
    const lan = allowedHostNames('192.168.1.20', ['hall.lan']);
    expect(ok({ host: '192.168.1.20:5174' }, lan, '192.168.1.9')).toBe(true);
    expect(ok({ host: 'hall.lan:5174' }, lan, '192.168.1.9')).toBe(true);
    expect(ok({ host: 'rebind.evil:5174' }, lan, '192.168.1.9')).toBe(false);
  });

  it('takes ?token= only on a page load, never on the API, and sets a cookie with Max-Age', () => {
    const q = url('?token=viewer-secret-0123456789');
    expect(identify(req('10.0.0.9'), q, tokens, null)).toMatchObject({ ok: false, reason: 'token_invalid' });
    expect(identify(req('10.0.0.9'), q, tokens, null, { queryToken: true })).toMatchObject({
      ok: true,
      role: 'viewer',
    });
    expect(tokenCookie('abc')).toMatch(/^hall_token=abc; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
  });

  it('marks a wall token as a wall and a loopback caller without token as local', () => {
    const t = new TokenTable({ 'wall-secret-0123456789': 'wall', 'viewer-secret-0123456789': 'viewer' });
    expect(
      identify(req('10.0.0.9', { authorization: 'Bearer wall-secret-0123456789' }), url(), t, null),
    ).toMatchObject({ ok: true, role: 'viewer', wall: true, local: false, address: '10.0.0.9' });
    expect(
      identify(req('127.0.0.1', { authorization: 'Bearer viewer-secret-0123456789' }), url(), t, null),
    ).toMatchObject({ ok: true, wall: false, local: false });
    expect(identify(req('::ffff:127.0.0.1'), url(), t, null)).toMatchObject({
      ok: true,
      local: true,
      address: '127.0.0.1',
    });
  });
});

describe('errors', () => {
  it('map codes to statuses and hide unexpected errors', () => {
    expect(STATUS_BY_CODE).toMatchObject({
      invalid_input: 400,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      rejected: 422,
      unavailable: 503,
      internal: 500,
    });
    expect(toApiErrorData(ApiError.why('invalid_input', 'bad', 'order.title'))).toEqual({
      data: {
        code: 'invalid_input',
        reason: 'invalid_input',
        message: 'bad',
        field: 'order.title',
        params: { why: 'bad' },
      },
      expected: true,
    });
    // A plain object from across the worker boundary: decided by its reason, the sentence is the reason's.
    expect(toApiErrorData({ code: 'conflict', reason: 'stale_version', message: 'stale' }).data).toEqual({
      code: 'conflict',
      reason: 'stale_version',
      message: '该工单已被他人更新，请刷新后重试',
    });
    expect(toApiErrorData(new Error('SQLITE_IOERR /home/x/hall.db'))).toEqual({
      data: { code: 'internal', reason: 'internal', message: '系统内部错误，详情已记录在日志中' },
      expected: false,
    });
    // Without a known reason nothing is trusted, whatever the code says.
    expect(toApiErrorData({ code: 'conflict', message: 'stale' }).data.code).toBe('internal');
    expect(toApiErrorData({ code: 'EACCES', message: 'x' }).data.code).toBe('internal');
    expect(toApiErrorData(null).data.code).toBe('internal');
  });
});

describe('hint batching', () => {
  it('merges orders.changed ids and collapses repeated topics', () => {
    expect(
      mergeHints([
        { topic: 'orders.changed', orderIds: ['a', 'b'] },
        { topic: 'system.changed' },
        { topic: 'orders.changed', orderIds: ['b', 'c'] },
        { topic: 'system.changed' },
      ]),
    ).toEqual([{ topic: 'orders.changed', orderIds: ['a', 'b', 'c'] }, { topic: 'system.changed' }]);
  });

  it('passes every other topic through once (sync, awareness, map hints reach the clients)', () => {
    expect(
      mergeHints([
        { topic: 'sync.changed' },
        { topic: 'awareness.changed' },
        { topic: 'sync.changed' },
        { topic: 'map.changed' },
        { topic: 'reference.changed' },
      ]),
    ).toEqual([
      { topic: 'sync.changed' },
      { topic: 'awareness.changed' },
      { topic: 'map.changed' },
      { topic: 'reference.changed' },
    ]);
  });

  it('delivers once per window', () => {
    vi.useFakeTimers();
    try {
      const out: unknown[] = [];
      const b = createHintBatcher((h) => out.push(h), 100);
      b.push({ topic: 'orders.changed', orderIds: ['a'] });
      vi.advanceTimersByTime(50);
      b.push({ topic: 'orders.changed', orderIds: ['b'] });
      expect(out).toEqual([]);
      vi.advanceTimersByTime(60);
      expect(out).toEqual([[{ topic: 'orders.changed', orderIds: ['a', 'b'] }]]);
      b.push({ topic: 'reference.changed' });
      b.close();
      vi.advanceTimersByTime(200);
      expect(out).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('static files', () => {
  let root: string;
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'hall-static-'));
    root = path.join(tmp, 'www');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), 'index');
    writeFileSync(path.join(root, 'assets', 'a.js'), 'a');
    writeFileSync(path.join(tmp, 'secret'), 'secret');
    symlinkSync(path.join(tmp, 'secret'), path.join(root, 'link'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('safeJoin keeps paths inside the root', () => {
    expect(safeJoin('/www', '/assets/a.js')).toBe(path.resolve('/www/assets/a.js'));
    for (const p of [
      '/../etc/passwd',
      '/..%2f..%2fetc',
      '/a/%2e%2e/%2e%2e/x',
      '/%5c..%5cx',
      '/a%00b',
      '/%E0%A4%A',
    ]) {
      expect(safeJoin('/www', p), p).toBeNull();
    }
  });

  it('resolves files, SPA routes and refuses escapes and symlinks out', async () => {
    expect(await resolveStatic(root, '/')).toMatchObject({
      kind: 'file',
      path: path.join(root, 'index.html'),
      fallback: true,
    });
    expect(await resolveStatic(root, '/assets/a.js')).toMatchObject({
      kind: 'file',
      fallback: false,
      size: 1,
    });
    expect(await resolveStatic(root, '/panels/dispatch')).toMatchObject({ kind: 'file', fallback: true });
    expect(await resolveStatic(root, '/assets/gone.js')).toEqual({ kind: 'not_found' });
    expect(await resolveStatic(root, '/..%2fsecret')).toEqual({ kind: 'forbidden' });
    expect(await resolveStatic(root, '/link')).toEqual({ kind: 'forbidden' });
  });

  it('knows MIME types', () => {
    expect(mimeType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a.woff2')).toBe('font/woff2');
    expect(mimeType('a.wasm')).toBe('application/wasm');
    expect(mimeType('/dir.d/noext')).toBe('application/octet-stream');
  });
});

describe('CSP', () => {
  it('allows the WebSocket origin only when given', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(contentSecurityPolicy({ connect: ['ws://127.0.0.1:5174'] })).toContain(
      "connect-src 'self' ws://127.0.0.1:5174;",
    );
  });
});
