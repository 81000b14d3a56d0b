/**
 * Browser-mode host: the core's API over HTTP + WebSocket, and the built renderer as static files.
 * Wire protocol (shared/kernel/bridge.ts): `POST /api/<proc>` with the JSON input → CallResult;
 * ChangeHints pushed as JSON text messages on the WebSocket at /api/events.
 * Never crashes on bad input: every request ends in a typed error and the server keeps serving.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  API_PREFIX,
  CHANGES_HEADER,
  ApiError,
  isProcName,
  type ApiErrorData,
  type CallResult,
  type Role,
} from '../../../../shared/contract/index';
import type { Core } from '../../runtime/core';
import { BasemapCatalog, builtinBasemapDir, type BasemapDirs } from '../basemap/catalog';
import { isBasemapPath } from '../basemap/serve';
import { serveBasemap } from './basemap-route';
import {
  TokenTable,
  allowedHostNames,
  clearSessionCookie,
  identify,
  isLoopbackBind,
  sameOriginRequest,
  sessionCookie,
  tokenCookie,
  type Caller,
  type TokenGrant,
} from './auth';
import { contentSecurityPolicy, mapOrigin, securityHeaders } from './csp';
import { hostError, statusOf, toApiErrorData } from './errors';
import { takeSessionToken } from '../../runtime/session-token';
import { attachEventSocket } from './event-socket';
import { HINT_BATCH_MS } from './hint-batcher';
import { mimeType } from './mime';
import { resolveStatic, sendFileRange } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpHostOptions {
  readonly core: Core;
  /** 0 picks a free port. */
  readonly port: number;
  /** Default 127.0.0.1. Any other address is a LAN bind and needs at least one token. */
  readonly bind?: string;
  /** The built renderer (dist/renderer); null serves the API only. */
  readonly staticDir?: string | null;
  /**
   * Role of loopback callers that present no token and no session. Default null: they must log
   * in (only the public auth.* procedures answer them). A dev machine may pass 'commander'.
   */
  readonly loopbackRole?: Role | null;
  /** token → role, or `wall` (a viewer that is a public wall display). Tokens are secrets: never logged. */
  readonly tokens?: Readonly<Record<string, TokenGrant>>;
  /** Extra names this host answers to in `Host` (a LAN DNS name of the hall PC). */
  readonly allowHosts?: readonly string[];
  readonly log?: (line: string) => void;
  /** Debounce window for pushed hints. */
  readonly hintBatchMs?: number;
  /**
   * Where `/basemap/...` finds its files. Default: the repository's resources/basemap and no
   * imported folder; a host with a data folder passes `<dataDir>/basemaps` as importedDir.
   */
  readonly basemaps?: BasemapDirs;
}

