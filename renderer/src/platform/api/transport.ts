/**
 * The one place that picks how the renderer reaches the core: the Electron preload bridge
 * (`window.hall`) when present, otherwise HTTP + WebSocket at the page's own origin.
 * Everything above this file sees only `Transport`.
 */
import type { ApiErrorData } from '../../../../shared/kernel/api-error';
import {
  API_PREFIX,
  CHANGES_HEADER,
  EVENTS_PATH,
  PUSH_JOINED,
  type CallResult,
  type HallBridge,
} from '../../../../shared/kernel/bridge';
import type { ChangeHint } from '../../../../shared/kernel/proc';
import { nextBackoffMs } from './backoff';
import { MissedHints } from './missed-hints';
import { wallMasked } from './wall-flag';

declare global {
  interface Window {
    hall?: HallBridge;
  }
}

/** online: pushes arrive · connecting: first attempt · reconnecting: lost, retrying · offline: retries keep failing. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(proc: string, input: unknown): Promise<CallResult>;
  onChange(listener: (hint: ChangeHint) => void): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Fires when hints may have been missed (the push channel came back, or one went by before it joined): caches must refresh. */
  onResync(listener: () => void): () => void;
  /** After a login: retry the push channel now instead of at the next backoff step. */
  reconnectNow(): void;
}

class Listeners<T> {
  private readonly set = new Set<(v: T) => void>();
  add(fn: (v: T) => void): () => void {
    this.set.add(fn);
    return () => this.set.delete(fn);
  }
  emit(v: T): void {
    for (const fn of [...this.set]) fn(v);
  }
}

/** The preload's bridge also takes per-call flags (electron/preload.ts). */
interface WallAwareBridge extends HallBridge {
  call(proc: string, input: unknown, flags?: { readonly masked?: boolean }): Promise<CallResult>;
}

/**
 * A call that did not reach the core, or got no answer of ours back (the network, a proxy, a
 * closed IPC channel): reason 'unavailable', with what failed as the detail.
 */
export function unreachable(detail: string): CallResult {
  const error: ApiErrorData = {
    code: 'unavailable',
    reason: 'unavailable',
    message: detail,
    params: { why: detail },
  };
  return { ok: false, error };
}

function errorDetail(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function ipcTransport(bridge: WallAwareBridge): Transport {
  // IPC to our own main process cannot drop like a socket: it is online for the page's life.
  return {
    kind: 'ipc',
    // On a wall the core masks personal data whatever the role (大屏模式).
    call: (proc, input) =>
      bridge
        .call(proc, input, { masked: wallMasked() })
        .catch((err: unknown) => unreachable(errorDetail(err))),
    onChange: (fn) => bridge.onChange(fn),
    connection: () => 'online',
    onConnection: () => () => undefined,
    onResync: () => () => undefined,
    reconnectNow: () => undefined,
  };
}

/** A LAN wall display opens the page with `?token=…`; keep it for the session's API calls. */
function readToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('hall.token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('hall.token');
}

function joinedMessage(v: unknown): v is { topic: typeof PUSH_JOINED; changes: number } {
  const m = v as { topic?: unknown; changes?: unknown } | null;
  return typeof m === 'object' && m !== null && m.topic === PUSH_JOINED && typeof m.changes === 'number';
}

function isCallResult(v: unknown): v is CallResult {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}

function httpTransport(): Transport {
  const token = readToken();
  const hints = new Listeners<ChangeHint>();
  const states = new Listeners<ConnectionState>();
  const resyncs = new Listeners<void>();
  let state: ConnectionState = 'connecting';
  let failures = 0;
  const missed = new MissedHints(() => resyncs.emit());

  const setState = (s: ConnectionState) => {
    if (s === state) return;
    state = s;
    states.emit(s);
  };

  let retryTimer: number | null = null;
  let current: WebSocket | null = null;
  const connect = () => {
    const url = new URL(EVENTS_PATH, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (token) url.searchParams.set('token', token);
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
      current = ws;
    } catch {
      scheduleRetry();
      return;
    }
    ws.onopen = () => {
      failures = 0;
      setState('online');
      // Back after a loss, hints went by while it was gone; the first opening asks the host
      // whether one did (missed-hints.ts).
      missed.opened();
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      try {
        const msg: unknown = JSON.parse(ev.data);
        // The host may batch hints into an array; accept both shapes.
        for (const h of Array.isArray(msg) ? msg : [msg]) {
          if (joinedMessage(h)) {
            missed.joined(h.changes);
            continue;
          }
          if (typeof h === 'object' && h !== null && typeof (h as ChangeHint).topic === 'string') {
            hints.emit(h as ChangeHint);
          }
        }
      } catch {
        // A malformed push is only a hint; ignore it rather than break the page.
      }
    };
    ws.onclose = () => {
      ws.onclose = null;
      missed.left();
      scheduleRetry();
    };
  };

  const scheduleRetry = () => {
    failures += 1;
    // After a few failed attempts say 离线 honestly, but keep trying in the background.
    setState(failures > 3 ? 'offline' : 'reconnecting');
    retryTimer = window.setTimeout(
      () => {
        retryTimer = null;
        connect();
      },
      nextBackoffMs(failures, Math.random()),
    );
  };

  // The push channel opens when the shell first watches the connection state, not at the first
  // call: the login screen calls auth.* before there is a session, and the socket would only be
  // refused (and back off for up to 15 s). reconnectNow() covers a socket started before login.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    connect();
  };

  return {
    kind: 'http',
    async call(proc, input) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      // On a wall the core masks personal data whatever the role (大屏模式).
      if (wallMasked()) headers['x-hall-wall'] = '1';
      let res: Response;
      try {
        res = await fetch(`${API_PREFIX}/${encodeURIComponent(proc)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch (err) {
        return unreachable(errorDetail(err));
      }
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        body = null;
      }
      const changes = Number(res.headers.get(CHANGES_HEADER) ?? NaN);
      missed.answer(Number.isFinite(changes) ? changes : null);
      if (isCallResult(body)) return body;
      // Not our protocol: a proxy's or a stopped host's page.
      return unreachable(`HTTP ${res.status}`);
    },
    onChange: (fn) => hints.add(fn),
    connection: () => state,
    onConnection: (fn) => {
      start();
      return states.add(fn);
    },
    onResync: (fn) => resyncs.add(() => fn()),
    reconnectNow() {
      if (!started || state === 'online') return;
      if (current && current.readyState === WebSocket.CONNECTING) return;
      if (retryTimer !== null) window.clearTimeout(retryTimer);
      retryTimer = null;
      failures = 0;
      connect();
    },
  };
}

let chosen: Transport | null = null;

/** The transport, chosen once per page. */
export function transport(): Transport {
  if (!chosen) chosen = window.hall ? ipcTransport(window.hall) : httpTransport();
  return chosen;
}
