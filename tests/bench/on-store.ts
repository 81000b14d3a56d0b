/**
 * The store sections of `npm run bench` again, on a store an earlier run kept (BENCH_KEEP=1),
 * without generating and ingesting it anew (a 1 M-order store takes ~8 min to build):
 * `npx tsx tests/bench/on-store.ts <bench folder holding hall/> [sections]`, sections a comma list
 * of pool, desk, analysis, export, triage, problems, rss (all by default). The store must have
 * been built by run.ts (its fixed anchor). Run it from the project folder (rss bundles from it).
 */
import { join } from 'node:path';
import { chinaDate } from '../../shared/kernel/calendar';
import { benchAnalysis } from './analysis-bench';
import { benchDesk } from './desk-bench';
import { benchExport } from './export-bench';
import { benchReadPool } from './pool-bench';
import { benchProblems } from './problems-bench';
import { benchRss } from './rss-bench';
import { Table } from './table';
import { benchTriage } from './triage-bench';
import Database from 'better-sqlite3';

const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx tests/bench/on-store.ts <bench folder> [sections]');
const hallDir = join(dir, 'hall');
/** run.ts's anchor: the store's newest data. */
const anchor = Date.UTC(2026, 10, 20, 4, 0, 0);
const all = 'pool,desk,analysis,export,triage,problems,rss';
const only = new Set((process.argv[3] ?? all).split(','));
const db = new Database(join(hallDir, 'hall.db'), { readonly: true });
const orders = db.prepare('SELECT count(*) FROM work_order').pluck().get() as number;
db.close();
const label = `${orders.toLocaleString()}-order`;
const table = new Table();
if (only.has('pool')) await benchReadPool(table, hallDir, label, anchor);
if (only.has('desk')) await benchDesk(table, hallDir, label);
if (only.has('analysis')) await benchAnalysis(table, hallDir, label, anchor);
if (only.has('export')) await benchExport(table, hallDir, label, anchor);
if (only.has('triage')) await benchTriage(table, hallDir, label);
if (only.has('problems')) await benchProblems(table, hallDir, label, anchor);
if (only.has('rss'))
  await benchRss(
    table,
    join(process.cwd(), '.bench'),
    hallDir,
    label,
    chinaDate(anchor - 25 * 86_400_000).slice(0, 7),
  );
table.print();
