/**
 * Wall figures (issue 3): awareness.today, awareness.feed and awareness.alarms through the real
 * core on a big store, each against the same answer by a full scan (what the indexes and the
 * rowid ranges save). With no store given it builds its own demo store of
 * BENCH_AWARENESS_ORDERS orders (default 200,000) over a year; run.ts can pass its 1 M store.
 *   npx tsx tests/bench/awareness-bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createInProcessCore, type Core } from '../../electron/core/runtime/core';
import { dbPath } from '../../electron/core/store/db';
import { inProgressCount, warningCount } from '../../electron/core/features/awareness/queries';
import { overdueCount } from '../../electron/core/features/orders/queries-queues';
import { stockAt } from '../../electron/core/features/awareness/stock-at';
import type { ReadableDb } from '../../electron/core/store/types';
import { chinaDate, chinaMidnight } from '../../shared/kernel/calendar';
import { median, Table, timeMany } from './table';
import { buildDemoStore } from './demo-store';

export interface AwarenessBenchStore {
  readonly core: Core;
  /** The store's hall.db, opened read-only for the full-scan baselines. */
  readonly dbFile: string;
  /** "now" of the data (the core's clock should be the same). */
  readonly now: number;
  readonly label: string;
}

const BUDGET_MS = 50;

async function buildStore(
  orders: number,
  now: number,
): Promise<AwarenessBenchStore & { cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-aw-bench-'));
  const n = buildDemoStore(dir, orders, now);
  const core = await createInProcessCore({ dataDir: dir, host: 'test', demo: false, now: () => now });
  return {
    core,
    dbFile: dbPath(dir),
    now,
    label: `${n.toLocaleString()}-order`,
    async cleanup() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function awarenessBench(table: Table, given?: AwarenessBenchStore): Promise<void> {
  const own = given
    ? null
    : await buildStore(
        Number(process.env.BENCH_AWARENESS_ORDERS ?? 200_000),
        Date.UTC(2026, 10, 20, 4, 0, 0),
      );
  const s = (given ?? own) as AwarenessBenchStore;
  const ctx = { role: 'viewer' as const, actor: 'bench', masked: true };
  try {
    const plain = new Database(s.dbFile, { readonly: true });
    const start = chinaMidnight(chinaDate(s.now));
    // Baseline: the same day counters by scanning the event log and the projection.
    const scan = plain.prepare(
      `SELECT
         (SELECT count(*) FROM work_order NOT INDEXED WHERE received_at >= ? AND received_at <= ?) AS received,
         (SELECT count(*) FROM order_event NOT INDEXED WHERE type = 'dispatched' AND at >= ? AND at <= ?) AS dispatched,
         (SELECT count(*) FROM work_order NOT INDEXED WHERE is_open = 1 AND finish_deadline < ?) AS overdue`,
    );
    const scanMs = median(await timeMany(3, () => scan.get(start, s.now, start, s.now, s.now)));
    const todayMs = median(await timeMany(20, () => s.core.call('awareness.today', {}, ctx)));
    table.add({
      what: `awareness.today (day counters + month rates), ${s.label} store`,
      value: `${todayMs.toFixed(2)} ms`,
      budget: `≤ ${BUDGET_MS} ms`,
      pass: todayMs <= BUDGET_MS,
      baseline: `full scan ${scanMs.toFixed(1)} ms`,
      ratio: todayMs / scanMs,
    });
    // Yesterday's stocks at this time (stockAt), which awareness.today computes once a minute and
    // keeps: timed uncached, at a different minute each time.
    let minute = 0;
    const stockMs = median(
      await timeMany(5, () =>
        stockAt(plain as unknown as ReadableDb, s.now - 86_400_000 - ++minute * 60_000),
      ),
    );
    const nowStockMs = median(
      await timeMany(5, () => {
        inProgressCount(plain as unknown as ReadableDb);
        overdueCount(plain as unknown as ReadableDb, s.now);
        warningCount(plain as unknown as ReadableDb, s.now);
      }),
    );
    table.add({
      what: `yesterday's 处置中 / 超期 / 预警 at this time from the event log (stockAt, once a minute), ${s.label} store`,
      value: `${stockMs.toFixed(2)} ms`,
      budget: `≤ ${BUDGET_MS} ms`,
      pass: stockMs <= BUDGET_MS,
      baseline: `the same counters now ${nowStockMs.toFixed(2)} ms`,
      ratio: stockMs / nowStockMs,
    });
    const feedMs = median(await timeMany(20, () => s.core.call('awareness.feed', { limit: 40 }, ctx)));
    const alarmsMs = median(await timeMany(20, () => s.core.call('awareness.alarms', {}, ctx)));
    const alarmScan = plain.prepare(
      "SELECT count(*) AS n FROM work_order NOT INDEXED WHERE urgency IN ('P0','P1') AND status IN ('received','dispatched') AND received_at >= ?",
    );
    const alarmScanMs = median(await timeMany(3, () => alarmScan.get(s.now - 86_400_000)));
    table.add({
      what: `awareness.feed (40) / awareness.alarms, ${s.label} store`,
      value: `${feedMs.toFixed(2)} / ${alarmsMs.toFixed(2)} ms`,
      budget: `≤ ${BUDGET_MS} ms each`,
      pass: feedMs <= BUDGET_MS && alarmsMs <= BUDGET_MS,
      baseline: `alarm full scan ${alarmScanMs.toFixed(1)} ms`,
      ratio: alarmsMs / alarmScanMs,
    });
    plain.close();
  } finally {
    await own?.cleanup();
  }
}

if (process.argv[1]?.endsWith('awareness-bench.ts')) {
  const table = new Table();
  await awarenessBench(table);
  table.print();
}
