/**
 * Category suggestion (分类建议): a multinomial naive Bayes over character n-grams of the appeal's
 * text. Pure: the model is counts, built from the catalogue (cold start: every leaf's name, its
 * parents' names and keywords, as pseudo-documents) and from the hall's closed orders (added one
 * by one, so the core can learn incrementally as orders close). A suggestion names the words that
 * drove it: runs of the text whose n-grams are much likelier under that category than overall.
 */

/** Characters kept: CJK ideographs, ASCII letters (lower-cased). Digits, spaces, punctuation split runs. */
const KEEP = /[\u3400-\u9fff\uf900-\ufaffa-z]/;

/** The text as runs of kept characters. */
export function textRuns(text: string): string[] {
  const runs: string[] = [];
  let cur = '';
  for (const ch of text.toLowerCase()) {
    if (KEEP.test(ch)) cur += ch;
    else if (cur) {
      runs.push(cur);
      cur = '';
    }
  }
  if (cur) runs.push(cur);
  return runs;
}

/** A feature at a position: the n-gram and where it starts in its run. */
interface Gram {
  readonly g: string;
  readonly run: number;
  readonly at: number;
  readonly len: number;
}

/** Character bigrams and trigrams of each run (a one-character run gives its unigram). */
function grams(text: string): Gram[] {
  const out: Gram[] = [];
  textRuns(text).forEach((r, run) => {
    if (r.length === 1) out.push({ g: r, run, at: 0, len: 1 });
    for (let i = 0; i + 2 <= r.length; i++) out.push({ g: r.slice(i, i + 2), run, at: i, len: 2 });
    for (let i = 0; i + 3 <= r.length; i++) out.push({ g: r.slice(i, i + 3), run, at: i, len: 3 });
  });
  return out;
}

/** The n-grams of a text (the unit the model counts). */
export function features(text: string): string[] {
  return grams(text).map((x) => x.g);
}

export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly parentCode: string | null;
  readonly keywords?: readonly string[];
  readonly staffOnly?: boolean;
  readonly emergency?: unknown;
}

export interface Suggestion {
  readonly categoryCode: string;
  /** 0..1, the share of the top scores' probability mass (calibrated by temperature). */
  readonly confidence: number;
  /** The words of the text that drove it, strongest first (at most 3). */
  readonly words: readonly string[];
}

const ALPHA = 0.1;
/** A catalogue pseudo-document counts as this many orders (names are few words but sure). */
const CATALOGUE_WEIGHT = 3;

/**
 * The model: per feature, counts per class; per class, documents and total features. Classes are
 * the catalogue's leaves; an order filed under a non-leaf or unknown code is not learned.
 */
export class SuggestModel {
  private readonly classes: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly feat = new Map<string, Map<number, number>>();
  private readonly featTotal = new Map<string, number>();
  private docs: number[] = [];
  private tokens: number[] = [];
  private totalTokens = 0;
  private totalDocs = 0;
  private readonly openClasses: boolean;
  /** Orders learned (not catalogue pseudo-documents). */
  learned = 0;

  constructor(
    catalogue: readonly CatalogueEntry[],
    opts: {
      readonly catalogue?: boolean;
      readonly catalogueWeight?: number;
      /** Learn classes the catalogue lacks (an imported 台账's own categories; the evaluation). */
      readonly openClasses?: boolean;
    } = {},
  ) {
    this.openClasses = opts.openClasses ?? false;
    const byCode = new Map(catalogue.map((c) => [c.code, c]));
    for (const c of catalogue) {
      if (c.level !== 3 || c.emergency) continue;
      this.index.set(c.code, this.classes.length);
      this.classes.push(c.code);
      this.docs.push(0);
      this.tokens.push(0);
    }
    if (opts.catalogue === false) return;
    for (const c of catalogue) {
      if (!this.index.has(c.code)) continue;
      const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
      const text = [
        c.name,
        c.name,
        ...(c.keywords ?? []),
        parent?.name ?? '',
        ...(parent?.keywords ?? []),
      ].join(' ');
      this.add(c.code, text, opts.catalogueWeight ?? CATALOGUE_WEIGHT);
    }
  }

