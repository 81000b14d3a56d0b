/**
 * The WebSocket at /api/events: pushes the core's change hints (debounced, merged) to every
 * authorised client. Clients only listen; a client that cannot keep up is dropped.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENTS_PATH, PUSH_JOINED, type Role } from '../../../../shared/contract/index';
import type { Core } from '../../runtime/core';
import { identify, sameOriginRequest, type Caller, type TokenTable } from './auth';
import { createHintBatcher } from './hint-batcher';

/** A client that cannot keep up with hints is dropped rather than buffered without bound. */
const MAX_WS_BUFFER = 4 * 1024 * 1024;
const WS_PING_MS = 30_000;

export interface EventSocketOptions {
  readonly core: Core;
  readonly tokens: TokenTable;
  readonly loopbackRole: Role | null;
  /** Host names this host answers to (auth.ts allowedHostNames). */
  readonly allowedHosts: ReadonlySet<string>;
  readonly hintBatchMs: number;
  /** Hints the host has received so far (http-host.ts): told to each socket as it joins. */
  readonly changes: () => number;
}

/** The caller's role: a live session's account's, else what the token or loopback grants. */
async function _roleOf(core: Core, caller: Caller): Promise<Role | null> {
  if (!caller.ok) return null;
  const user = caller.session ? await core.resolveSession(caller.session) : null;
  return user ? user.role : caller.role;
}

export function attachEventSocket(server: Server, opts: EventSocketOptions): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  const clients = new Set<WebSocket>();
  const alive = new WeakMap<WebSocket, boolean>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const reject = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      reject(400, 'Bad Request');
      return;
    }
    if (url.pathname !== EVENTS_PATH) {
      reject(404, 'Not Found');
      return;
    }
    // Host and Origin first: a foreign Host is refused before anything else is looked at.
    if (!sameOriginRequest(req, opts.allowedHosts)) {
      reject(403, 'Forbidden');
      return;
    }
    const caller = identify(req, url, opts.tokens, opts.loopbackRole);
    void _roleOf(opts.core, caller)
      .catch(() => null)
      .then((role) => {
        // Hints are only for callers with a role: not logged in means no push channel.
        if (!caller.ok || role === null) {
          reject(401, 'Unauthorized');
          return;
        }
        accept(req, socket, head);
      });
  });
  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      // From here on every hint reaches this socket; the page compares its answers' counts.
      ws.send(JSON.stringify({ topic: PUSH_JOINED, changes: opts.changes() }));
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      // Clients only listen; anything they send is ignored.
      ws.on('message', () => undefined);
      ws.on('error', () => ws.terminate());
      ws.on('close', () => clients.delete(ws));
    });
  };
  const ping = setInterval(() => {
    for (const ws of clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, WS_PING_MS);
  ping.unref();

  const batcher = createHintBatcher((hints) => {
    const messages = hints.map((h) => JSON.stringify(h));
    for (const ws of clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_WS_BUFFER) {
        ws.terminate();
        continue;
      }
      for (const m of messages) ws.send(m);
    }
  }, opts.hintBatchMs);
  const unsubscribe = opts.core.onChange((hint) => batcher.push(hint));

  return {
    close() {
      unsubscribe();
      batcher.close();
      clearInterval(ping);
      for (const ws of clients) ws.terminate();
      wss.close();
    },
  };
}
