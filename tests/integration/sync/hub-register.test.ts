/**
 * Issue 11 item 13: the shared registration token used to re-register an existing node name and
 * replace that hall's token (anyone holding it could take a hall's name and lock the real hall
 * out). Now it registers new names only; a registered node re-registers with its own current
 * token, a lost answer may be repeated, and a hall that lost its token needs the hub admin
 * (`npm run hub -- --forget-node <name>`).
 */
import { spawnSync } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetHubNode, hubSeq } from '../../../electron/core/features/sync/queries-hub';
import { PROTOCOL_HEADER } from '../../../shared/features/sync/protocol';
import type { Cleanups } from '../runtime/fixtures';
import { createdPayload } from '../store/fixtures';
import { ADMIN, openHall, REG_TOKEN, snapshot, startTestHub, waitFor, waitSynced } from './sync-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

async function register(
  url: string,
  bearer: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: { token?: string; error?: { code: string; message: string } } }> {
  const res = await fetch(`${url}/v1/register`, {
    method: 'POST',
    headers: {
      [PROTOCOL_HEADER]: '1',
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}

async function pullStatus(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/v1/pull?after=0&limit=1`, {
    headers: { [PROTOCOL_HEADER]: '1', authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

describe('hub registration', () => {
  it('the shared registration token cannot take over a registered node name; the real hall keeps working', async () => {
    const hub = await startTestHub(cleanups);
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db));
    const hashBefore = hub.db.prepare("SELECT token_hash FROM hub_node WHERE node = 'hallA'").pluck().get();
    // Whoever holds the shared token tries to register the name "hallA" (with or without a token of their choosing).
    const takeover = await register(hub.url, REG_TOKEN, { node: 'hallA' });
    expect(takeover.status).toBe(409);
    expect(takeover.body.error?.code).toBe('node_taken');
    expect(takeover.body.error?.message).toMatch(/节点名 hallA 已在上级平台注册，注册令牌不能顶替它/);
    expect(takeover.body.error?.message).toMatch(/--forget-node hallA/);
    const chosen = await register(hub.url, REG_TOKEN, { node: 'hallA', token: `hn_${'ab'.repeat(24)}` });
    expect(chosen.status).toBe(409);
    expect(hub.db.prepare("SELECT token_hash FROM hub_node WHERE node = 'hallA'").pluck().get()).toBe(
      hashBefore,
    );
    // The real hall is unaffected.
    await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    const s = await waitSynced(a.core, () => hubSeq(hub.db));
    expect(s.outboxPending).toBe(0);
    expect(s.lastError).toBeNull();
    expect(snapshot(hub.dir).events).toEqual(snapshot(a.dir).events);
    // A new name still registers with the shared token.
    const fresh = await register(hub.url, REG_TOKEN, { node: 'hallNew' });
    expect(fresh.status).toBe(200);
    expect(await pullStatus(hub.url, fresh.body.token as string)).toBe(200);
  });

  it('repeats a register whose answer was lost (same proposed token), and rotates with the node own token', async () => {
    const hub = await startTestHub(cleanups);
    const mine = `hn_${'1f'.repeat(24)}`;
    const first = await register(hub.url, REG_TOKEN, { node: 'hallR', token: mine });
    expect(first).toMatchObject({ status: 200, body: { token: mine } });
    const again = await register(hub.url, REG_TOKEN, { node: 'hallR', token: mine });
    expect(again).toMatchObject({ status: 200, body: { token: mine } });
    // Re-registration (rotation) with the node's own current token.
    const rotated = await register(hub.url, mine, { node: 'hallR' });
    expect(rotated.status).toBe(200);
    const next = rotated.body.token as string;
    expect(next).toMatch(/^hn_[0-9a-f]{48}$/);
    expect(await pullStatus(hub.url, next)).toBe(200);
    expect(await pullStatus(hub.url, mine)).toBe(401);
    // A node's token cannot register another name.
    const other = await register(hub.url, next, { node: 'hallOther' });
    expect(other.status).toBe(403);
    // A bad token is refused.
    expect((await register(hub.url, 'not-the-secret', { node: 'hallZ' })).status).toBe(401);
  });

  it('a hall whose token the hub revoked is told how to get its name back; after the admin forgets it, it re-registers by itself', async () => {
    const hub = await startTestHub(cleanups);
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db));
    hub.db.prepare("UPDATE hub_node SET token_hash = 'revoked' WHERE node = 'hallA'").run();
    await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    const stuck = await waitFor('refusal', async () => {
      await a.core.call('sync.retryNow', {}, ADMIN);
      const s = await a.core.call('sync.status', {}, ADMIN);
      return s.lastError && /已在上级平台注册/.test(s.lastError) ? s : null;
    });
    expect(stuck.outboxPending).toBe(1);
    expect(stuck.lastError).toMatch(/--forget-node hallA/);
    // The hub admin frees the name (npm run hub -- --forget-node hallA does the same).
    expect(forgetHubNode(hub.db, 'hallA')).toBe(true);
    const s = await waitSynced(a.core, () => hubSeq(hub.db));
    expect(s.outboxPending).toBe(0);
    expect(snapshot(hub.dir).events).toEqual(snapshot(a.dir).events);
  });

  it('a hall whose register answer is lost on the way registers on the next try (the name is not lost to it)', async () => {
    const hub = await startTestHub(cleanups);
    // A proxy that lets the hub act on the first register, then cuts its answer.
    let cut = 1;
    const target = new URL(hub.url);
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const up = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (r) => {
            const body: Buffer[] = [];
            r.on('data', (c: Buffer) => body.push(c));
            r.on('end', () => {
              if (req.url?.startsWith('/v1/register') && cut > 0) {
                cut--;
                res.destroy();
                return;
              }
              res.writeHead(r.statusCode ?? 502, r.headers).end(Buffer.concat(body));
            });
          },
        );
        up.on('error', () => res.destroy());
        up.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          proxy.closeAllConnections();
          proxy.close(() => r());
        }),
    );
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const a = await openHall(cleanups, url, 'hallL', {
      timing: { pollMs: 200, backoff: { baseMs: 20, maxMs: 200 }, requestTimeoutMs: 5_000, hints: false },
    });
    // The first sync registers (its answer cut), registers again, and takes the street's reference data.
    await waitSynced(a.core, () => hubSeq(hub.db));
    await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    const s = await waitSynced(a.core, () => hubSeq(hub.db));
    expect(cut).toBe(0);
    expect(s.outboxPending).toBe(0);
    expect(hub.db.prepare("SELECT count(*) FROM hub_node WHERE node = 'hallL'").pluck().get()).toBe(1);
  });

  it('npm run hub -- --forget-node frees a name (the admin action), beside a running hub', async () => {
    const hub = await startTestHub(cleanups);
    expect((await register(hub.url, REG_TOKEN, { node: 'hallF' })).status).toBe(200);
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/core/adapters/hub/hub-cli.ts',
        '--data-dir',
        hub.dir,
        '--forget-node',
        'hallF',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.stdout).toMatch(/已注销节点 hallF/);
    expect(cli.status).toBe(0);
    expect((await register(hub.url, REG_TOKEN, { node: 'hallF' })).status).toBe(200);
    const none = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/core/adapters/hub/hub-cli.ts',
        '--data-dir',
        hub.dir,
        '--forget-node',
        'nobody',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(none.stdout).toMatch(/没有名为 nobody 的节点/);
    expect(none.status).toBe(1);
  }, 60_000);
});
