/**
 * The live demo trickle: deterministic for a seed and a clock (planner), and on a real demo
 * store it writes new orders and their lifecycle through the ingest path with change hints.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { LivePlanner, liveOrderId } from '../../../electron/core/features/demo/generator/live';
import { generateReference } from '../../../electron/core/features/demo/generator/reference';
import { dbPath } from '../../../electron/core/store/db';
import type { ChangeHint } from '../../../shared/contract/index';
import { T0, tempDir } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ref = generateReference(1);
const MIN = 60_000;

function run(seed: number, minutes: number) {
  const p = new LivePlanner(ref, { seed, node: 'hall', meanIntervalMs: 40_000 }, T0);
  const out = [];
  for (let t = T0; t <= T0 + minutes * MIN; t += 1_000) out.push(...p.due(t));
  return out;
}

describe('LivePlanner', () => {
  it('is deterministic for a seed and a clock, and differs for another seed', () => {
    const a = run(7, 30);
    const b = run(7, 30);
    expect(a).toEqual(b);
    expect(run(8, 30).map((s) => s.payload)).not.toEqual(a.map((s) => s.payload));
  });

  it('brings a new order every ~20–60 s with lifecycle steps, and spaces P0/P1 alarms', () => {
    const steps = run(3, 60);
    const created = steps.filter((s) => s.type === 'created');
    // 60 min at a 40 s mean: about 90 orders.
    expect(created.length).toBeGreaterThan(60);
    expect(created.length).toBeLessThan(130);
    expect(steps.some((s) => s.type === 'dispatched')).toBe(true);
    expect(steps.some((s) => s.type === 'signed')).toBe(true);
    const urgentAt = created
      .filter((s) => {
        const u = (s.payload as { urgency: string }).urgency;
        return u === 'P0' || u === 'P1';
      })
      .map((s) => s.due);
    for (let i = 1; i < urgentAt.length; i++)
      expect((urgentAt[i] as number) - (urgentAt[i - 1] as number)).toBeGreaterThanOrEqual(10 * MIN);
    // Due times never go backwards.
    for (let i = 1; i < steps.length; i++)
      expect((steps[i] as { due: number }).due).toBeGreaterThanOrEqual((steps[i - 1] as { due: number }).due);
    expect(new Set(created.map((s) => s.orderId)).size).toBe(created.length);
  });

  it('gives two arrivals within one second different orders (a fast demo)', () => {
    const p = new LivePlanner(ref, { seed: 5, node: 'hall', meanIntervalMs: 300 }, T0);
    const created = p.due(T0 + 10_000).filter((s) => s.type === 'created');
    expect(created.length).toBeGreaterThan(20);
    expect(new Set(created.map((s) => s.orderId)).size).toBe(created.length);
  });

  it('names live orders apart from the seeded ones', () => {
    expect(liveOrderId(T0)).toBe('WO20260310L36000');
  });
});

describe('live demo on a demo store', () => {
  it('writes new orders with change hints, visible in awareness.today and the feed', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const core = await createInProcessCore({
      dataDir: t.dir,
      host: 'test',
      demo: { days: 2 },
      liveDemo: { intervalMs: 300, speed: 5000 },
    });
    cleanups.push(() => core.close());
    const viewer = { role: 'viewer', actor: 'wall' } as const;
    const before = await core.call('awareness.today', {}, viewer);
    const hints: ChangeHint[] = [];
    core.onChange((h) => hints.push(h));
    await new Promise((r) => setTimeout(r, 3_500));
    const after = await core.call('awareness.today', {}, viewer);
    expect(after.received.today).toBeGreaterThan(before.received.today);
    const orderHints = hints.filter((h) => h.topic === 'orders.changed');
    expect(orderHints.length).toBeGreaterThan(0);
    const feed = await core.call('awareness.feed', { limit: 5 }, viewer);
    expect(feed.items.some((i) => /^WO\d{8}L\d{5}$/.test(i.orderId))).toBe(true);
    // The replayed lifecycles are valid: nothing refused, nothing queued for upstream.
    const db = new Database(dbPath(t.dir), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM order_event WHERE flag IS NOT NULL').pluck().get()).toBe(0);
      expect(
        db.prepare("SELECT count(*) FROM order_event WHERE order_id LIKE 'WO%L%'").pluck().get(),
      ).toBeGreaterThan(3);
      expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  }, 120_000);

  it('is off for the test host unless asked for', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const core = await createInProcessCore({ dataDir: t.dir, host: 'test', demo: { days: 1 } });
    cleanups.push(() => core.close());
    const hints: ChangeHint[] = [];
    core.onChange((h) => hints.push(h));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(hints).toEqual([]);
  }, 120_000);
});
