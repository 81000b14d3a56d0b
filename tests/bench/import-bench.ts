/**
 * The 台账 import (issue 14) through createCore (the writer in its worker thread, as in the app):
 * - rows per second of `import.run` on a generated CSV of BENCH_IMPORT_ROWS rows (default
 *   100,000), while a dispatcher files an order every 2 s (a busy street files 60 a day); the
 *   baseline is the same orders copied raw into the same schema (import-baseline.ts). Those
 *   orders' round trip is a row of its own: each comes after a quiet stretch, in which the import
 *   runs 100 ms transactions (history-writer.ts), and waits for one commit;
 * - an `orders.create` every 20 ms during a second import (of BENCH_IMPORT_BUSY_ROWS, default
 *   30,000) against the same alone: while someone is at work the import's transactions last 2 ms
 *   and step aside, so the row passes at p95 ≤ 30 ms and ≤ 1.5× the quiet p95.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core/runtime/core';
import { openDb } from '../../electron/core/store/db';
import { writeReference } from '../../electron/core/store/reference';
import { generateReference } from '../../electron/core/features/demo/generator/reference';
import { generateOrderEvents } from '../../electron/core/features/demo/generator/orders';
import { LEDGER_CHUNK_BYTES } from '../../shared/features/import/contract';
import type { Table } from './table';
import { COPY_TXN, COPY_TXN_SHORT, rawCopyRate } from './import-baseline';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BUSY_ROWS = Number(process.env.BENCH_IMPORT_BUSY_ROWS ?? 30_000);

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

interface Appeal {
  readonly description: string;
  readonly address: string;
  readonly categoryCode: string;
  readonly community: string;
}

/** The demo street's appeals over APPEAL_DAYS (~35 a day), as CSV-safe cells. */
const APPEAL_DAYS = 120;
function appealPool(ref: ReturnType<typeof generateReference>): Appeal[] {
  const communities = new Map(ref.communities.map((c) => [c.code, c.name]));
  const cell = (t: string): string => t.replace(/[,"\r\n]/g, '，');
  const out: Appeal[] = [];
  const anchor = Date.UTC(2026, 10, 1);
  for (const events of generateOrderEvents(ref, { seed: 1, days: APPEAL_DAYS, anchor, node: 'bench' })) {
    const created = events[0];
    if (created?.type !== 'created') continue;
    const o = created.payload;
    out.push({
      description: cell(o.description ?? o.title),
      address: cell(o.address ?? ''),
      categoryCode: o.categoryCode,
      community: communities.get(o.communityCode ?? '') ?? '',
    });
  }
  return out;
}

export async function benchImport(table: Table, baseDir: string): Promise<void> {
  const dir = join(baseDir, 'import');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ref = generateReference(1);
  const db = openDb(dir);
  writeReference(db, ref);
  db.close();
  const leaves = ref.categories.filter((c) => c.level === 3);
  const byCode = new Map(ref.categories.map((c) => [c.code, c]));
  // The full path, as ledgers often write it: a leaf name alone is ambiguous in a few places.
  const pathOf = (code: string): string => {
    const c = byCode.get(code);
    if (!c) return '';
    return c.parentCode ? `${pathOf(c.parentCode)}/${c.name}` : c.name;
  };
  const appeals = appealPool(ref);
  /**
   * A ledger of `n` rows from row `from` (rows of different ranges are different orders). Texts,
   * addresses, categories and communities are the demo's (calibrated: a 诉求内容 of ~44
   * characters, an address of ~11), cycled: the search indexes get what a real 台账 gives them.
   */
  const ledger = (from: number, n: number): Buffer => {
    const lines = ['工单编号,受理时间,诉求内容,诉求地址,诉求分类,所属社区,办结时间,满意度'];
    const t0 = Date.UTC(2019, 0, 1);
    for (let i = from; i < from + n; i++) {
      const a = appeals[i % appeals.length] as Appeal;
      const at = new Date(t0 + (i % 2_000_000) * 97_000);
      const d = `${at.getUTCFullYear()}/${at.getUTCMonth() + 1}/${at.getUTCDate()} ${at.getUTCHours()}:${at.getUTCMinutes()}:00`;
      lines.push(
        `B-${i},${d},${a.description},${a.address},${pathOf(a.categoryCode)},${a.community},${d},满意`,
      );
    }
    return Buffer.from(lines.join('\n'), 'utf8');
  };
  const file = ledger(0, ROWS);
  writeFileSync(join(dir, 'ledger.csv'), file);
  const core = await createCore({ dataDir: dir, host: 'test', demo: false });
  const boss = { role: 'commander' as const, actor: 'bench' };
  const leaf = leaves[0];
  const create = async (): Promise<number> => {
    const t = performance.now();
    await core.call(
      'orders.create',
      {
        order: {
          source: 'walk_in',
          appealType: 'help',
          categoryCode: leaf?.code ?? '',
          urgency: 'P2',
          title: '基准测试受理',
          lng: ref.communities[0]?.centroid[0] ?? 116.4,
          lat: ref.communities[0]?.centroid[1] ?? 39.9,
        },
      },
      boss,
    );
    return performance.now() - t;
  };
  /** Uploads a ledger, reads its columns and runs its dry run, as the dialog does. */
  const prepare = async (bytes: Buffer) => {
    const begin = await core.call('import.uploadBegin', { fileName: 'ledger.csv', size: bytes.length }, boss);
    for (let at = 0; at < bytes.length; at += LEDGER_CHUNK_BYTES)
      await core.call(
        'import.uploadChunk',
        {
          uploadId: begin.uploadId,
          offset: at,
          data: bytes.subarray(at, at + LEDGER_CHUNK_BYTES).toString('base64'),
        },
        boss,
      );
    const preview = await core.call('import.preview', { uploadId: begin.uploadId }, boss);
    const checkStart = performance.now();
    await core.call('import.check', { uploadId: begin.uploadId, mapping: preview.mapping }, boss);
    return {
      uploadId: begin.uploadId,
      mapping: preview.mapping,
      checkS: (performance.now() - checkStart) / 1000,
    };
  };
  /** Runs an import while `create` is called every `everyMs`; answers its time and the round trips. */
  const importWhile = async (
    job: { uploadId: string; mapping: Awaited<ReturnType<typeof prepare>>['mapping'] },
    jobId: string,
    everyMs: number,
  ) => {
    const started = performance.now();
    let running = true;
    const run = core.call('import.run', { ...job, jobId }, boss).finally(() => {
      running = false;
    });
    const times: number[] = [];
    while (running) {
      await Promise.race([new Promise((r) => setTimeout(r, everyMs)), run]);
      if (running) times.push(await create());
    }
    const res = await run;
    return { added: res.added, s: (performance.now() - started) / 1000, times };
  };
  try {
    const alone: number[] = [];
    // At the pace of the run below (an action, 20 ms idle): after idle, sleeping threads wake and
    // caches are cold, which a tight loop never shows — the two must be measured alike.
    for (let i = 0; i < 60; i++) {
      alone.push(await create());
      await new Promise((r) => setTimeout(r, 20));
    }
    // The rate: a dispatcher files an order every 2 s meanwhile.
    const big = await prepare(file);
    const a = await importWhile(big, 'bench-import-1', 2_000);
    const rate = a.added / a.s;
    const raw = await rawCopyRate(dir, ref);
    const rawShort = await rawCopyRate(dir, ref, COPY_TXN_SHORT);
    table.add({
      what: `台账 import (import.run after its dry run, CSV, ${ROWS.toLocaleString()} rows → closed orders, an orders.create every 2 s meanwhile; the dry run ${Math.round(ROWS / big.checkS).toLocaleString()} rows/s)`,
      value: `${Math.round(rate).toLocaleString()} rows/s`,
      budget: '1 M rows ≤ 60 s, in the background (≥ 16,667 rows/s)',
      pass: rate >= 1_000_000 / 60 && a.added === ROWS,
      baseline: `the same ${raw.rows.toLocaleString()} orders copied raw into the same schema, ${COPY_TXN.toLocaleString()} a transaction: ${Math.round(raw.rate).toLocaleString()} rows/s (${COPY_TXN_SHORT.toLocaleString()} a transaction: ${Math.round(rawShort.rate).toLocaleString()})`,
      ratio: rate / raw.rate,
    });
    table.add({
      what: `orders.create every 2 s during that import, each after a quiet stretch (100 ms transactions of 50-order steps): p95 of ${a.times.length} vs alone`,
      value: `${pct(a.times, 0.95).toFixed(2)} ms`,
      budget: '≤ 30 ms',
      pass: pct(a.times, 0.95) <= 30,
      baseline: `alone p95 ${pct(alone, 0.95).toFixed(2)} ms`,
      ratio: pct(a.times, 0.95) / pct(alone, 0.95),
    });
    // Someone at work: an order every 20 ms during another import (other rows, other orders).
    const b = await importWhile(await prepare(ledger(ROWS, BUSY_ROWS)), 'bench-import-2', 20);
    table.add({
      what: `orders.create round trip every 20 ms while another ${BUSY_ROWS.toLocaleString()}-row import runs (${Math.round(b.added / b.s).toLocaleString()} rows/s meanwhile; p95 of ${b.times.length}) vs alone`,
      value: `${pct(b.times, 0.95).toFixed(2)} ms`,
      budget: '≤ 30 ms; ≤ 1.5× alone',
      pass: pct(b.times, 0.95) <= 30 && pct(b.times, 0.95) <= 1.5 * pct(alone, 0.95) && b.added === BUSY_ROWS,
      baseline: `alone p95 ${pct(alone, 0.95).toFixed(2)} ms`,
      ratio: pct(b.times, 0.95) / pct(alone, 0.95),
    });
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('import-bench.ts')) {
  const { Table } = await import('./table');
  const t = new Table();
  await benchImport(t, join(process.cwd(), '.bench-import'));
  t.print();
}