export interface HttpHost {
  /** e.g. http://127.0.0.1:5174/ */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiErrorData,
  ) {
    super(error.message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

function tooLarge(limit: number): BodyError {
  return new BodyError(413, hostError('invalid_input', `请求体超过 ${limitText(limit)} 上限`));
}

/** 1 MB, 512 KB: how the limit reads in a message. */
function limitText(limit: number): string {
  return limit % (1024 * 1024) === 0 ? `${limit / (1024 * 1024)} MB` : `${Math.round(limit / 1024)} KB`;
}

function parseJsonBody(buf: Buffer): unknown {
  if (buf.length === 0) return {};
  const text = buf.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new BodyError(400, hostError('invalid_input', `请求体不是合法的 JSON: ${why}`));
  }
}

/** Only characters a Host header legitimately has; anything else is dropped from the CSP. */
function wsSourceFor(req: IncomingMessage): string[] {
  const host = req.headers.host;
  if (!host || !/^[A-Za-z0-9.\-:[\]]{1,260}$/.test(host)) return [];
  return [`ws://${host}`, `wss://${host}`];
}

export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const bind = opts.bind ?? '127.0.0.1';
  const loopbackRole: Role | null = opts.loopbackRole ?? null;
  const tokens = new TokenTable(opts.tokens ?? {});
  const allowedHosts = allowedHostNames(bind, opts.allowHosts ?? []);
  const log = opts.log ?? ((line: string) => console.log(line));
  const staticDir = opts.staticDir ?? null;
  const { core } = opts;
  const basemaps = new BasemapCatalog(
    opts.basemaps ?? { builtinDir: builtinBasemapDir(), importedDir: null },
  );
  // Online basemap origins from the map settings, for the CSP; refreshed when the settings change.
  let onlineMap: string[] = [];
  const refreshOnlineMap = (): void => {
    core
      .call('map.config', {}, { role: 'viewer', actor: 'host' })
      .then((c) => {
        onlineMap = [mapOrigin(c.settings.onlineStyleUrl), mapOrigin(c.settings.onlineTileUrl)].filter(
          (o): o is string => o !== null,
        );
      })
      .catch(() => undefined);
  };
  refreshOnlineMap();
  const stopMapWatch = core.onChange((h) => {
    if (h.topic === 'map.changed') refreshOnlineMap();
  });
  // Hints received so far (CHANGES_HEADER): lets a page tell whether one went by before its
  // socket joined. Counted from the start time, so that a restarted host's counts are ahead of
  // the answers its predecessor gave (a page that loaded across a restart refreshes).
  let changes = Date.now();
  const stopChangeCount = core.onChange(() => {
    changes += 1;
  });

  if (!isLoopbackBind(bind) && tokens.size === 0) {
    throw new Error(
      `Refusing to listen on ${bind}: a LAN bind needs at least one access token ` +
        `(e.g. --token viewer:<secret>). 局域网绑定必须至少配置一个访问令牌。`,
    );
  }

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: CallResult,
    extra: Record<string, string> = {},
  ): void => {
    if (res.headersSent) return;
    const payload = JSON.stringify(body);
    res.writeHead(status, { ...JSON_HEADERS, 'X-Content-Type-Options': 'nosniff', ...extra });
    res.end(payload);
  };
  const sendError = (
    res: ServerResponse,
    status: number,
    error: ApiErrorData,
    extra?: Record<string, string>,
  ): void => sendJson(res, status, { ok: false, error }, extra);

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    caller: Caller & { ok: true },
  ): Promise<void> {
    const name = url.pathname.slice(API_PREFIX.length + 1);
    if (name === 'health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        closeUnread(req, res);
        sendError(res, 405, hostError('invalid_input', `${API_PREFIX}/health 只接受 GET 请求`), {
          Allow: 'GET',
        });
        return;
      }
      sendJson(res, 200, { ok: true, data: { status: 'ok', role: caller.role } });
      return;
    }
    if (!isProcName(name)) {
      // Drain so keep-alive connections stay usable.
      closeUnread(req, res);
      sendError(
        res,
        404,
        new ApiError('unknown_procedure', { params: { proc: name.slice(0, 80) } }).toData(),
      );
      return;
    }
    if (req.method !== 'POST') {
      closeUnread(req, res);
      sendError(res, 405, hostError('invalid_input', `${API_PREFIX}/${name} 只接受 POST 请求`), {
        Allow: 'POST',
      });
      return;
    }
    // A JSON content type forces a CORS preflight on cross-site requests, which this host never grants.
    const ctype = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (ctype !== 'application/json') {
      closeUnread(req, res);
      sendError(res, 415, hostError('invalid_input', '请求的 Content-Type 必须是 application/json'));
      return;
    }
    let input: unknown;
    try {
      input = parseJsonBody(await readBody(req, MAX_BODY_BYTES));
    } catch (err) {
      if (err instanceof BodyError) {
        // After an oversized body the rest of the stream is not worth reading: close the connection.
        const close = err.status === 413 ? { Connection: 'close' } : undefined;
        sendError(res, err.status, err.error, close);
        if (err.status === 413) drainOrDestroy(req);
      } else {
        sendError(res, 400, hostError('invalid_input', '无法读取请求体'));
      }
      return;
    }
    // Read before the call: the answer has seen at least these changes.
    const seen = { [CHANGES_HEADER]: String(changes) };
    try {
      const data = await core.call(name, input, {
        role: caller.role,
        actor: caller.actor,
        session: caller.session,
        // 大屏模式: the page may ask for personal data masked whatever the caller's role (it can
        // only ask for less); a wall token is a wall whatever the page says.
        masked: req.headers['x-hall-wall'] === '1',
        wall: caller.wall,
        local: caller.local,
        address: caller.address,
      });
      // The session secret goes into an HttpOnly cookie; the page's JavaScript never sees it.
      const { token, data: shown } = takeSessionToken(name, data);
      if (token !== null) {
        sendJson(res, 200, { ok: true, data: shown }, { ...seen, 'Set-Cookie': sessionCookie(token) });
        return;
      }
      if (name === 'auth.logout') {
        sendJson(res, 200, { ok: true, data }, { ...seen, 'Set-Cookie': clearSessionCookie() });
        return;
      }
      sendJson(res, 200, { ok: true, data }, seen);
    } catch (err) {
      const { data, expected } = toApiErrorData(err);
      if (!expected)
        log(`[host] ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      sendError(res, statusOf(data), data);
    }
  }

  async function handleStatic(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    caller: Caller & { ok: true },
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      closeUnread(req, res);
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('不支持的请求方法 (Method not allowed)');
      return;
    }
    const headers: Record<string, string> = securityHeaders(
      contentSecurityPolicy({ connect: wsSourceFor(req), onlineMap }),
    );
    // A wall display opened with ?token= keeps it as an HttpOnly cookie, so the page's own API
    // calls and WebSocket are authorised without the renderer ever handling the secret.
    const queryToken = url.searchParams.get('token');
    if (caller.via === 'token' && queryToken) headers['Set-Cookie'] = tokenCookie(queryToken);
    if (isBasemapPath(url.pathname)) {
      await serveBasemap(basemaps, req, res, url, headers);
      return;
    }
    if (!staticDir) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('未配置界面文件 (No renderer build configured)');
      return;
    }
    const found = await resolveStatic(staticDir, url.pathname);
    if (found.kind === 'forbidden') {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('禁止访问 (Forbidden)');
      return;
    }
    if (found.kind === 'not_found') {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('未找到 (Not found)');
      return;
    }
    headers['Content-Type'] = mimeType(found.path);
    // Vite fingerprints /assets/*; index.html must always be revalidated to pick up new builds.
    headers['Cache-Control'] =
      url.pathname.startsWith('/assets/') && !found.fallback
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
    sendFileRange(req, res, found.path, found.size, headers, !found.fallback);
  }

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('请求无效 (Bad request)');
      return;
    }
    const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(API_PREFIX + '/');
    // `?token=` only on a page load (it becomes the HttpOnly cookie), never on the API.
    serve(req, res, url, isApi, identify(req, url, tokens, loopbackRole, { queryToken: !isApi }));
  });

  function serve(req: IncomingMessage, res: ServerResponse, url: URL, isApi: boolean, caller: Caller): void {
    if (!caller.ok) {
      closeUnread(req, res);
      if (isApi) sendError(res, 401, hostError(caller.reason), { 'WWW-Authenticate': 'Bearer' });
      else {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' });
        res.end(`${caller.message} (Unauthorized)`);
      }
      return;
    }
    if (!sameOriginRequest(req, allowedHosts)) {
      closeUnread(req, res);
      if (isApi) sendError(res, 403, hostError('cross_site'));
      else {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('拒绝跨站请求 (Forbidden)');
      }
      return;
    }
    const work = isApi ? handleApi(req, res, url, caller) : handleStatic(req, res, url, caller);
    work.catch((err: unknown) => {
      log(`[host] request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendError(res, 500, hostError('internal'));
      else res.destroy();
    });
  }
  // Slow-loris and idle limits; the API answers in milliseconds.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const events = attachEventSocket(server, {
    core,
    tokens,
    loopbackRole,
    allowedHosts,
    hintBatchMs: opts.hintBatchMs ?? HINT_BATCH_MS,
    changes: () => changes,
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(opts.port, bind, () => {
      server.off('error', onError);
      resolve();
    });
  }).catch((err: unknown) => {
    events.close();
    throw err;
  });
  server.on('error', (err) => log(`[host] server error: ${err.message}`));

  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${hostPart}:${addr.port}/`;
  let closing: Promise<void> | null = null;

  return {
    url,
    port: addr.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        events.close();
        basemaps.close();
        stopMapWatch();
        stopChangeCount();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * A refused request's body is not read: the answer says `Connection: close`, and once it is sent
 * the connection is dropped, so a 100 MB body sent with a 401 or 405 costs the host nothing.
 */
function closeUnread(req: IncomingMessage, res: ServerResponse): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  const hasBody =
    (Number.isFinite(declared) && declared > 0) || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return;
  res.shouldKeepAlive = false;
  res.setHeader('Connection', 'close');
  req.pause();
  res.on('finish', () => {
    // Half-close first so the answer is read; drop the rest of the upload shortly after.
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 1_000).unref();
  });
}

/** Reads and discards what is left of a refused upload, up to a bound, then drops the socket. */
function drainOrDestroy(req: IncomingMessage): void {
  let extra = 0;
  req.on('data', (c: Buffer) => {
    extra += c.length;
    if (extra > 8 * MAX_BODY_BYTES) req.socket.destroy();
  });
  req.resume();
}
