/**
 * npm run triage:eval -- [--data-dir <dir>] [--file <csv|xlsx> --text-columns <a,b> --label-column <c> [--time-column <t>]]
 *                        [--folds 5] [--seed 1]
 *
 * Evaluates category suggestion with the app's own model (shared/features/triage/suggest.ts):
 * k folds, each learned from the others; macro-F1, acc@1, acc@3, per-class F1, ms/suggestion,
 * and the two baselines (most frequent class; catalogue names/keywords only). On a store (the
 * closed orders of --data-dir, default a fresh demo store) it also measures triage.duplicates'
 * lookup on the store's known duplicate pairs (the demo seeds them): precision and recall.
 * A file (--file) goes through the app's own 台账 import into a temporary store (CSV in UTF-8,
 * with or without BOM, or GB18030, and .xlsx; labels by code, name or path; rows that fail the
 * import's check are skipped and counted) and is evaluated from there.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateReference } from '../electron/core/features/demo';
import { findDuplicates, ordersForEval } from '../electron/core/features/triage';
import { createInProcessCore } from '../electron/core/runtime/core';
import { openDb } from '../electron/core/store/db';
import { readReferenceSnapshot, writeReference } from '../electron/core/store/reference';
import { LEDGER_CHUNK_BYTES, type ColumnMapping } from '../shared/features/import/contract';
import type { ReferenceData } from '../shared/features/reference/reference';
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
    'time-column': { type: 'string' },
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

const EVAL_ACTOR = { role: 'commander', actor: 'triage-eval' } as const;

/**
 * A labelled file → texts and catalogue codes, through the app's own 台账 import: the file is
 * uploaded in chunks into a temporary store (the catalogue of `--data-dir`, else the demo's),
 * previewed (the guessed mapping, overridden by --text-columns / --label-column /
 * --time-column), checked and imported with bad rows skipped (their count and the labels the
 * catalogue lacks are printed); the imported orders are then read back from the store.
 */
