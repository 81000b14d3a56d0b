/**
 * `npm run bench`: the performance table of docs/ARCHITECTURE.md. Each figure is measured here,
 * next to a baseline measured in the same run on the same machine, and printed as
 * figure · budget · baseline · ratio. Only what the figure names is timed (generating rows is
 * not ingest). BENCH_ORDERS (default 1,000,000) scales the store; BENCH_KEEP=1 keeps .bench/.
 * BENCH_ONLY=store,awareness,map,sync runs only the named sections (all by default).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateReference } from '../../electron/core/features/demo/generator/reference';
import { generateOrderEvents } from '../../electron/core/features/demo/generator/orders';
import { openDb } from '../../electron/core/store/db';
import { ingestEvents } from '../../electron/core/store/event-log/events';
import { writeReference } from '../../electron/core/store/reference';
import { setDemo } from '../../electron/core/store/meta';
import { createInProcessCore } from '../../electron/core/runtime/core';
import type { OrderEvent } from '../../shared/features/orders/order-events';
import { chinaDate } from '../../shared/kernel/calendar';
import { Table, median, timeMany } from './table';
import { awarenessBench } from './awareness-bench';
import { benchMap } from './map-bench';
import { benchSync } from './sync-bench';
import { benchReadPool } from './pool-bench';
import { benchDesk } from './desk-bench';
import { benchAnalysis } from './analysis-bench';
import { benchExport } from './export-bench';
import { benchImport } from './import-bench';
import { benchTriage } from './triage-bench';
import { benchProblems } from './problems-bench';
import { benchRss } from './rss-bench';
import { benchField } from './field-bench';
import { benchAddress } from './address-bench';
import { benchHubCompact } from './hub-compact-bench';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const DAYS = 365;
const BATCH = 5_000;
const dir = join(process.cwd(), '.bench');
const hallDir = join(dir, 'hall');
const rawFile = join(dir, 'raw.db');
const anchor = Date.UTC(2026, 10, 20, 4, 0, 0); // fixed: the same data every run
const table = new Table();
const SECTIONS = ['store', 'awareness', 'map', 'sync', 'import', 'field', 'address', 'hub'] as const;
const only = new Set((process.env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((s) => s.trim()));

rmSync(dir, { recursive: true, force: true });
mkdirSync(hallDir, { recursive: true });

/** The figures of the wall (issue 3) and of sync (issue 4): each builds its own store. */
async function benchIssueSections(): Promise<void> {
  if (only.has('awareness')) await awarenessBench(table);
  if (only.has('map')) await benchMap(table);
  if (only.has('sync')) await benchSync(table);
  if (only.has('import')) await benchImport(table, dir);
  if (only.has('field')) await benchField(table, dir);
  if (only.has('address')) await benchAddress(table, dir);
  if (only.has('hub')) await benchHubCompact(table, dir);
}

