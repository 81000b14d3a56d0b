/**
 * 每月一题 (issue 16): problems.candidates — the 一类事 clustering of the last 30 days (and the 30
 * before) at the spot grain — on the bench store, in process (one connection, as on a reader).
 * The baseline is reading the same window's orders alone (the SQL), so the ratio is what the
 * clustering adds. `npm run bench` calls it on its 1 M store (one line in run.ts). Standalone on a
 * data folder (e.g. a demo store): `npx tsx tests/bench/problems-bench.ts <dataDir>`.
 */
import { pathToFileURL } from 'node:url';
import { createInProcessCore } from '../../electron/core/runtime/core';
import { ordersBetween } from '../../electron/core/features/problems';
import { openDb } from '../../electron/core/store/db';
import { chinaDate, chinaMidnight, addDays } from '../../shared/kernel/calendar';
import { CANDIDATES_REUSE_MS } from '../../shared/features/problems/contract';
import { Table } from './table';

/** Budget of one candidates call (a background read on the read pool, not a chart). */
const BUDGET_MS = 5_000;

export async function benchProblems(
  table: Table,
  dataDir: string,
  storeLabel: string,
  anchor: number,
): Promise<void> {
  const core = await createInProcessCore({ dataDir, host: 'test', now: () => anchor });
  const who = { role: 'viewer', actor: 'bench' } as const;
  try {
    const runs: number[] = [];
    let orders = 0;
    // `since` after the bench's fixed clock: each call clusters anew (重新计算).
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await core.call('problems.candidates', { days: 30, grain: 'spot', since: anchor + 1 }, who);
      runs.push(performance.now() - t);
      orders = r.orders;
    }
    // What the panel's refetch after an order change costs: the kept clustering, masked again.
    const again: number[] = [];
    let reused = false;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const r = await core.call('problems.candidates', { days: 30, grain: 'spot' }, who);
      again.push(performance.now() - t);
      reused = r.reused;
    }
    const db = openDb(dataDir);
    const to = chinaDate(anchor);
    const t = performance.now();
    ordersBetween(db, chinaMidnight(addDays(to, -59)), chinaMidnight(addDays(to, 1)));
    const sqlMs = performance.now() - t;
    db.close();
    const med = [...runs].sort((a, b) => a - b)[1] ?? NaN;
    table.add({
      what: `problems.candidates 30 d, spot grain (一类事 clustering of ${orders.toLocaleString()} orders of 60 days, median of 3), ${storeLabel} store`,
      value: `${Math.round(med)} ms`,
      budget: `≤ ${BUDGET_MS} ms`,
      pass: med <= BUDGET_MS,
      baseline: `reading the window's orders alone ${Math.round(sqlMs)} ms`,
      ratio: med / sqlMs,
    });
    const againMed = [...again].sort((a, b) => a - b)[10] ?? NaN;
    table.add({
      what: `problems.candidates again within ${CANDIDATES_REUSE_MS / 60_000} min (the panel's refetch after an order change; ${reused ? 'kept clustering reused' : 'NOT reused'}; median of 20), ${storeLabel} store`,
      value: `${againMed.toFixed(2)} ms`,
      budget: '≤ 50 ms',
      pass: reused && againMed <= 50,
      baseline: `clustering anew ${Math.round(med)} ms`,
      ratio: againMed / med,
    });
  } finally {
    await core.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx tests/bench/problems-bench.ts <dataDir> [anchorMs]');
  const table = new Table();
  await benchProblems(table, dir, 'given', Number(process.argv[3] ?? Date.now()));
  table.print();
}
