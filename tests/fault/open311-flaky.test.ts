/**
 * The Open311 connector against a flaky server (issue 12): 953 requests over a week behind a
 * server that answers 20 % of its GETs with 503, cuts 10 % of its bodies off half-way and waits
 * 300 ms before every answer. It used to deliver 247 and lose 706 for good (windows skipped after
 * 5 failures). Now every request must arrive, each exactly once, and the cursor reach now.
 * The connector's pauses between cycles are skipped by moving its clock (the HTTP is real).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readOpen311State } from '../../electron/core/features/open311/queries';
import { createOpen311Connector } from '../../electron/core/adapters/open311/connector';
import { openDb } from '../../electron/core/store/db';
import { writeOpen311Settings } from '../../electron/core/features/open311/queries';
import { Open311SettingsSchema } from '../../shared/features/open311/contract';
import { tempDir } from '../integration/store/fixtures';
import { startLoopbackOpen311, type LoopRequest } from '../integration/open311/loopback-server';
import { seededRandom } from '../../shared/kernel/seeded-random';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const T = Date.UTC(2026, 10, 20, 8, 0, 0);
const H = 3_600_000;
const N = 953;

describe('Open311 against a flaky server', () => {
  it('delivers every one of 953 requests, none twice (20 % 503, 10 % cut-off bodies, 300 ms delay)', async () => {
    const requests: LoopRequest[] = Array.from({ length: N }, (_, i) => ({
      service_request_id: 20_000 + i,
      status: 'open',
      service_name: '道路破损',
      service_code: '001',
      description: `第 ${i} 件：路面坑洞`,
      address: '双井街道',
      requested: T - 7 * 24 * H + Math.floor((i * 7 * 24 * H) / N),
      updated: T - 7 * 24 * H + Math.floor((i * 7 * 24 * H) / N),
      lat: 39.8937,
      long: 116.4612,
    }));
    // A fixed seed by default: a random one made the run itself flaky (35 GETs at 10 % can draw no
    // cut-off at all, 2.5 % of runs). FLAKY_SEED=n tries others.
    const seed = Number(process.env.FLAKY_SEED ?? 20_261_206);
    const server = await startLoopbackOpen311({
      requests,
      quirks: { pageLimit: 50, flaky: { p503: 0.2, pTruncate: 0.1, delayMs: 300, rnd: seededRandom(seed) } },
    });
    cleanups.push(() => server.close());
    const t = tempDir('hall-o311-flaky-');
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    cleanups.push(() => {
      db.close();
    });
    writeOpen311Settings(
      db,
      Open311SettingsSchema.parse({
        endpoint: server.url,
        enabled: true,
        since: T - 7 * 24 * H - H,
        windowDays: 1,
        pageSize: 100,
        intervalSec: 10,
        serviceMap: [{ serviceCode: '001', categoryCode: '01.01.001' }],
      }),
    );
    const clock = { now: T };
    const connector = createOpen311Connector({
      db,
      node: 'hall',
      now: () => clock.now,
      publish: () => undefined,
      loop: false,
      // The production pauses between the tries of one request: 0.5 s, 2 s.
    });
    cleanups.push(() => connector.stop());
    const t0 = performance.now();
    let cycles = 0;
    let failed = 0;
    for (; cycles < 60;) {
      await connector.runOnce();
      cycles++;
      const st = readOpen311State(db);
      if (st.failures > 0) failed++;
      if (st.failures === 0 && st.windowStart !== null && st.windowStart >= clock.now) break;
      // Skip the pause the connector asked for (after a failure: 15 s, 30 s, …).
      clock.now = Math.max(clock.now + 1, st.nextPullAt ?? clock.now);
    }
    const ms = performance.now() - t0;
    const created = db
      .prepare(
        "SELECT count(*) AS events, count(DISTINCT order_id) AS orders FROM order_event WHERE type = 'created'",
      )
      .get() as { events: number; orders: number };
    const orders = db.prepare("SELECT count(*) FROM work_order WHERE id LIKE 'O311-%'").pluck().get();
    const gets = server.hits.filter((h) => h.startsWith('GET') && h.includes('/requests.')).length;
    console.info(
      `[open311-flaky] seed ${seed}: ${orders}/${N} orders in ${cycles} cycles (${failed} failed) and ${(ms / 1000).toFixed(1)} s; ` +
        `${gets} GETs of requests, ${server.flakyStats.served503} × 503, ${server.flakyStats.truncated} cut off`,
    );
    expect(server.flakyStats.served503).toBeGreaterThan(0);
    expect(server.flakyStats.truncated).toBeGreaterThan(0);
    expect(orders).toBe(N);
    expect(created).toEqual({ events: N, orders: N });
    const st = readOpen311State(db);
    expect(st).toMatchObject({ failures: 0, waiting: null, lastError: null, createdTotal: N });
    expect(st.windowStart).toBe(clock.now);
    expect(db.prepare("SELECT count(*) FROM quarantine WHERE source = 'open311'").pluck().get()).toBe(0);
  }, 120_000);
});
