/**
 * The hub's hint WebSocket as the hall keeps it: opened after a cycle that got through; when it
 * closes (or cannot connect) it is reopened after a backoff (at most 10 s apart, like the
 * probes), so it also finds the hub again by itself. The hub sends its seq on every connect and
 * whenever its feed grows; each message starts a cycle (`onHint`). An open socket that drops
 * (the hub restarts, the link goes) starts one too, at most every 2 s. Only ever a hint.
 */
import type WebSocket from 'ws';
import { backoffDelay, type BackoffPolicy } from '../../../../shared/features/sync/backoff';

export interface HintSocketOptions {
  readonly timeoutMs: number;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  readonly onHint: () => void;
}

export interface HintSocket {
  /** Keep a socket open to `url` (a cycle just got through: reconnect now if it is down). */
  listen(url: string): void;
  close(): void;
}

export function createHintSocket(opts: HintSocketOptions): HintSocket {
  let socket: WebSocket | null = null;
  /** The address while a socket should be open. */
  let url: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let opening = false;
  let failures = 0;
  let lastDrop = 0;
  let closed = false;

  const retry = (forUrl: string): void => {
    if (closed || url !== forUrl || timer) return;
    failures++;
    timer = setTimeout(open, backoffDelay(failures, opts.backoff, opts.random()));
    timer.unref?.();
  };

  function open(): void {
    timer = null;
    const target = url;
    if (target === null || closed) return;
    socket?.terminate();
    socket = null;
    opening = true;
    // Loaded on first use: ws pulls in tls/https, a quarter second of start-up nobody offline needs.
    void import('ws').then(
      ({ default: WebSocketCtor }) => {
        opening = false;
        if (closed || url !== target) return;
        const ws = new WebSocketCtor(target, { handshakeTimeout: opts.timeoutMs });
        socket = ws;
        let opened = false;
        ws.on('open', () => {
          opened = true;
          failures = 0;
        });
        ws.on('message', () => opts.onHint());
        ws.on('error', () => undefined);
        ws.on('close', () => {
          if (socket !== ws) return;
          socket = null;
          const t = Date.now();
          if (opened && !closed && t - lastDrop > 2_000) {
            lastDrop = t;
            opts.onHint();
          }
          retry(target);
        });
      },
      () => {
        opening = false;
        retry(target);
      },
    );
  }

  return {
    listen(next: string): void {
      closed = false;
      if (url === next && (socket !== null || opening)) return;
      // A cycle just got through: the hub is reachable, so do not wait out the socket's backoff.
      if (timer) clearTimeout(timer);
      timer = null;
      url = next;
      failures = 0;
      open();
    },
    close(): void {
      url = null;
      if (timer) clearTimeout(timer);
      timer = null;
      socket?.terminate();
      socket = null;
    },
  };
}
