/**
 * The reference upstream hub (`npm run hub`): the same store in server role behind the sync
 * protocol of shared/features/sync/protocol.ts. It stands in for the district platform: halls register,
 * push their outbox, pull the feed; a WebSocket only hints "there is something new".
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { WebSocket, WebSocketServer } from 'ws';
import {
  MAX_BODY_BYTES,
  MAX_PULL_ITEMS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PushRequest,
  RegisterRequest,
  ROUTES,
  protocolMismatchMessage,
  type InfoResponse,
  type RegisterResponse,
} from '../../../../shared/features/sync/protocol';
import { checkpoint, openDb, setAutoCheckpoint } from '../../store/db';
import { getMeta, setMeta } from '../../store/meta';
import {
  compactPositionItems,
  hubNodeTokenHash,
  hubSeq,
  type CompactResult,
  nodeByTokenHash,
  pullFeedJson,
  pushEvents,
  upsertHubNode,
} from '../../features/sync';
import type { WritableDb } from '../../store/types';
import { createAttachmentStore } from './hub-attachments';
import { bearer, HttpError, readJson, sendError, sendJson, sendRawJson } from './hub-http';

export interface HubOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly bind?: string;
  /** The hub's node name (its events' node), default 'hub'. */
  readonly node?: string;
  /** The secret a hall presents once to register and get its own token. */
  readonly registrationToken: string;
  readonly now?: () => number;
  /** Quiet time after the last write before the WAL is folded back (default 2 s). */
  readonly checkpointIdleMs?: number;
  /**
   * Feed compaction of field-force positions (docs/SYNC.md): how often it runs (default 10 min,
   * and once at start; 0: only when `compactPositions()` is called) and the horizon within which
   * every report is kept (default 1 h).
   */
  readonly positionsCompactEveryMs?: number;
  readonly positionsHorizonMs?: number;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly node: string;
  readonly db: WritableDb;
  /** Tell hint listeners the feed grew (after the hub wrote to its own feed). */
  notify(): void;
  /** Compacts the feed's position items now (it also runs on its own every 10 min). */
  compactPositions(): CompactResult;
  close(): Promise<void>;
}

export const DEFAULT_HUB_PORT = 5180;
/** How often the hub compacts the position items of its feed. */
const POSITIONS_COMPACT_EVERY_MS = 10 * 60_000;
/**
 * WAL pages before SQLite checkpoints inside a commit (its default is 1,000). A push of 2,000
 * events writes several hundred pages, so the default checkpointed every other push, on the
 * push's own time, copying the same index pages again and again; measured: a fifth of the hub's
 * CPU per 10,000 pushed events. The hub checkpoints when it is idle instead (below).
 */
const WAL_AUTOCHECKPOINT_PAGES = 8_000;
const HEX = /^[0-9a-f]{64}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function _sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

function _sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashToken(a), 'hex');
  const y = Buffer.from(hashToken(b), 'hex');
  return timingSafeEqual(x, y);
}

