/**
 * A misbehaving network between hall and hub (node:http): drops requests, drops answers after
 * the hub acted on them, delays (which reorders concurrent requests), duplicates requests, and
 * answers 500 — until heal(). cut() is a partition: every request and every open connection
 * (the hint WebSockets too) is dropped until heal(). Healed, it passes everything through,
 * WebSocket upgrades included (a real network carries the hint channel).
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ChaosStats {
  forwarded: number;
  /** When the hub first answered (2xx/3xx/4xx, passed through) after the last heal() or watch(); null: not yet. */
  firstAnswerAt: number | null;
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
  /** Start watching for the hub's first answer again (stats.firstAnswerAt), e.g. after a hub restart. */
  watch(): void;
  /** Misbehave (again) until heal(). */
  chaos(): void;
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
  initial: 'chaos' | 'healed' = 'chaos',
): Promise<ChaosProxy> {
  const target = new URL(targetUrl);
  let mode: 'chaos' | 'cut' | 'healed' = initial;
  /** Piped WebSocket connections (both ends), cut by a partition. */
  const piped = new Set<Socket>();
  const stats: ChaosStats = {
    forwarded: 0,
    firstAnswerAt: null,
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
          if (mode === 'healed' && stats.firstAnswerAt === null && r.status < 500)
            stats.firstAnswerAt = Date.now();
          res.writeHead(r.status, r.headers).end(r.body);
        } catch {
          res.destroy();
        }
      })();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    // A hall that gives up on the hint channel resets the socket: that is not a test failure.
    socket.on('error', () => socket.destroy());
    if (mode !== 'healed') {
      socket.destroy();
      return;
    }
    // Healed: pipe the upgrade through to the hub, byte for byte.
    const up = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const k = req.rawHeaders[i] as string;
        const v = k.toLowerCase() === 'host' ? target.host : (req.rawHeaders[i + 1] as string);
        lines.push(`${k}: ${v}`);
      }
      up.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    const s2 = socket as Socket;
    piped.add(up);
    piped.add(s2);
    const drop = (): void => {
      piped.delete(up);
      piped.delete(s2);
      up.destroy();
      s2.destroy();
    };
    up.on('error', drop);
    up.on('close', drop);
    s2.on('close', drop);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    heal: () => {
      mode = 'healed';
      stats.firstAnswerAt = null;
    },
    watch: () => {
      stats.firstAnswerAt = null;
    },
    chaos: () => {
      mode = 'chaos';
      for (const sock of piped) sock.destroy();
      piped.clear();
    },
    cut: () => {
      mode = 'cut';
      for (const sock of piped) sock.destroy();
      piped.clear();
      // Keep-alive connections die with the link too.
      server.closeAllConnections();
    },
    async close() {
      for (const sock of piped) sock.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
