/**
 * kill -9 during sync, for real: a hub and two halls run as separate processes over loopback
 * HTTP, the halls keep writing, and each process is SIGKILLed at random moments and restarted —
 * at least 200 kills in all. Afterwards every event exists exactly once in every store, the
 * outboxes are empty and the three projections are equal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleProcs, freePort, kill9, sleep, spawnStandby, type Proc, type Standby } from './fault-fixtures';
import { projectionOf, readStore } from './store-compare';

const TOKEN = 'fault-registration-token-0123456789';
// FAULT_KILLS lowers the count for a quick local run; the suite's default is the 200.
const MIN_KILLS = Number(process.env.FAULT_KILLS ?? 200);
const BUDGET_MS = 170_000;

let files: { hub: string; hall: string };
let root: string;
beforeAll(async () => {
  files = await bundleProcs();
  root = mkdtempSync(join(tmpdir(), 'fault-kill-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('kill -9 the hall and the hub during sync', () => {
  it(`survives ≥ ${MIN_KILLS} kills: every event exactly once on all sides, equal projections`, async () => {
    const port = await freePort();
    const hubUrl = `http://127.0.0.1:${port}`;
    const dirs = { hub: join(root, 'hub'), hallA: join(root, 'hallA'), hallB: join(root, 'hallB') };
    const args = {
      hub: [dirs.hub, String(port), TOKEN],
      hallA: [dirs.hallA, 'hallA', hubUrl, TOKEN],
      hallB: [dirs.hallB, 'hallB', hubUrl, TOKEN],
    };
    type Name = keyof typeof args;
    const fileOf = (n: Name): string => (n === 'hub' ? files.hub : files.hall);
    // Each process has a loaded standby instance waiting, so a restart after kill -9 is quick.
    const standby: Record<Name, Standby> = {
      hub: spawnStandby(files.hub, args.hub),
      hallA: spawnStandby(files.hall, args.hallA),
      hallB: spawnStandby(files.hall, args.hallB),
    };
    const start = async (n: Name): Promise<Proc> => {
      const next = standby[n];
      standby[n] = spawnStandby(fileOf(n), args[n]);
      return next.go();
    };
    const procs: Record<Name, Proc> = {
      hub: await start('hub'),
      hallA: await start('hallA'),
      hallB: await start('hallB'),
    };
    const kills: Record<Name, number> = { hub: 0, hallA: 0, hallB: 0 };
    const t0 = Date.now();
    let total = 0;
    // One killer per process, so kills land at independent random moments of each one's sync.
    const killer = async (name: Name): Promise<void> => {
      while (total < MIN_KILLS && Date.now() - t0 < BUDGET_MS) {
        await sleep(30 + Math.random() * 220);
        await kill9(procs[name]);
        kills[name]++;
        total++;
        procs[name] = await start(name);
      }
    };
    await Promise.all([killer('hub'), killer('hallA'), killer('hallB')]);
    const killMs = Date.now() - t0;
    for (const s of Object.values(standby)) s.kill();
    // Stop writing, let the survivors drain and converge.
    writeFileSync(join(dirs.hallA, 'stop-writing'), '');
    writeFileSync(join(dirs.hallB, 'stop-writing'), '');
    let a = readStore(dirs.hallA);
    let b = readStore(dirs.hallB);
    let h = readStore(dirs.hub);
    const settle = Date.now();
    for (;;) {
      await sleep(300);
      a = readStore(dirs.hallA);
      b = readStore(dirs.hallB);
      h = readStore(dirs.hub);
      const done =
        a.outbox === 0 &&
        b.outbox === 0 &&
        a.events.length === h.events.length &&
        b.events.length === h.events.length;
      if (done || Date.now() - settle > 30_000) break;
    }
    for (const p of Object.values(procs)) await kill9(p);
    console.info(
      `[fault] ${total} kills (hub ${kills.hub}, hallA ${kills.hallA}, hallB ${kills.hallB}) in ${killMs} ms; ` +
        `${h.events.length} events, ${h.orders.length} orders; converged in ${Date.now() - settle} ms`,
    );
    expect(h.events.length).toBeGreaterThan(20);
    expect(a.outbox).toBe(0);
    expect(b.outbox).toBe(0);
    expect(h.feedDuplicates).toBe(0);
    expect(h.feedEvents).toBe(h.events.length);
    expect(new Set(h.events).size).toBe(h.events.length);
    expect(a.events).toEqual(h.events);
    expect(b.events).toEqual(h.events);
    expect(projectionOf(a)).toBe(projectionOf(h));
    expect(projectionOf(b)).toBe(projectionOf(h));
    expect(total).toBeGreaterThanOrEqual(MIN_KILLS);
  }, 300_000);
});
