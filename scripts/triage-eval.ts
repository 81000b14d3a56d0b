/**
 * npm run triage:eval -- [--data-dir <dir>] [--file <csv|xlsx> --text-columns <a,b> --label-column <c>]
 *                        [--folds 5] [--seed 1]
 *
 * Evaluates category suggestion with the app's own model (shared/features/triage/suggest.ts):
 * k folds, each learned from the others; macro-F1, acc@1, acc@3, per-class F1, ms/suggestion,
 * and the two baselines (most frequent class; catalogue names/keywords only). On a store (the
 * closed orders of --data-dir, default a fresh demo store) it also measures triage.duplicates'
 * lookup on the store's known duplicate pairs (the demo seeds them): precision and recall.
 * A file is read with the 台账 import's reader (electron/core/features/import: CSV in UTF-8,
 * with or without BOM, or GB18030, and .xlsx).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateReference } from '../electron/core/features/demo';
import { openLedger } from '../electron/core/features/import';
import { findDuplicates, ordersForEval } from '../electron/core/features/triage';
import { createInProcessCore } from '../electron/core/runtime/core';
import { openDb } from '../electron/core/store/db';
import { readReferenceSnapshot } from '../electron/core/store/reference';
import type { CatalogueEntry } from '../shared/features/triage/suggest';
import {
  duplicateScores,
  evaluateSuggestions,
  type LabelledText,
  type Metrics,
} from '../shared/features/triage/evaluate';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    file: { type: 'string' },
    'text-columns': { type: 'string' },
    'label-column': { type: 'string' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    'per-class': { type: 'string', default: '30' },
  },
});
const folds = Number(values.folds);
const seed = Number(values.seed);

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function table(label: string, m: Metrics): string {
  return `${label.padEnd(22)} ${pct(m.macroF1).padStart(8)} ${pct(m.acc1).padStart(8)} ${pct(m.acc3).padStart(8)} ${m.msPerSuggestion.toFixed(3).padStart(10)}`;
}

/** A label of the file (a code, a leaf name, or a path "a/b/c", "a>b>c", "a-b-c") → a catalogue code when known. */
function labelOf(raw: string, byName: ReadonlyMap<string, string>, codes: ReadonlySet<string>): string {
  const s = raw.trim();
  if (codes.has(s)) return s;
  const last =
    s
      .split(/[/>＞\-—|｜\\]/)
      .pop()
      ?.trim() ?? s;
  return byName.get(last) ?? byName.get(s) ?? s;
}