async function fromFile(path: string, catalogue: readonly CatalogueEntry[]): Promise<LabelledText[]> {
  const textCols = (values['text-columns'] ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const labelCol = values['label-column']?.trim();
  if (textCols.length === 0 || !labelCol) throw new Error('--file 需要 --text-columns 和 --label-column');
  if (textCols.length > 2) throw new Error('--text-columns 最多两列（标题、诉求内容）');
  const dir = mkdtempSync(join(tmpdir(), 'triage-eval-file-'));
  try {
    const db = openDb(dir);
    writeReference(db, { ...generateReference(seed), categories: catalogue as ReferenceData['categories'] });
    db.close();
    const core = await createInProcessCore({ dataDir: dir, host: 'test', liveDemo: false });
    try {
      const bytes = readFileSync(path);
      const begin = await core.call(
        'import.uploadBegin',
        { fileName: basename(path), size: bytes.length },
        EVAL_ACTOR,
      );
      for (let at = 0; at < bytes.length;) {
        const part = bytes.subarray(at, at + LEDGER_CHUNK_BYTES);
        const s = await core.call(
          'import.uploadChunk',
          { uploadId: begin.uploadId, offset: at, data: part.toString('base64') },
          EVAL_ACTOR,
        );
        at = s.received;
      }
      const preview = await core.call('import.preview', { uploadId: begin.uploadId }, EVAL_ACTOR);
      const col = (name: string): number => {
        const i = preview.headers.findIndex((h) => h.trim() === name);
        if (i < 0) throw new Error(`文件中没有「${name}」列（有：${preview.headers.join('、')}）`);
        return i;
      };
      const mapping: ColumnMapping = {
        ...preview.mapping,
        title: textCols.length === 2 ? col(textCols[0]!) : undefined,
        text: col(textCols[textCols.length - 1]!),
        category: col(labelCol),
        ...(values['time-column'] ? { receivedAt: col(values['time-column'].trim()) } : {}),
      };
      if (mapping.receivedAt === undefined)
        throw new Error('找不到受理时间列，请用 --time-column 指定（导入需要受理时间）');
      const input = { uploadId: begin.uploadId, mapping, categoryMap: {} };
      const check = await core.call('import.check', input, EVAL_ACTOR);
      const run = await core.call(
        'import.run',
        { ...input, jobId: `eval-${Date.now().toString(36)}`, skipBadRows: true },
        EVAL_ACTOR,
      );
      console.log(
        `导入 import: ${check.rows} 行, ${run.added} 行已导入, ${check.refused} 行未通过检查（跳过）` +
          (check.unknownCategories.length
            ? `, 目录中没有的分类: ${check.unknownCategories.map((u) => `${u.text}(${u.rows})`).join('、')}`
            : ''),
      );
      for (const e of check.errors.slice(0, 5)) console.log(`  第 ${e.row} 行「${e.column}」：${e.message}`);
    } finally {
      await core.close();
    }
    const read = openDb(dir);
    try {
      return ordersForEval(read)
        .filter((r) => r.id.startsWith('imp-'))
        .map((r) => ({
          text: evalText(textCols.length, r.title, r.description),
          label: r.categoryCode,
        }));
    } finally {
      read.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text as the file had it: title and content, or the content alone (the import derives a title from it). */
function evalText(columns: number, title: string, description: string): string {
  return columns === 2 ? `${title} ${description}` : description;
}

async function main(): Promise<void> {
  let dir = values['data-dir'];
  let temp: string | null = null;
  let catalogue: readonly CatalogueEntry[] = generateReference(1).categories;
  let docs: LabelledText[];
  let dup: ReturnType<typeof duplicateScores> | null = null;
  let assetLine: string | null = null;
  const t0 = performance.now();
  if (values.file) {
    if (dir) {
      const db = openDb(dir);
      try {
        catalogue = readReferenceSnapshot(db).categories;
      } finally {
        db.close();
      }
    }
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
      const sameAssetHits = new Map<string, boolean>();
      const results = probes.map((r) => {
        const found = findDuplicates(db, {
          ...(r.lng !== null && r.lat !== null ? { point: [r.lng, r.lat] as const } : {}),
          ...(r.communityCode ? { communityCode: r.communityCode } : {}),
          text: `${r.title} ${r.description}`,
          address: r.address,
          categoryCode: r.categoryCode,
          receivedAt: r.receivedAt,
          excludeOrderId: r.id,
        });
        const want = known.get(r.id);
        const hit = found.find((c) => c.orderId === want);
        if (hit) sameAssetHits.set(r.id, hit.reasons.includes('same_asset'));
        return { probe: r.id, found: found.map((c) => c.orderId), top: found[0]?.orderId ?? null };
      });
      dup = duplicateScores(results, known);
      console.log(
        `重复检测 duplicates: ${dup.pairs} known pairs, ${probes.length} lookups, ${((performance.now() - d0) / Math.max(1, probes.length)).toFixed(2)} ms/lookup`,
      );
      // 同一部件: the pairs on an asset (second report "…AR", generator/asset-duplicates.ts).
      const onAsset = new Map([...known].filter(([id]) => id.endsWith('AR')));
      const assetScores = duplicateScores(
        results.filter((r) => onAsset.has(r.probe)),
        onAsset,
      );
      const top1 = results.filter((r) => onAsset.has(r.probe) && r.top === onAsset.get(r.probe)).length;
      const viaAsset = [...onAsset.keys()].filter((id) => sameAssetHits.get(id) === true).length;
      assetLine =
        `同一部件 pairs on an asset: ${onAsset.size}, recall ${pct(assetScores.recall)}, ` +
        `ranked first ${pct(onAsset.size ? top1 / onAsset.size : 0)}, found with reason 同一部件 ${viaAsset}`;
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
  if (assetLine) console.log(assetLine);
  if (temp) rmSync(temp, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
