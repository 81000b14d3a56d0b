/**
 * 分析研判's chart queries (issue 16) on the bench store, through createCore (the writer and the
 * read pool in worker threads, as the app runs): analysis.trend by day / week / month, the cube
 * with its Pareto, the hotspots. Each p95 against the 50 ms budget; the baseline is the same
 * count taken by scanning the orders (what the rollups save).
 *
 * `npm run bench` calls benchAnalysis on its 1 M store (one line in run.ts). Standalone:
 * `npx tsx tests/bench/analysis-bench.ts` builds its own store of BENCH_ANALYSIS_ORDERS (200,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/runtime/core';
import { dbPath } from '../../electron/core/store/db';
import { orderKeyFrom } from '../../electron/core/store/event-log/order-key';
import { addDays, addMonths } from '../../shared/features/analysis/dates';
import { chinaDate, chinaMidnight } from '../../shared/kernel/calendar';
import { CHINA_OFFSET_MS } from '../../shared/kernel/china-time';
import { Table } from './table';
import { buildDemoStore } from './demo-store';

const BUDGET_MS = 50;

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

async function times(n: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The chart queries on a store whose newest data is at `now`. */
export async function benchAnalysis(
  table: Table,
  dataDir: string,
  storeLabel: string,
  now: number,
): Promise<void> {
  const core = await createCore({ dataDir, host: 'test', demo: false, now: () => now });
  const plain = new Database(dbPath(dataDir), { readonly: true });
  const viewer = { role: 'viewer' as const, actor: 'bench' };
  const today = chinaDate(now);
  try {
    const cases: Array<[string, () => Promise<unknown>, () => unknown]> = [
      [
        'analysis.trend by day (30 days + last year + last month)',
        () => core.call('analysis.trend', { grain: 'day', from: addDays(today, -29), to: today }, viewer),
        () => scanDays(plain, addMonths(today, -13), today),
      ],
      [
        'analysis.trend by week (12 weeks)',
        () => core.call('analysis.trend', { grain: 'week', from: addDays(today, -83), to: today }, viewer),
        () => scanDays(plain, addMonths(today, -15), today),
      ],
      [
        'analysis.trend by month (12 months)',
        () =>
          core.call(
            'analysis.trend',
            { grain: 'month', from: `${addMonths(today, -11).slice(0, 8)}01`, to: today },
            viewer,
          ),
        () => scanDays(plain, addMonths(today, -24), today),
      ],
      [
        'analysis.cube (6 months × categories × communities, Pareto)',
        () =>
          core.call(
            'analysis.cube',
            { from: addMonths(today, -5).slice(0, 7), to: today.slice(0, 7) },
            viewer,
          ),
        () => scanDays(plain, `${addMonths(today, -5).slice(0, 8)}01`, today, true),
      ],
      [
        'analysis.hotspot (30 days: density + repeat points)',
        () => core.call('analysis.hotspot', { to: today, days: 30 }, viewer),
        () => scanCells(plain, addDays(today, -29), today),
      ],
    ];
    for (const [what, fn, scan] of cases) {
      const xs = await times(30, fn);
      const base = await times(3, scan);
      const p95 = pct(xs, 0.95);
      table.add({
        what: `${what}, p95 of 30 through the read pool, ${storeLabel} store`,
        value: `${p95.toFixed(2)} ms`,
        budget: `≤ ${BUDGET_MS} ms`,
        pass: p95 <= BUDGET_MS,
        baseline: `${pct(base, 0.5).toFixed(1)} ms by scanning orders`,
        ratio: p95 / pct(base, 0.5),
      });
    }
  } finally {
    plain.close();
    await core.close();
  }
}

/** The baseline: orders per China day (× category × community) by scanning the received range. */
function scanDays(db: Database.Database, from: string, to: string, cube = false): unknown {
  const lo = orderKeyFrom(chinaMidnight(from));
  const hi = orderKeyFrom(chinaMidnight(addDays(to, 1)));
  const extra = cube ? ', substr(category_code, 1, 2), community_code' : '';
  return db
    .prepare(
      `SELECT strftime('%Y-%m-%d', (received_at + ${CHINA_OFFSET_MS}) / 1000, 'unixepoch') AS d${extra}, count(*)
         FROM work_order WHERE rowid >= ? AND rowid < ? GROUP BY 1${cube ? ', 2, 3' : ''}`,
    )
    .all(lo, hi);
}

/** The baseline of the hotspots: place cells by reading each order's point. */
function scanCells(db: Database.Database, from: string, to: string): unknown {
  const lo = orderKeyFrom(chinaMidnight(from));
  const hi = orderKeyFrom(chinaMidnight(addDays(to, 1)));
  return db
    .prepare(
      `SELECT CAST(json_extract(json, '$.lng') / 0.0005 AS INTEGER), CAST(json_extract(json, '$.lat') / 0.0005 AS INTEGER),
              substr(category_code, 1, 2), count(*)
         FROM work_order WHERE rowid >= ? AND rowid < ? GROUP BY 1, 2, 3`,
    )
    .all(lo, hi);
}

async function standalone(): Promise<void> {
  const orders = Number(process.env.BENCH_ANALYSIS_ORDERS ?? 200_000);
  const now = Date.UTC(2026, 10, 20, 4, 0, 0);
  const dir = mkdtempSync(join(tmpdir(), 'hall-an-bench-'));
  try {
    const t0 = performance.now();
    const n = buildDemoStore(dir, orders, now);
    console.log(`built ${n.toLocaleString()} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const table = new Table();
    await benchAnalysis(table, dir, `${n.toLocaleString()}-order`, now);
    table.print();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await standalone();
