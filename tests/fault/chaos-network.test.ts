/**
 * A chaotic network between two halls and the hub (a separate process): requests dropped,
 * answers lost after the hub acted, delays that reorder, duplicates and 500s, while both halls
 * keep working. Once the network heals, all three stores converge: the same events, each once,
 * and equal projections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/runtime/core';
import type { Cleanups } from '../integration/runtime/fixtures';
import { createdPayload } from '../integration/store/fixtures';
import { ADMIN, openHall, REG_TOKEN, waitSynced } from '../integration/sync/sync-fixtures';
import { seededRandom } from '../../shared/kernel/seeded-random';
import { startChaosProxy } from './chaos-proxy';
import { bundleProcs, freePort, kill9, sleep, spawnReady } from './fault-fixtures';
import { hubSeqOf, projectionOf, readStore } from './store-compare';

let files: { hub: string; hall: string };
let root: string;
const cleanups: Cleanups = [];
beforeAll(async () => {
  files = await bundleProcs();
  root = mkdtempSync(join(tmpdir(), 'fault-chaos-'));
});
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function work(core: Core, node: string, untilMs: number): Promise<number> {
  let n = 0;
  while (Date.now() < untilMs) {
    n++;
    try {
      const d = await core.call(
        'orders.create',
        { order: createdPayload({ source: 'grid', title: `${node} ${n}` }) },
        ADMIN,
      );
      await core.call(
        'orders.act',
        {
          orderId: d.order.id,
          expectedVersion: d.order.version,
          action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
        },
        ADMIN,
      );
      // Act on whatever the other hall's orders this one has seen so far.
      const page = await core.call('orders.list', { limit: 5 }, ADMIN);
      const other = page.rows.find((r) => !r.title.startsWith(node));
      if (other) {
        const o = await core.call('orders.get', { orderId: other.id }, ADMIN);
        await core.call(
          'orders.act',
          {
            orderId: other.id,
            expectedVersion: o.order.version,
            action: { type: 'urged', payload: { level: 'remind', note: `${node} 催办` } },
          },
          ADMIN,
        );
      }
    } catch {
      // Refused local actions (e.g. a stale version after a pull) are part of life.
    }
    await sleep(15);
  }
  return n;
}

describe('chaos between halls and hub', () => {
  it('converges after the network heals', async () => {
    const port = await freePort();
    const hubDir = join(root, 'hub');
    const hub = await spawnReady(files.hub, [hubDir, String(port), REG_TOKEN]);
    cleanups.push(() => kill9(hub));
    // Seeded: the faults of the first requests are the same every run (seed 24: five among the
    // first six, eight among the first twelve). With Math.random a quiet run drew 4 in 21.
    const proxy = await startChaosProxy(`http://127.0.0.1:${port}`, seededRandom(24));
    cleanups.push(() => proxy.close());
    const timing = {
      pollMs: 50,
      backoff: { baseMs: 20, maxMs: 200 },
      requestTimeoutMs: 2_000,
      pushBatch: 20,
      pullBatch: 20,
    };
    const a = await openHall(cleanups, proxy.url, 'hallA', { timing });
    const b = await openHall(cleanups, proxy.url, 'hallB', { timing });
    const until = Date.now() + 6_000;
    const [na, nb] = await Promise.all([work(a.core, 'hallA', until), work(b.core, 'hallB', until)]);
    const midA = await a.core.call('sync.status', {}, ADMIN);
    proxy.heal();
    await waitSynced(a.core, () => hubSeqOf(hubDir), 30_000);
    await waitSynced(b.core, () => hubSeqOf(hubDir), 30_000);
    await waitSynced(a.core, () => hubSeqOf(hubDir), 30_000);
    const [sa, sb, sh] = [readStore(a.dir), readStore(b.dir), readStore(hubDir)];
    console.info(
      `[chaos] rounds A ${na} B ${nb}; proxy ${JSON.stringify(proxy.stats)}; ${sh.events.length} events; A mid-chaos ${midA.state}`,
    );
    // Chaos did happen. How many requests there are depends on timing (21–60 seen); the faults of
    // the first twelve are fixed by the seed above.
    const faults =
      proxy.stats.dropped + proxy.stats.lostAnswers + proxy.stats.errors500 + proxy.stats.duplicated;
    expect(faults).toBeGreaterThanOrEqual(5);
    expect(faults / (faults + proxy.stats.forwarded)).toBeGreaterThan(0.1);
    expect(sh.events.length).toBeGreaterThan(20);
    expect(sh.feedDuplicates).toBe(0);
    expect(sh.feedEvents).toBe(sh.events.length);
    expect(sa.events).toEqual(sh.events);
    expect(sb.events).toEqual(sh.events);
    expect(projectionOf(sa)).toBe(projectionOf(sh));
    expect(projectionOf(sb)).toBe(projectionOf(sh));
  }, 90_000);
});
