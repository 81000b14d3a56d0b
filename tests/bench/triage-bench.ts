/**
 * Triage budgets (issue 14): a category suggestion with the model at the size of a 1 M-order
 * store (learned from the store's closed orders, the way the app learns), and a duplicate
 * lookup (triage.duplicates' search: community index × received-time range, then scoring).
 * Run alone: `npx tsx tests/bench/triage-bench.ts <dataDir>` (e.g. a demo store).
 */
import { findDuplicates, ordersForEval, storeModel } from '../../electron/core/features/triage';
import { openReader } from '../../electron/core/store/db';
import { SuggestModel } from '../../shared/features/triage/suggest';
import { readReferenceSnapshot } from '../../electron/core/store/reference';
import { Table } from './table';

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

export async function benchTriage(table: Table, dataDir: string, storeLabel: string): Promise<void> {
  // Read-only: it runs on kept stores (on-store.ts) that must never be migrated or written.
  const db = openReader(dataDir);
  try {
    const rows = ordersForEval(db);
    const texts = rows.slice(-2000).map((r) => `${r.title} ${r.description}`);
    // Learn the whole store (each call learns the next batch past the watermark).
    const t0 = performance.now();
    let model = storeModel(db);
    for (let before = -1; model.learned !== before;) {
      before = model.learned;
      model = storeModel(db);
    }
    const learnMs = performance.now() - t0;
    const cold = new SuggestModel(readReferenceSnapshot(db).categories, { catalogueWeight: 10 });
    const time = (m: SuggestModel): number[] =>
      texts.map((t) => {
        const s = performance.now();
        m.suggest(t, { limit: 3 });
        return performance.now() - s;
      });
    time(model); // warm
    const learned = time(model);
    const base = time(cold);
    table.add({
      what: `category suggestion (top 3 + words; p95 of ${texts.length}), model learned from ${model.learned.toLocaleString()} closed orders of the ${storeLabel} store (${model.vocabulary.toLocaleString()} n-grams; learning took ${(learnMs / 1000).toFixed(1)} s off the writer)`,
      value: `${pct(learned, 0.95).toFixed(3)} ms`,
      budget: '≤ 2 ms',
      pass: pct(learned, 0.95) <= 2,
      baseline: `catalogue-only model ${pct(base, 0.95).toFixed(3)} ms`,
      ratio: pct(learned, 0.95) / pct(base, 0.95),
    });
    const probes = rows.filter((r) => r.lng !== null).slice(-300);
    const dup = probes.map((r) => {
      const s = performance.now();
      findDuplicates(db, {
        point: [r.lng as number, r.lat as number],
        text: `${r.title} ${r.description}`,
        address: r.address,
        categoryCode: r.categoryCode,
        receivedAt: r.receivedAt,
        excludeOrderId: r.id,
      });
      return performance.now() - s;
    });
    table.add({
      what: `duplicate lookup (triage.duplicates: community × 14-day window + open orders on the same 部件, scored; p95 of ${probes.length}), ${storeLabel} store`,
      value: `${pct(dup, 0.95).toFixed(2)} ms`,
      budget: '≤ 5 ms',
      pass: pct(dup, 0.95) <= 5,
      baseline: `median ${pct(dup, 0.5).toFixed(2)} ms`,
      ratio: pct(dup, 0.95) / pct(dup, 0.5),
    });
  } finally {
    db.close();
  }
}

if (process.argv[1]?.endsWith('triage-bench.ts') && process.argv[2]) {
  const table = new Table();
  await benchTriage(table, process.argv[2], process.argv[3] ?? 'given');
  table.print();
}