export async function startHub(opts: HubOptions): Promise<Hub> {
  const node = opts.node ?? 'hub';
  const now = opts.now ?? Date.now;
  const db = openDb(opts.dataDir);
  if (getMeta(db, 'node') === null) setMeta(db, 'node', node);
  setMeta(db, 'role', 'hub');
  setAutoCheckpoint(db, WAL_AUTOCHECKPOINT_PAGES);
  const idleMs = opts.checkpointIdleMs ?? 2_000;
  let checkpointTimer: NodeJS.Timeout | null = null;
  /** After a write: fold the WAL back once no write came for `idleMs`. */
  function wrote(): void {
    if (checkpointTimer) clearTimeout(checkpointTimer);
    checkpointTimer = setTimeout(() => {
      checkpointTimer = null;
      try {
        checkpoint(db);
      } catch (err) {
        // Busy or closed: the next quiet moment (or SQLite's own threshold) checkpoints instead.
        console.error('[hub] checkpoint failed:', err);
      }
    }, idleMs);
    checkpointTimer.unref();
  }
  const attachments = createAttachmentStore(db, join(opts.dataDir, 'attachments'), now);
  const sockets = new Set<WebSocket>();

  /** Only position items are compacted; the feed's events and reference versions never are. */
  function compactPositions(): CompactResult {
    const res = compactPositionItems(db, {
      now: now(),
      ...(opts.positionsHorizonMs !== undefined ? { horizonMs: opts.positionsHorizonMs } : {}),
    });
    if (res.deletedItems + res.rewrittenItems > 0) wrote();
    return res;
  }
  const compactEvery = opts.positionsCompactEveryMs ?? POSITIONS_COMPACT_EVERY_MS;
  let compactTimer: NodeJS.Timeout | null = null;
  if (compactEvery > 0) {
    const run = (): void => {
      try {
        compactPositions();
      } catch (err) {
        // Busy or closing: the next run compacts instead; the feed is only larger meanwhile.
        console.error('[hub] positions compaction failed:', err);
      }
    };
    run();
    compactTimer = setInterval(run, compactEvery);
    compactTimer.unref();
  }

  function notify(): void {
    wrote();
    if (sockets.size === 0) return;
    const msg = JSON.stringify({ seq: hubSeq(db) });
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(msg);
  }

  function checkVersion(req: IncomingMessage): void {
    const v = req.headers[PROTOCOL_HEADER];
    const given = typeof v === 'string' ? v : null;
    if (given !== String(PROTOCOL_VERSION)) {
      throw new HttpError(426, 'protocol_mismatch', protocolMismatchMessage(given, PROTOCOL_VERSION));
    }
  }

  function authNode(req: IncomingMessage, url: URL): string {
    const token = bearer(req) ?? url.searchParams.get('token');
    if (!token || token.length > 200)
      throw new HttpError(401, 'unauthorized', '缺少节点令牌，请先注册本中心');
    const found = nodeByTokenHash(db, hashToken(token));
    if (!found) throw new HttpError(401, 'unauthorized', '节点令牌无效或已被替换，请重新注册');
    return found;
  }

  /**
   * POST /v1/register (issue 11 item 13). The shared registration token registers a new node
   * name only: a name already registered is refused (409), so whoever holds the shared token
   * cannot take over a hall's name and lock the real hall out. The same request again — same
   * name, same proposed token — gets the same answer (a register whose answer was lost is safe to
   * repeat). A registered node re-registers (rotates its token) with its own current token; a
   * hall that lost it needs the hub admin (`npm run hub -- --forget-node <name>`).
   */
  async function register(req: IncomingMessage): Promise<RegisterResponse> {
    const secret = bearer(req);
    if (!secret || secret.length > 200) throw new HttpError(401, 'unauthorized', '注册令牌不正确');
    const byRegistration = _sameSecret(secret, opts.registrationToken);
    const byNode = byRegistration ? null : nodeByTokenHash(db, hashToken(secret));
    if (!byRegistration && byNode === null) throw new HttpError(401, 'unauthorized', '注册令牌不正确');
    const parsed = RegisterRequest.safeParse(await readJson(req, 4096));
    if (!parsed.success)
      throw new HttpError(
        400,
        'invalid_input',
        'node: 节点名只能是 1–32 位字母、数字、_ 或 -；token（可选）须为 hn_ 加 32–128 位十六进制',
      );
    const { node: name, token: proposed } = parsed.data;
    if (name === node) throw new HttpError(409, 'node_taken', '节点名与上级平台相同');
    if (byNode !== null && byNode !== name)
      throw new HttpError(403, 'forbidden', `节点令牌属于 ${byNode}，不能用来注册 ${name}`);
    const stored = hubNodeTokenHash(db, name);
    if (byRegistration && stored !== null) {
      // The same hall repeating a register whose answer it lost: it proves itself with its token.
      if (proposed && _sameHash(hashToken(proposed), stored))
        return { node: name, token: proposed, hubNode: node };
      throw new HttpError(
        409,
        'node_taken',
        `节点名 ${name} 已在上级平台注册，注册令牌不能顶替它。若这正是本中心（例如重装后丢失了节点令牌），请上级平台管理员执行 npm run hub -- --forget-node ${name} 后重新连接`,
      );
    }
    const token = proposed ?? `hn_${randomBytes(24).toString('hex')}`;
    upsertHubNode(db, name, hashToken(token), now());
    return { node: name, token, hubNode: node };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const path = url.pathname;
    if (path === ROUTES.info && req.method === 'GET') {
      const info: InfoResponse = {
        protocol: PROTOCOL_VERSION,
        minProtocol: PROTOCOL_VERSION,
        hubNode: node,
        seq: hubSeq(db),
      };
      sendJson(res, 200, info);
      return;
    }
    checkVersion(req);
    if (path === ROUTES.register && req.method === 'POST') {
      sendJson(res, 200, await register(req));
      return;
    }
    const who = authNode(req, url);
    if (path === ROUTES.push && req.method === 'POST') {
      const parsed = PushRequest.safeParse(await readJson(req, MAX_BODY_BYTES));
      if (!parsed.success)
        throw new HttpError(400, 'invalid_input', '推送格式错误：需要 knownSeq 与 events（最多 5000 条）');
      const out = pushEvents(db, {
        node: who,
        hubNode: node,
        knownSeq: parsed.data.knownSeq,
        events: parsed.data.events,
        now: now(),
      });
      sendJson(res, 200, out);
      if (out.acked.length > 0) notify();
      else wrote();
      return;
    }
    if (path === ROUTES.pull && req.method === 'GET') {
      const after = Number(url.searchParams.get('after') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? String(MAX_PULL_ITEMS));
      if (!Number.isSafeInteger(after) || after < 0)
        throw new HttpError(400, 'invalid_input', 'after: 需要非负整数');
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_ITEMS)
        throw new HttpError(400, 'invalid_input', `limit: 需要 1–${MAX_PULL_ITEMS}`);
      sendRawJson(res, 200, pullFeedJson(db, who, after, limit));
      return;
    }
    if (path.startsWith(ROUTES.attachments)) {
      const sha = path.slice(ROUTES.attachments.length);
      if (!HEX.test(sha)) throw new HttpError(400, 'bad_sha256', '附件名必须是 sha256');
      await attachments.handle(req, res, sha);
      return;
    }
    throw new HttpError(404, 'not_found', `未知的地址: ${path.slice(0, 100)}`);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        const extra = err.status === 426 ? { hubProtocol: PROTOCOL_VERSION } : undefined;
        sendError(res, err.status, err.code, err.message, extra);
        return;
      }
      console.error('[hub] request failed:', err);
      sendError(
        res,
        500,
        'internal',
        `上级平台内部错误: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  });
  server.keepAliveTimeout = 30_000;

  // ws is loaded on the first upgrade: a hub restart need not pay for tls/https it may not use.
  let wss: Promise<WebSocketServer> | null = null;
  const hintServer = (): Promise<WebSocketServer> =>
    (wss ??= import('ws').then(({ WebSocketServer: Wss }) => new Wss({ noServer: true, maxPayload: 1024 })));
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    try {
      if (url.pathname !== ROUTES.hints) throw new HttpError(404, 'not_found', 'not found');
      const v = url.searchParams.get('protocol') ?? req.headers[PROTOCOL_HEADER];
      if (v !== String(PROTOCOL_VERSION)) throw new HttpError(426, 'protocol_mismatch', 'protocol');
      authNode(req, url);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    void hintServer().then(
      (w) =>
        w.handleUpgrade(req, socket, head, (ws) => {
          sockets.add(ws);
          ws.on('close', () => sockets.delete(ws));
          ws.on('error', () => sockets.delete(ws));
          ws.send(JSON.stringify({ seq: hubSeq(db) }));
        }),
      () => socket.destroy(),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_HUB_PORT, opts.bind ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    node,
    db,
    notify,
    compactPositions,
    async close() {
      if (checkpointTimer) clearTimeout(checkpointTimer);
      if (compactTimer) clearInterval(compactTimer);
      for (const s of sockets) s.terminate();
      if (wss) (await wss).close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
