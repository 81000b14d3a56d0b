/**
 * The forecast beats seasonal-naive in a backtest on the demo store's own history (a year of the
 * seeded street, real SQLite, through the gate), street-wide and for the largest categories; and
 * the surge rule fires on a planted surge and stays quiet on the season it saw last year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { generateOrderEvents } from '../../../electron/core/features/demo/generator/orders';
import { generateReference } from '../../../electron/core/features/demo/generator/reference';
import { openDb } from '../../../electron/core/store/db';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import { setDemo } from '../../../electron/core/store/meta';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { chinaDate } from '../../../shared/kernel/china-time';
import { tempDir } from '../store/fixtures';

const ANCHOR = Date.UTC(2026, 10, 20, 4, 0, 0);
let core: Core;
let cleanup: () => void;
const viewer = { role: 'viewer', actor: 'committee' } as const;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const db = openDb(t.dir);
  const ref = generateReference(1);
  writeReference(db, ref);
  setDemo(db, true);
  let batch: OrderEvent[] = [];
  for (const evs of generateOrderEvents(ref, { seed: 1, days: 365, anchor: ANCHOR, node: 'up' })) {
    batch.push(...evs);
    if (batch.length >= 5000) {
      ingestEvents(db, batch, { source: 'demo', node: 'hall', now: ANCHOR, validate: false });
      batch = [];
    }
  }
  ingestEvents(db, batch, { source: 'demo', node: 'hall', now: ANCHOR, validate: false });
  db.close();
  core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => ANCHOR });
}, 240_000);

afterAll(async () => {
  await core.close();
  cleanup();
});

describe('analysis.forecast on the demo history', () => {
  it('beats seasonal-naive at 7 and 30 days, street-wide and for the top categories', async () => {
    const f = await core.call('analysis.forecast', { from: chinaDate(ANCHOR) }, viewer);
    const [all, ...cats] = f.rows;
    expect(all?.category).toBe('');
    const figures = f.rows.slice(0, 4).map((r) => ({
      category: r.category || 'all',
      mape7: r.backtest7.model,
      naive7: r.backtest7.seasonalNaive,
      mape30: r.backtest30.model,
      naive30: r.backtest30.seasonalNaive,
      origins: r.backtest7.origins,
    }));
    console.log(JSON.stringify({ historyDays: f.historyDays, backtestMs: f.backtestMs, figures }));
    // The backtest reads what its 26 weekly origins need: 26 weeks + 30 days + 4 weeks + a week.
    expect(f.historyDays).toBeGreaterThanOrEqual(240);
    for (const r of [all, ...cats.slice(0, 3)]) {
      expect(r?.backtest7.origins).toBeGreaterThanOrEqual(20);
      expect(r?.backtest7.model).toBeLessThan(r?.backtest7.seasonalNaive ?? 0);
      expect(r?.backtest30.model).toBeLessThan(r?.backtest30.seasonalNaive ?? 0);
    }
    expect(all?.next7).toBeGreaterThan(0);
    expect(all?.daily7).toHaveLength(7);
  });

  it('surge: the rule answers for the last 7 days with its numbers', async () => {
    const s = await core.call('analysis.surge', { to: chinaDate(ANCHOR) }, viewer);
    expect(s.ratio).toBe(1.5);
    expect(s.minExcess).toBe(3);
    // 2026-11-20 is in 供暖季: its watch category (04.01 → 04) warns at the playbook's ×1.3.
    expect(s.watched).toEqual([{ category: '04', ratio: 1.3, playbook: '供暖季' }]);
    for (const r of s.rows) {
      expect(r.last7 - r.baseline).toBeGreaterThanOrEqual(3);
      expect(r.last7).toBeGreaterThanOrEqual(r.baseline * (r.category === '04' ? 1.3 : 1.5));
    }
  });
});
