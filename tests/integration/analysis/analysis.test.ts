/**
 * 分析研判 over a real SQLite store: the analysis rollups are kept by the ingest transaction
 * (equal to a rebuild and to the migration's backfill), and analysis.* answer from them through
 * the core's gate: trend with last year / last month, the cube with its Pareto, hotspots with
 * repeat points and their drill-down ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { ingestEvents, rebuildProjections } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import type { WritableDb } from '../../../electron/core/store/types';
import { migration0017Analysis } from '../../../electron/core/store/migrations/0017-analysis';
import { cellIndex } from '../../../shared/features/analysis/cells';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { History, closedHistory, createdPayload, tempDir, TINY_REF } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 10:00 China time on a China date. */
const at = (date: string) => Date.parse(`${date}T02:00:00Z`);

function history(): OrderEvent[] {
  const evs: OrderEvent[] = [];
  let i = 0;
  const add = (date: string, over: Parameters<typeof createdPayload>[0] = {}) => {
    const id = `A${++i}`;
    if (i % 2) {
      evs.push(...closedHistory(id, at(date), over));
      return;
    }
    const h = new History(id, at(date));
    h.add('created', createdPayload(over), 0);
    evs.push(...h.events);
  };
  // This month (2026-03): 3 noise at one place, 1 leak elsewhere, 1 noise in the west community.
  add('2026-03-02');
  add('2026-03-05');
  add('2026-03-09');
  add('2026-03-09', { categoryCode: '02.01.001', lng: 116.41, lat: 39.91 });
  add('2026-03-03', { communityCode: '110105001002', gridCode: null, lng: 116.409, lat: 39.902 });
  // Last month and last year.
  add('2026-02-05');
  add('2025-03-05');
  add('2025-03-06');
  // 待定位: in the day rollup, not in the place cells.
  add('2026-03-04', { lng: null, lat: null });
  return evs;
}

function store(): { db: WritableDb; dir: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  ingestEvents(db, history(), { source: 'upstream', node: 'hall' });
  cleanups.push(() => {
    db.close();
  });
  return { db, dir: t.dir };
}

async function core(): Promise<{ core: Core; db: WritableDb; dir: string }> {
  const { db, dir } = store();
  const t = { dir };
  const c = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => at('2026-03-10') });
  cleanups.push(() => c.close());
  return { core: c, db, dir: t.dir };
}

const viewer = { role: 'viewer', actor: 'committee' } as const;

function dump(db: WritableDb): unknown {
  return {
    day: db.prepare('SELECT * FROM analysis_day WHERE n != 0 ORDER BY 1, 2, 3').all(),
    cell: db.prepare('SELECT * FROM analysis_cell WHERE n != 0 ORDER BY 1, 2, 3, 4').all(),
  };
}

describe('analysis rollups', () => {
  it('are kept by ingest and equal a rebuild and the migration backfill', () => {
    const { db } = store();
    const live = dump(db);
    expect((live as { day: unknown[] }).day.length).toBeGreaterThan(5);
    rebuildProjections(db);
    expect(dump(db)).toEqual(live);
    db.exec('DROP TABLE analysis_day; DROP TABLE analysis_cell; DROP TABLE analysis_playbook;');
    migration0017Analysis(db);
    expect(dump(db)).toEqual(live);
  });

  it('follow an order that moves: a 待定位 order placed later enters the place cells', () => {
    const { db } = store();
    const cells = () => (db.prepare('SELECT sum(n) AS n FROM analysis_cell').get() as { n: number }).n;
    expect(cells()).toBe(8);
    const h = new History('A10', at('2026-03-04'), 'hall');
    h.add('created', createdPayload({ lng: null, lat: null, gridCode: null }), 0);
    ingestEvents(db, h.events.splice(0), { source: 'upstream', node: 'hall' });
    expect(cells()).toBe(8);
    h.add('located', { lng: 116.401, lat: 39.901, communityCode: '110105001001', gridCode: null, note: '' });
    ingestEvents(db, h.events, { source: 'upstream', node: 'hall' });
    expect(cells()).toBe(9);
    const live = dump(db);
    rebuildProjections(db);
    expect(dump(db)).toEqual(live);
  });
});