  get classCount(): number {
    return this.classes.length;
  }

  get vocabulary(): number {
    return this.feat.size;
  }

  /** Learns one document of a class (weight: how many documents it counts as). */
  add(code: string, text: string, weight = 1): boolean {
    let k = this.index.get(code);
    if (k === undefined && this.openClasses) {
      k = this.classes.length;
      this.index.set(code, k);
      this.classes.push(code);
      this.docs.push(0);
      this.tokens.push(0);
    }
    if (k === undefined) return false;
    const fs = features(text);
    for (const f of fs) {
      let m = this.feat.get(f);
      if (!m) this.feat.set(f, (m = new Map()));
      m.set(k, (m.get(k) ?? 0) + weight);
      this.featTotal.set(f, (this.featTotal.get(f) ?? 0) + weight);
    }
    this.docs[k] = (this.docs[k] ?? 0) + weight;
    this.tokens[k] = (this.tokens[k] ?? 0) + fs.length * weight;
    this.totalTokens += fs.length * weight;
    this.totalDocs += weight;
    if (weight === 1) this.learned++;
    return true;
  }

  /** Every class scored (log-space), best first; `exclude` drops classes (staff-only for a citizen). */
  private scores(fs: readonly string[]): Float64Array {
    const n = this.classes.length;
    const v = Math.max(1, this.feat.size);
    const out = new Float64Array(n);
    const denom = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      denom[k] = Math.log((this.tokens[k] ?? 0) + ALPHA * v);
      // A flattened prior (square root): frequent classes must not drown rare ones.
      out[k] = 0.5 * Math.log(((this.docs[k] ?? 0) + 1) / (this.totalDocs + n));
    }
    // Each feature: log P(f|k) = log(n_fk + α) − denom_k; the α part is added for all, the
    // count part only for the classes that have the feature (sparse).
    const la = Math.log(ALPHA);
    const hMax = Math.log(n);
    let sumW = 0;
    for (const f of fs) {
      const m = this.feat.get(f);
      if (!m) continue; // unseen everywhere: the same for every class
      // Weighted by how concentrated the feature is across classes (1 − normalised entropy):
      // a place name that occurs under every category says nothing about the category.
      const e = this.entry(f, m, hMax);
      if (e.w <= 0) continue;
      sumW += e.w;
      for (let i = 0; i < e.ks.length; i++) out[e.ks[i]!]! += e.w * e.ls[i]!;
    }
    // The α part of every feature, for every class at once.
    for (let k = 0; k < n; k++) out[k]! += sumW * (la - denom[k]!);
    return out;
  }

  private readonly entries = new Map<
    string,
    { readonly at: number; readonly w: number; readonly ks: Int32Array; readonly ls: Float64Array }
  >();

  /**
   * Per feature, cached until its counts change: its weight (1 − the normalised entropy of its
   * class distribution, per class size) and, sparse, log(count + α) − log α per class that has it.
   */
  private entry(f: string, m: ReadonlyMap<number, number>, hMax: number) {
    const total = this.featTotal.get(f) ?? 0;
    const hit = this.entries.get(f);
    if (hit && hit.at === total) return hit;
    let sum = 0;
    const ps: number[] = [];
    const ks = new Int32Array(m.size);
    const ls = new Float64Array(m.size);
    const la = Math.log(ALPHA);
    let i = 0;
    for (const [k, c] of m) {
      const p = c / Math.max(1, this.tokens[k] ?? 0);
      ps.push(p);
      sum += p;
      ks[i] = k;
      ls[i] = Math.log(c + ALPHA) - la;
      i++;
    }
    let h = 0;
    for (const p of ps) if (p > 0) h -= (p / sum) * Math.log(p / sum);
    const e = { at: total, w: hMax > 0 ? Math.max(0, 1 - h / hMax) : 1, ks, ls };
    this.entries.set(f, e);
    return e;
  }

  /** Top `limit` suggestions with confidence and driving words; [] when the text says nothing known. */
  suggest(
    text: string,
    opts: { readonly limit?: number; readonly allow?: (code: string) => boolean } = {},
  ): Suggestion[] {
    const limit = opts.limit ?? 3;
    const gs = grams(text);
    const fs = gs.map((g) => g.g).filter((f) => this.feat.has(f));
    if (fs.length === 0) return [];
    const s = this.scores(fs);
    const order: number[] = [];
    for (let k = 0; k < s.length; k++) if (!opts.allow || opts.allow(this.classes[k]!)) order.push(k);
    order.sort((a, b) => s[b]! - s[a]!);
    const top = order.slice(0, Math.max(limit, 10));
    if (top.length === 0) return [];
    // Naive Bayes is overconfident (features are not independent): temper by the feature count.
    const temp = Math.max(1, Math.sqrt(fs.length));
    const best = s[top[0]!]!;
    const w = top.map((k) => Math.exp((s[k]! - best) / temp));
    const sum = w.reduce((a, b) => a + b, 0);
    return top.slice(0, limit).map((k, i) => ({
      categoryCode: this.classes[k]!,
      confidence: Math.round((w[i]! / sum) * 1000) / 1000,
      words: this.words(text, gs, k),
    }));
  }

  /** The code with the highest score for a text, or null (the evaluation's acc@1 path). */
  rank(text: string, limit: number): string[] {
    return this.suggest(text, { limit }).map((x) => x.categoryCode);
  }

  /**
   * Words that drove class k: positions whose n-gram is much likelier under k than over
   * all classes, merged into runs of the text, ranked by their summed lift.
   */
  private words(text: string, gs: readonly Gram[], k: number): string[] {
    const runs = textRuns(text);
    const v = Math.max(1, this.feat.size);
    // At least 4× likelier (with few classes, half the class count: no n-gram can do better).
    const minLift = Math.log(Math.max(1.5, Math.min(4, this.classes.length / 2)));
    const lifts: { run: number; at: number; end: number; lift: number }[] = [];
    for (const g of gs) {
      if (g.len < 2) continue;
      const m = this.feat.get(g.g);
      const c = m?.get(k) ?? 0;
      if (c === 0) continue;
      const pk = (c + ALPHA) / ((this.tokens[k] ?? 0) + ALPHA * v);
      const pAll = ((this.featTotal.get(g.g) ?? 0) + ALPHA) / (this.totalTokens + ALPHA * v);
      const lift = Math.log(pk / pAll);
      if (lift >= minLift) lifts.push({ run: g.run, at: g.at, end: g.at + g.len, lift });
    }
    lifts.sort((a, b) => a.run - b.run || a.at - b.at);
    const spans: { word: string; score: number }[] = [];
    let cur: { run: number; at: number; end: number; score: number } | null = null;
    const flush = (): void => {
      if (cur) spans.push({ word: (runs[cur.run] ?? '').slice(cur.at, cur.end), score: cur.score });
    };
    for (const l of lifts) {
      if (cur && cur.run === l.run && l.at < cur.end) {
        cur.end = Math.max(cur.end, l.end);
        cur.score += l.lift;
      } else {
        flush();
        cur = { run: l.run, at: l.at, end: l.end, score: l.lift };
      }
    }
    flush();
    // Strongest first; a word inside one already named (路灯 in 路灯不亮) is not named again.
    const kept: string[] = [];
    for (const s of spans.sort((a, b) => b.score - a.score))
      if (s.word.length >= 2 && !kept.some((k) => k.includes(s.word))) kept.push(s.word);
    return kept.slice(0, 3);
  }
}

/**
 * Does the filed category disagree with the text? Yes when the model is sure of another leaf
 * (top confidence ≥ 0.5) and the filed one is not among the top three.
 */
export function categoryDoubt(
  suggestions: readonly Suggestion[],
  filed: string,
): { readonly suggested: Suggestion } | null {
  const top = suggestions[0];
  if (!top || top.confidence < 0.5) return null;
  if (suggestions.slice(0, 3).some((s) => s.categoryCode === filed)) return null;
  return { suggested: top };
}
