/**
 * The evaluation of category suggestion (npm run triage:eval): k folds, each learned from the
 * others and suggested for the held-out one with the same model the app uses; macro-F1,
 * accuracy@1 and @3, per-class F1, ms per suggestion — and the same for two baselines: the most
 * frequent class, and the catalogue's names and keywords only (the cold start).
 */
import { SuggestModel, type CatalogueEntry } from './suggest';
import { seededRandom } from '../../kernel/seeded-random';

export interface LabelledText {
  readonly text: string;
  readonly label: string;
}

export interface ClassScore {
  readonly label: string;
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Metrics {
  readonly acc1: number;
  readonly acc3: number;
  readonly macroF1: number;
  readonly msPerSuggestion: number;
  readonly perClass: readonly ClassScore[];
}

export interface Evaluation {
  readonly n: number;
  readonly classes: number;
  readonly folds: number;
  readonly model: Metrics;
  readonly majority: Metrics;
  readonly catalogueOnly: Metrics;
}

/** A seeded shuffle (kernel/seeded-random.ts), so folds are the same on every run with one seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

class Tally {
  n = 0;
  top1 = 0;
  top3 = 0;
  ms = 0;
  readonly tp = new Map<string, number>();
  readonly fp = new Map<string, number>();
  readonly support = new Map<string, number>();
  add(label: string, ranked: readonly string[]): void {
    this.n++;
    this.support.set(label, (this.support.get(label) ?? 0) + 1);
    const top = ranked[0];
    if (top === label) {
      this.top1++;
      this.tp.set(label, (this.tp.get(label) ?? 0) + 1);
    } else if (top !== undefined) this.fp.set(top, (this.fp.get(top) ?? 0) + 1);
    if (ranked.slice(0, 3).includes(label)) this.top3++;
  }
  metrics(): Metrics {
    const perClass: ClassScore[] = [];
    for (const [label, support] of this.support) {
      const tp = this.tp.get(label) ?? 0;
      const fp = this.fp.get(label) ?? 0;
      const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
      const recall = tp / support;
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      perClass.push({ label, support, precision, recall, f1 });
    }
    perClass.sort((a, b) => b.support - a.support || a.label.localeCompare(b.label));
    return {
      acc1: this.n ? this.top1 / this.n : 0,
      acc3: this.n ? this.top3 / this.n : 0,
      macroF1: perClass.length ? perClass.reduce((s, c) => s + c.f1, 0) / perClass.length : 0,
      msPerSuggestion: this.n ? this.ms / this.n : 0,
      perClass,
    };
  }
}

export function evaluateSuggestions(
  docs: readonly LabelledText[],
  catalogue: readonly CatalogueEntry[],
  opts: { readonly folds?: number; readonly seed?: number; readonly catalogueWeight?: number } = {},
  now: () => number = () => performance.now(),
): Evaluation {
  const k = Math.max(2, Math.min(opts.folds ?? 5, docs.length));
  const order = shuffled(docs, opts.seed ?? 1);
  const model = new Tally();
  const majority = new Tally();
  const cold = new Tally();
  const coldModel = new SuggestModel(catalogue, { catalogueWeight: opts.catalogueWeight ?? 10 });
  for (let f = 0; f < k; f++) {
    const test = order.filter((_, i) => i % k === f);
    const train = order.filter((_, i) => i % k !== f);
    const m = new SuggestModel(catalogue, { catalogueWeight: opts.catalogueWeight ?? 10, openClasses: true });
    const freq = new Map<string, number>();
    for (const d of train) {
      m.add(d.label, d.text);
      freq.set(d.label, (freq.get(d.label) ?? 0) + 1);
    }
    const top = [...freq.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
    for (const d of test) {
      let t0 = now();
      model.add(d.label, m.rank(d.text, 3));
      model.ms += now() - t0;
      majority.add(d.label, top.slice(0, 3));
      t0 = now();
      cold.add(d.label, coldModel.rank(d.text, 3));
      cold.ms += now() - t0;
    }
  }
  return {
    n: docs.length,
    classes: new Set(docs.map((d) => d.label)).size,
    folds: k,
    model: model.metrics(),
    majority: majority.metrics(),
    catalogueOnly: cold.metrics(),
  };
}

/** Precision and recall of duplicate lookups against known pairs. */
export function duplicateScores(
  results: readonly { readonly probe: string; readonly found: readonly string[] }[],
  known: ReadonlyMap<string, string>,
): {
  readonly precision: number;
  readonly recall: number;
  readonly pairs: number;
  readonly returned: number;
} {
  let tp = 0;
  let returned = 0;
  let hit = 0;
  for (const r of results) {
    returned += r.found.length;
    const want = known.get(r.probe);
    if (want !== undefined && r.found.includes(want)) {
      tp++;
      hit++;
    }
  }
  return {
    precision: returned ? tp / returned : 0,
    recall: known.size ? hit / known.size : 0,
    pairs: known.size,
    returned,
  };
}