if (!only.has('store')) {
  await benchIssueSections();
  table.print();
  if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

// ---- 1. Generate: probe the demo's daily volume, scale it to ORDERS over a year. -------------
const ref = generateReference(1);
// A whole demo year at scale 1 (≈14 k orders, a fraction of a second): the seasons differ, so a
// shorter probe under- or over-shoots. 5 % headroom; the loop below stops at exactly ORDERS.
let probe = 0;
for (const _ of generateOrderEvents(ref, { seed: 1, days: DAYS, anchor, node: 'up' })) probe++;
const scale = (ORDERS / probe) * 1.05;

const db = openDb(hallDir);
writeReference(db, ref);
setDemo(db, true);
const raw = new Database(rawFile);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = NORMAL');
raw.exec(
  'CREATE TABLE order_event (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, order_id TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, actor TEXT NOT NULL, node TEXT NOT NULL, hlc TEXT NOT NULL, at INTEGER NOT NULL)',
);
const rawInsert = raw.prepare(
  'INSERT INTO order_event(id, order_id, type, payload, actor, node, hlc, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);
const rawBatch = raw.transaction((events: readonly OrderEvent[]) => {
  for (const e of events)
    rawInsert.run(e.id, e.orderId, e.type, JSON.stringify(e.payload), e.actor, e.node, e.hlc, e.at);
});

let orders = 0;
let events = 0;
let genMs = 0;
let ingestMs = 0;
let rawMs = 0;
let batch: OrderEvent[] = [];
const flush = (): void => {
  if (batch.length === 0) return;
  // Events cross the wire as JSON: ingest validates them like any upstream batch.
  const wire = JSON.parse(JSON.stringify(batch)) as unknown[];
  let t = performance.now();
  ingestEvents(db, wire, { source: 'upstream', node: 'hall', validate: true });
  ingestMs += performance.now() - t;
  t = performance.now();
  rawBatch(batch);
  rawMs += performance.now() - t;
  events += batch.length;
  batch = [];
};
let t0 = performance.now();
for (const orderEvents of generateOrderEvents(ref, {
  seed: 1,
  days: DAYS,
  anchor,
  node: 'up',
  ordersPerDayScale: scale,
})) {
  genMs += performance.now() - t0;
  for (const e of orderEvents) batch.push(e);
  if (++orders >= ORDERS) break;
  if (batch.length >= BATCH) flush();
  if (orders % 100_000 === 0) process.stderr.write(`  … ${orders.toLocaleString()} orders\n`);
  t0 = performance.now();
}
flush();
db.close();
raw.close();

table.add({
  what: `generate ${orders.toLocaleString()} orders (${events.toLocaleString()} events)`,
  value: `${((orders / genMs) * 1000).toFixed(0)} orders/s`,
  budget: '—',
});
/** Names the store size in the table: the budgets are stated for 1,000,000 orders. */
const storeLabel = `${orders.toLocaleString()}-order`;
const ingestRate = (events / ingestMs) * 1000;
const rawRate = (events / rawMs) * 1000;
table.add({
  what: 'ingest from upstream (validated, projected, indexed, FTS)',
  value: `${ingestRate.toFixed(0)} events/s`,
  budget: '≥ 70,000 events/s',
  pass: ingestRate >= 70_000,
  baseline: `raw insert ${rawRate.toFixed(0)} rows/s`,
  ratio: ingestRate / rawRate,
});

// ---- 2. Queries through the real core (services + SQL), against raw SQL baselines. ----------
const core = await createInProcessCore({ dataDir: hallDir, host: 'test', demo: false });
const ctx = { role: 'commander' as const, actor: 'bench' };
const month = chinaDate(anchor - 25 * 86_400_000).slice(0, 7);
const statsMs = median(await timeMany(20, () => core.call('stats.month', { month }, ctx)));
const plain = new Database(join(hallDir, 'hall.db'), { readonly: true });
const [from, to] = [
  Date.parse(`${month}-01T00:00:00+08:00`),
  Date.parse(`${month}-01T00:00:00+08:00`) + 31 * 86_400_000,
];
const scanStmt = plain.prepare(
  'SELECT status, count(*) AS n, sum(finish_deadline < ?) AS overdue FROM work_order WHERE received_at >= ? AND received_at < ? GROUP BY status',
);
const scanMs = median(await timeMany(5, () => scanStmt.all(anchor, from, to)));
table.add({
  what: `month counters + three rates (${month}), ${storeLabel} store`,
  value: `${statsMs.toFixed(2)} ms`,
  budget: '≤ 20 ms',
  pass: statsMs <= 20,
  baseline: `full-scan GROUP BY ${scanMs.toFixed(1)} ms`,
  ratio: statsMs / scanMs,
});

for (const q of ['水', '噪音', '漏水', '暖气不热', '停车']) {
  const ms = median(await timeMany(10, () => core.call('orders.list', { q, limit: 50 }, ctx)));
  const like = plain.prepare(
    'SELECT id FROM work_order WHERE title LIKE ? OR address LIKE ? OR json LIKE ? ORDER BY rowid DESC LIMIT 50',
  );
  const likeMs = median(await timeMany(3, () => like.all(`%${q}%`, `%${q}%`, `%${q}%`)));
  const hits = (await core.call('orders.list', { q, limit: 50 }, ctx)).rows.length;
  table.add({
    what: `full-text first 50 hits, "${q}" (${Array.from(q).length} char, ${hits} hits)`,
    value: `${ms.toFixed(2)} ms`,
    budget: '≤ 50 ms',
    pass: ms <= 50,
    baseline: `LIKE scan ${likeMs.toFixed(1)} ms`,
    ratio: ms / likeMs,
  });
}

// Dispatch recommendation for one order: ~50 different orders (open ones first, newest first),
// through the core. Baseline: the open-orders-per-unit SQL alone, i.e. what each call would pay
// without the load cache (the cache holds until the store changes).
const recIds = plain
  .prepare('SELECT id FROM work_order ORDER BY is_open DESC, rowid DESC LIMIT 50')
  .pluck()
  .all() as string[];
const openCount = plain.prepare('SELECT count(*) FROM work_order WHERE is_open = 1').pluck().get() as number;
const officerCtx = { role: 'officer' as const, actor: 'bench' };
let recAt = 0;
const recommendNext = () =>
  core.call('orders.recommend', { orderId: recIds[recAt++ % recIds.length] ?? '' }, officerCtx);
const tRec = performance.now();
await recommendNext();
const recColdMs = performance.now() - tRec;
const recMs = median(await timeMany(recIds.length, recommendNext));
const loadStmt = plain.prepare(
  'SELECT unit_id, count(*) FROM work_order INDEXED BY work_order_overdue WHERE is_open = 1 AND unit_id IS NOT NULL GROUP BY unit_id',
);
const loadMs = median(await timeMany(20, () => loadStmt.all()));
const recUnits = (await recommendNext()).candidates.length;
table.add({
  what: `dispatch recommendation for one order (median of ${recIds.length} orders, top ${recUnits}; ${openCount.toLocaleString()} open orders; first call with cold caches ${recColdMs.toFixed(2)} ms)`,
  value: `${recMs.toFixed(2)} ms`,
  budget: '≤ 5 ms',
  pass: recMs <= 5,
  baseline: `open-orders-per-unit SQL alone ${loadMs.toFixed(2)} ms`,
  ratio: recMs / loadMs,
});
plain.close();
await core.close();

// ---- 3. The read pool: a dispatch action while a long analysis read runs. ---------------------
await benchReadPool(table, hallDir, storeLabel, anchor);
await benchDesk(table, hallDir, storeLabel);
await benchAnalysis(table, hallDir, storeLabel, anchor);
await benchExport(table, hallDir, storeLabel, anchor);
await benchTriage(table, hallDir, storeLabel);
await benchProblems(table, hallDir, storeLabel, anchor);

// ---- 4. Memory of a fresh core process over the store, bundled as the app ships. ------------
await benchRss(table, dir, hallDir, storeLabel, month);

// ---- 5. The wall and sync sections. -----------------------------------------------------------
await benchIssueSections();

table.print();
if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