describe('analysis.* through the gate', () => {
  it('trend: days with last year and last month', async () => {
    const { core: c } = await core();
    const t = await c.call('analysis.trend', { grain: 'day', from: '2026-03-01', to: '2026-03-10' }, viewer);
    const d = new Map(t.buckets.map((b) => [b.key, b]));
    expect(t.buckets).toHaveLength(10);
    expect(d.get('2026-03-09')?.n).toBe(2);
    expect(d.get('2026-03-05')?.n).toBe(1);
    expect(d.get('2026-03-05')?.lastYear).toBe(1);
    expect(d.get('2026-03-05')?.lastMonth).toBe(1);
    expect(d.get('2026-03-05')?.lastYearFrom).toBe('2025-03-05');
    const m = await c.call(
      'analysis.trend',
      { grain: 'month', from: '2026-03-01', to: '2026-03-31' },
      viewer,
    );
    expect(m.buckets).toEqual([
      expect.objectContaining({
        key: '2026-03',
        n: 6,
        lastYear: 2,
        lastMonth: 1,
        from: '2026-03-01',
        to: '2026-03-31',
      }),
    ]);
    const noise = await c.call(
      'analysis.trend',
      { grain: 'week', from: '2026-03-02', to: '2026-03-15', category: '02' },
      viewer,
    );
    expect(noise.buckets.map((b) => b.n)).toEqual([0, 1]);
  });

  it('cube: category × community × month with the Pareto', async () => {
    const { core: c } = await core();
    const cube = await c.call('analysis.cube', { from: '2026-02', to: '2026-03' }, viewer);
    expect(cube.months).toEqual(['2026-02', '2026-03']);
    expect(cube.total).toBe(7);
    expect(cube.pareto.map((p) => [p.category, p.n])).toEqual([
      ['01', 6],
      ['02', 1],
    ]);
    expect(cube.pareto[0]?.vital).toBe(true);
    expect(cube.pareto[1]?.cumShare).toBe(1);
    expect(cube.cells).toContainEqual({ month: '2026-03', category: '01', community: '110105001002', n: 1 });
  });

  it('hotspot: the same place and category 3 times in 30 days, and its orders', async () => {
    const { core: c } = await core();
    const h = await c.call('analysis.hotspot', { days: 30, minRepeat: 3 }, viewer);
    expect(h.from).toBe('2026-02-09');
    expect(h.to).toBe('2026-03-10');
    expect(h.total).toBe(5); // 02-05 is outside the window; the 待定位 order has no point
    expect(h.repeats).toEqual([
      expect.objectContaining({ cx: cellIndex(116.401), cy: cellIndex(39.901), category: '01', n: 3 }),
    ]);
    const r = h.repeats[0]!;
    const ids = await c.call(
      'analysis.spotOrders',
      { cx: r.cx, cy: r.cy, category: r.category, from: h.from, to: h.to },
      viewer,
    );
    expect([...ids.ids].sort()).toEqual(['A1', 'A2', 'A3']);
    // The desk opens exactly them.
    const list = await c.call('orders.list', { ids: [...ids.ids] }, viewer);
    expect(list.rows.map((o) => o.id).sort()).toEqual(['A1', 'A2', 'A3']);
  });

  it('refuses a reversed or too long range with a Chinese message', async () => {
    const { core: c } = await core();
    await expect(
      c.call('analysis.trend', { grain: 'day', from: '2026-03-10', to: '2026-03-01' }, viewer),
    ).rejects.toMatchObject({ message: expect.stringContaining('起始日期不能晚于结束日期') });
    await expect(
      c.call('analysis.trend', { grain: 'day', from: '2024-01-01', to: '2026-03-01' }, viewer),
    ).rejects.toMatchObject({ message: expect.stringContaining('时间范围过长') });
  });
});
