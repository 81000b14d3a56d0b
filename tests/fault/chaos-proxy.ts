/**
 * A misbehaving network between hall and hub (node:http): drops requests, drops answers after
 * the hub acted on them, delays (which reorders concurrent requests), duplicates requests, and
 * answers 500 — until heal(). The hint WebSocket is refused while it is chaotic.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChaosStats {
  forwarded: number;
  dropped: number;
  lostAnswers: number;
  duplicated: number;
  errors500: number;
  delayed: number;
}

export interface ChaosProxy {
  readonly url: string;
  readonly stats: ChaosStats;
  heal(): void;
  /** Refuse everything (a cut cable) until heal(). */
  cut(): void;
  close(): Promise<void>;
}

function forward(
  target: URL,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
    const r = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h[k] = v;
          resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

export async function startChaosProxy(
  targetUrl: string,
  rnd: () => number = Math.random,
): Promise<ChaosProxy> {
  const target = new URL(targetUrl);
  let mode: 'chaos' | 'cut' | 'healed' = 'chaos';
  const stats: ChaosStats = {
    forwarded: 0,
    dropped: 0,
    lostAnswers: 0,
    duplicated: 0,
    errors500: 0,
    delayed: 0,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        try {
          if (mode === 'cut') {
            res.destroy();
            return;
          }
          if (mode === 'chaos') {
            const p = rnd();
            if (p < 0.1) {
              stats.dropped++;
              res.destroy();
              return;
            }
            if (p < 0.2) {
              stats.errors500++;
              res.writeHead(500, { 'content-type': 'text/plain' }).end('proxy says no');
              return;
            }
            if (rnd() < 0.5) {
              stats.delayed++;
              await new Promise((r) => setTimeout(r, rnd() * 300));
            }
            if (p < 0.3) {
              // The hub acts, the answer never arrives: the hall must retry and the hub not apply twice.
              stats.lostAnswers++;
              await forward(target, req, body);
              res.destroy();
              return;
            }
            if (p < 0.4) {
              stats.duplicated++;
              void forward(target, req, body).catch(() => undefined);
            }
            if (p < 0.45) {
              stats.errors500++;
              await forward(target, req, body);
              res
                .writeHead(500, { 'content-type': 'application/json' })
                .end('{"error":{"code":"internal","message":"chaos"}}');
              return;
            }
          }
          const r = await forward(target, req, body);
          stats.forwarded++;
          res.writeHead(r.status, r.headers).end(r.body);
        } catch {
          res.destroy();
        }
      })();
    });
  });
  server.on('upgrade', (req, socket) => {
    // A hall that gives up on the hint channel resets the socket: that is not a test failure.
    socket.on('error', () => socket.destroy());
    if (mode !== 'healed') {
      socket.destroy();
      return;
    }
    // Healed: the hint channel is not proxied; the halls poll.
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    heal: () => {
      mode = 'healed';
    },
    cut: () => {
      mode = 'cut';
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