async function fromFile(path: string, catalogue: readonly CatalogueEntry[]): Promise<LabelledText[]> {
  const textCols = (values['text-columns'] ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const labelCol = values['label-column']?.trim();
  if (textCols.length === 0 || !labelCol) throw new Error('--file 需要 --text-columns 和 --label-column');
  const leaves = catalogue.filter((c) => c.level === 3);
  const byName = new Map(leaves.map((c) => [c.name, c.code]));
  const codes = new Set(leaves.map((c) => c.code));
  const docs: LabelledText[] = [];
  let header: string[] | null = null;
  let ti: number[] = [];
  let li = -1;
  for await (const row of openLedger(path).rows()) {
    if (!header) {
      header = row.cells.map((c) => c.trim());
      ti = textCols.map((c) => header!.indexOf(c));
      li = header.indexOf(labelCol);
      const missing = [...textCols.filter((_, i) => ti[i]! < 0), ...(li < 0 ? [labelCol] : [])];
      if (missing.length)
        throw new Error(`文件中没有这些列：${missing.join('、')}（有：${header.join('、')}）`);
      continue;
    }
    const label = row.cells[li]?.trim() ?? '';
    const text = ti
      .map((i) => row.cells[i] ?? '')
      .join(' ')
      .trim();
    if (label && text) docs.push({ text, label: labelOf(label, byName, codes) });
  }
  return docs;
}

async function main(): Promise<void> {
  let dir = values['data-dir'];
  let temp: string | null = null;
  let catalogue: readonly CatalogueEntry[] = generateReference(1).categories;
  let docs: LabelledText[];
  let dup: ReturnType<typeof duplicateScores> | null = null;
  const t0 = performance.now();
  if (values.file) {
    docs = await fromFile(values.file, catalogue);
    console.log(`文件 ${values.file}: ${docs.length} 行`);
  } else {
    if (!dir) {
      temp = dir = mkdtempSync(join(tmpdir(), 'triage-eval-'));
      const core = await createInProcessCore({ dataDir: dir, host: 'test', demo: { seed }, liveDemo: false });
      await core.close();
      console.log(`演示数据 demo store (seed ${seed}) in ${Math.round(performance.now() - t0)} ms`);
    }
    const db = openDb(dir);
    try {
      catalogue = readReferenceSnapshot(db).categories;
      const rows = ordersForEval(db);
      docs = rows
        .filter((r) => r.status === 'closed')
        .map((r) => ({ text: `${r.title} ${r.description}`, label: r.categoryCode }));
      // Duplicates: the known pairs (a merged second report "…R" → its first), and as many
      // other orders again, each looked up as the app does at intake.
      const known = new Map(
        rows.filter((r) => r.mergedInto && r.id.endsWith('R')).map((r) => [r.id, r.mergedInto as string]),
      );
      const others = rows.filter((r) => !known.has(r.id) && r.lng !== null);
      const step = Math.max(1, Math.floor(others.length / Math.max(1, known.size)));
      const probes = [...rows.filter((r) => known.has(r.id)), ...others.filter((_, i) => i % step === 0)];
      const d0 = performance.now();
      const results = probes.map((r) => ({
        probe: r.id,
        found: findDuplicates(db, {
          ...(r.lng !== null && r.lat !== null ? { point: [r.lng, r.lat] as const } : {}),
          ...(r.communityCode ? { communityCode: r.communityCode } : {}),
          text: `${r.title} ${r.description}`,
          categoryCode: r.categoryCode,
          receivedAt: r.receivedAt,
          excludeOrderId: r.id,
        }).map((c) => c.orderId),
      }));
      dup = duplicateScores(results, known);
      console.log(
        `重复检测 duplicates: ${dup.pairs} known pairs, ${probes.length} lookups, ${((performance.now() - d0) / Math.max(1, probes.length)).toFixed(2)} ms/lookup`,
      );
    } finally {
      db.close();
    }
  }
  const ev = evaluateSuggestions(docs, catalogue, { folds, seed });
  const names = new Map(catalogue.map((c) => [c.code, c.name]));
  console.log(
    `\n分类建议 category suggestion: ${ev.n} orders, ${ev.classes} classes, ${ev.folds} folds, seed ${seed}`,
  );
  console.log(
    `${''.padEnd(22)} ${'macro-F1'.padStart(8)} ${'acc@1'.padStart(8)} ${'acc@3'.padStart(8)} ${'ms/sugg'.padStart(10)}`,
  );
  console.log(table('model (n-gram NB)', ev.model));
  console.log(table('baseline: majority', ev.majority));
  console.log(table('baseline: catalogue', ev.catalogueOnly));
  const beats =
    ev.model.macroF1 > ev.majority.macroF1 &&
    ev.model.macroF1 > ev.catalogueOnly.macroF1 &&
    ev.model.acc1 > ev.majority.acc1 &&
    ev.model.acc1 > ev.catalogueOnly.acc1;
  console.log(`model beats both baselines (macro-F1 and acc@1): ${beats ? 'yes' : 'NO'}`);
  const limit = Number(values['per-class']);
  console.log(
    `\nper-class F1 (model; ${Math.min(limit, ev.model.perClass.length)} largest of ${ev.model.perClass.length}; --per-class N):`,
  );
  for (const c of ev.model.perClass.slice(0, limit))
    console.log(
      `  ${(names.get(c.label) ?? c.label).padEnd(16, '　')} n=${String(c.support).padStart(5)}  P ${pct(c.precision).padStart(6)}  R ${pct(c.recall).padStart(6)}  F1 ${pct(c.f1).padStart(6)}`,
    );
  if (dup)
    console.log(
      `\n重复检测 duplicates: precision ${pct(dup.precision)}  recall ${pct(dup.recall)}  (${dup.returned} candidates returned)`,
    );
  if (temp) rmSync(temp, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
