/**
 * 一类事: orders about the same problem at the same place, across channels (12345, 网格巡查,
 * 物联感知, 来访…), grouped by text, place and time. Pure: the core reads the window's orders.
 *
 * Text: the character bigrams of triage's n-grams (`features`) of title + description, minus
 * the bigrams of the order's address (a building's name says where, not what), weighted by
 * tf·idf over the window, so stock phrases every caller uses (市民来电反映, 希望尽快解决) weigh
 * little and the problem's own words (电梯, 故障, 暖气, 不热) weigh much. Title bigrams count twice.
 * Place: the same community, and for the `spot` grain within SPOT_RADIUS_M of the cluster's first
 * point (a building, a corner). Time: the window and the period before it, of equal length.
 * Clustering: leader clustering in time order, each order joining the most alike cluster of its
 * place whose centroid it matches at ≥ JOIN_SIMILARITY (cosine).
 */
import { metres } from '../triage/duplicates';

/** Orders within this distance of a cluster's first point are at its spot. */
export const SPOT_RADIUS_M = 150;
/** Cosine similarity (tf·idf) an order needs to join a cluster. */
export const JOIN_SIMILARITY = 0.45;
/** Added to the similarity when the order has the cluster's (first order's) category. */
export const SAME_CATEGORY_BONUS = 0.3;
/** An order looks up the clusters sharing one of its strongest terms. */
const LOOKUP_TERMS = 6;
/**
 * Per place and term, only the clusters most recently joined or started are looked up. A busy
 * street (1 M orders a year: ~4,000 per community in the 60 days read) has hundreds of clusters
 * under a common word (噪音, 停车); comparing each order with all of them made the call
 * quadratic (11 s at 1 M). A problem still being reported stays recent, so it stays findable.
 */
const RECENT_PER_TERM = 16;
/** A candidate has at least this many orders in the window. */
export const MIN_CANDIDATE = 3;
/** Weights of the ranking score (shown in words on the panel). */
export const SCORE_GROWTH = 0.5;
export const SCORE_UNSATISFIED = 2;

export type PlaceGrain = 'spot' | 'community';

export interface ClusterOrder {
  readonly id: string;
  readonly receivedAt: number;
  readonly source: string;
  readonly categoryCode: string;
  readonly communityCode: string | null;
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly lng: number | null;
  readonly lat: number | null;
  /** The 回访 result, when called back. */
  readonly satisfaction: string | null;
  /** Sent back for rework or reopened. */
  readonly reworked: boolean;
}

export type Vec = ReadonlyMap<number, number>;

/** What identifies a cluster later (the problem bank's before/after figures). */
export interface ClusterSignature {
  readonly grain: PlaceGrain;
  readonly community: string | null;
  /** The first order's category (an order of it gets SAME_CATEGORY_BONUS, as in the clustering). */
  readonly category?: string | null | undefined;
  /** The first point (spot grain). */
  readonly center: readonly [number, number] | null;
  readonly radiusM: number | null;
  /** The normalised centroid's strongest terms. */
  readonly terms: Readonly<Record<string, number>>;
  /** The idf of each term, and for terms not listed. */
  readonly idf: Readonly<Record<string, number>>;
  readonly defaultIdf: number;
}

export type CandidateReason =
  | { readonly code: 'size'; readonly n: number; readonly days: number }
  | { readonly code: 'growth'; readonly n: number; readonly prev: number; readonly pct: number }
  | { readonly code: 'new'; readonly n: number }
  | { readonly code: 'channels'; readonly count: number; readonly sources: readonly string[] }
  | { readonly code: 'unsatisfied'; readonly n: number; readonly callbacks: number; readonly pct: number }
  | { readonly code: 'rework'; readonly n: number }
  | { readonly code: 'spot'; readonly place: string; readonly radiusM: number }
  | { readonly code: 'community'; readonly community: string };

export interface ProblemCandidate {
  /** Stable for the same cluster over a day's reloads: community, first order, grain. */
  readonly key: string;
  /** The problem in a few words (the most common title without its place). */
  readonly label: string;
  /** The most common place of its orders. */
  readonly place: string;
  readonly community: string | null;
  /** Orders in the window, and in the period before it. */
  readonly n: number;
  readonly prev: number;
  readonly sources: ReadonlyArray<{ readonly source: string; readonly n: number }>;
  readonly categories: ReadonlyArray<{ readonly code: string; readonly n: number }>;
  readonly callbacks: number;
  readonly unsatisfied: number;
  readonly rework: number;
  readonly score: number;
  readonly reasons: readonly CandidateReason[];
  /** The window's orders, newest first (≤ 500): the drill-down. */
  readonly ids: readonly string[];
  readonly signature: ClusterSignature;
}

/** Index of a kept character (CJK, compatibility ideographs, a–z), or −1: terms stay small integers. */
function charIndex(c: number): number {
  if (c >= 0x3400 && c <= 0x9fff) return c - 0x3400;
  if (c >= 0xf900 && c <= 0xfaff) return 0x6c00 + (c - 0xf900);
  if (c >= 97 && c <= 122) return 0x6e00 + (c - 97);
  return -1;
}

function charOf(i: number): string {
  return String.fromCharCode(i < 0x6c00 ? i + 0x3400 : i < 0x6e00 ? i - 0x6c00 + 0xf900 : i - 0x6e00 + 97);
}

const BASE = 0x6e00 + 26;

/** A bigram as a small integer (V8 keeps it unboxed): no string per bigram, so little garbage. */
export type Term = number;

export function termOf(bigram: string): Term {
  const a = charIndex(bigram.toLowerCase().charCodeAt(0));
  const b = charIndex(bigram.toLowerCase().charCodeAt(1));
  return a < 0 || b < 0 ? -1 : a * BASE + b;
}

export function termText(t: Term): string {
  return charOf(Math.floor(t / BASE)) + charOf(t % BASE);
}

/**
 * The character bigrams of triage's n-grams (`features` of triage/suggest.ts: runs of CJK and
 * letters, lower-cased, split by digits, spaces and punctuation), without its trigrams: the same
 * units, built in one pass as numbers (the clustering reads thousands of orders per call).
 */
export function bigramsOf(text: string): Term[] {
  const out: Term[] = [];
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    const k = charIndex(c);
    if (k >= 0 && prev >= 0) out.push(prev * BASE + k);
    prev = k;
  }
  return out;
}

/** Raw term counts of an order (title twice), its place's bigrams left out. */
export function termCounts(o: Pick<ClusterOrder, 'title' | 'description' | 'address'>): Map<Term, number> {
  const place = new Set(bigramsOf(o.address));
  const tf = new Map<Term, number>();
  for (const g of bigramsOf(o.title)) if (!place.has(g)) tf.set(g, (tf.get(g) ?? 0) + 2);
  for (const g of bigramsOf(o.description)) if (!place.has(g)) tf.set(g, (tf.get(g) ?? 0) + 1);
  return tf;
}

/** Inverse document frequency of each term over a set of term maps. */
export function idfOf(docs: ReadonlyArray<ReadonlyMap<Term, number>>): {
  idf: Map<Term, number>;
  def: number;
} {
  const df = new Map<Term, number>();
  for (const d of docs) for (const g of d.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<Term, number>();
  for (const [g, c] of df) idf.set(g, Math.log((n + 1) / (c + 0.5)));
  return { idf, def: Math.log((n + 1) / 0.5) };
}

/** A unit tf·idf vector (sublinear tf). */
export function weigh(tf: ReadonlyMap<Term, number>, idf: (g: Term) => number): Map<Term, number> {
  const v = new Map<Term, number>();
  let norm = 0;
  for (const [g, c] of tf) {
    const w = (1 + Math.log(c)) * Math.max(0, idf(g));
    if (w <= 0) continue;
    v.set(g, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [g, w] of v) v.set(g, w / norm);
  return v;
}

/** Dot product of two sparse vectors. */
export function dot(a: Vec, b: Vec): number {
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  let d = 0;
  for (const [g, w] of s) {
    const x = l.get(g);
    if (x !== undefined) d += w * x;
  }
  return d;
}

interface Work {
  readonly first: ClusterOrder;
  readonly point: readonly [number, number] | null;
  /** Sum of the members' unit vectors and its squared norm (cosine = dot / norm). */
  readonly sum: Map<Term, number>;
  norm2: number;
  readonly members: ClusterOrder[];
}

interface Bucket {
  readonly byTerm: Map<Term, Set<Work>>;
}

/** The k heaviest terms of a vector, heaviest first (no sort of the whole vector: ~30 terms, k 6). */
function strongest(v: Vec, k: number): Term[] {
  const terms: Term[] = [];
  const weights: number[] = [];
  for (const [g, w] of v) {
    if (terms.length === k && w <= (weights[k - 1] ?? 0)) continue;
    let i = Math.min(terms.length, k - 1);
    while (i > 0 && (weights[i - 1] ?? 0) < w) {
      terms[i] = terms[i - 1] as Term;
      weights[i] = weights[i - 1] as number;
      i--;
    }
    terms[i] = g;
    weights[i] = w;
  }
  return terms;
}

/** The title without the place and stock prefixes: "老旧电梯频繁故障". */
export function problemWords(title: string, address: string): string {
  let t = title.replace(/^[^：:]*(告警|反映|发现)[：:]/, '');
  // Drop the longest run shared with the address, while it is at least 2 characters.
  for (let k = 0; k < 3; k++) {
    let best = '';
    for (let i = 0; i < t.length; i++)
      for (let j = i + 2; j <= t.length; j++) {
        const s = t.slice(i, j);
        if (s.length > best.length && address.includes(s)) best = s;
      }
    if (best.length < 2) break;
    t = t.replace(best, '');
  }
  return t.replace(/^[\s，,、：:]+|[\s，,、：:]+$/g, '') || title;
}

function topOf<T extends string>(values: readonly T[]): Array<{ key: T; n: number }> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
}

export interface ClusterOptions {
  readonly grain: PlaceGrain;
  /** Window start (inclusive, ms) and end (exclusive); the previous period is as long, before it. */
  readonly from: number;
  readonly to: number;
  readonly days: number;
  readonly limit?: number;
}

/**
 * Groups the orders of [from − (to − from), to) into 一类事 and ranks those with at least
 * MIN_CANDIDATE orders in the window: score = n + SCORE_GROWTH · max(0, n − prev) +
 * SCORE_UNSATISFIED · unsatisfied.
 */
export function clusterCandidates(orders: readonly ClusterOrder[], opts: ClusterOptions): ProblemCandidate[] {
  const sorted = [...orders].sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
  const counts = sorted.map((o) => termCounts(o));
  const { idf, def } = idfOf(counts);
  const idfFn = (g: Term) => idf.get(g) ?? def;
  const byPlace = new Map<string, Bucket>();
  const seen = new Set<Work>(); // one set, cleared per order: less garbage on 100 k orders
  const all: Work[] = [];
  sorted.forEach((o, i) => {
    const v = weigh(counts[i] as Map<Term, number>, idfFn);
    if (v.size === 0) return;
    const placeKey = o.communityCode ?? `@${o.address}`;
    let bucket = byPlace.get(placeKey);
    if (!bucket) {
      bucket = { byTerm: new Map() };
      byPlace.set(placeKey, bucket);
    }
    const point: [number, number] | null = o.lng !== null && o.lat !== null ? [o.lng, o.lat] : null;
    // Candidates: the clusters sharing one of the order's strongest terms.
    const top = strongest(v, LOOKUP_TERMS);
    seen.clear();
    for (const g of top) for (const c of bucket.byTerm.get(g) ?? []) seen.add(c);
    let best: Work | null = null;
    let bestSim = JOIN_SIMILARITY;
    for (const c of seen) {
      if (opts.grain === 'spot') {
        if (c.point && point) {
          if (metres(c.point, point) > SPOT_RADIUS_M) continue;
        } else if (c.first.address !== o.address) continue;
      }
      const sim =
        dot(v, c.sum) / Math.sqrt(c.norm2) +
        (c.first.categoryCode === o.categoryCode ? SAME_CATEGORY_BONUS : 0);
      if (sim >= bestSim) {
        best = c;
        bestSim = sim;
      }
    }
    let target: Work;
    if (best) {
      target = best;
      target.members.push(o);
      for (const [g, w] of v) {
        const old = target.sum.get(g) ?? 0;
        target.sum.set(g, old + w);
        target.norm2 += (old + w) ** 2 - old * old;
      }
    } else {
      target = { first: o, point, sum: new Map(v), norm2: 1, members: [o] };
      all.push(target);
    }
    for (const g of top) {
      const set = bucket.byTerm.get(g) ?? new Set<Work>();
      set.delete(target); // re-added last: the most recent
      set.add(target);
      if (set.size > RECENT_PER_TERM) set.delete(set.values().next().value as Work);
      bucket.byTerm.set(g, set);
    }
  });

  const out: ProblemCandidate[] = [];
  for (const c of all) {
    const cur = c.members.filter((o) => o.receivedAt >= opts.from && o.receivedAt < opts.to);
    if (cur.length < MIN_CANDIDATE) continue;
    const prev = c.members.filter((o) => o.receivedAt < opts.from).length;
    const n = cur.length;
    const callbacks = cur.filter((o) => o.satisfaction !== null).length;
    const unsatisfied = cur.filter((o) => o.satisfaction === 'unsatisfied').length;
    const rework = cur.filter((o) => o.reworked).length;
    const sources = topOf(cur.map((o) => o.source)).map((x) => ({ source: x.key, n: x.n }));
    const categories = topOf(cur.map((o) => o.categoryCode)).map((x) => ({ code: x.key, n: x.n }));
    const label = topOf(cur.map((o) => problemWords(o.title, o.address)))[0]?.key ?? c.first.title;
    const place =
      opts.grain === 'spot'
        ? (topOf(cur.map((o) => o.address))[0]?.key ?? c.first.address)
        : (c.first.communityCode ?? c.first.address);
    const score = n + SCORE_GROWTH * Math.max(0, n - prev) + SCORE_UNSATISFIED * unsatisfied;
    const reasons: CandidateReason[] = [{ code: 'size', n, days: opts.days }];
    if (prev === 0) reasons.push({ code: 'new', n });
    else if (n > prev) reasons.push({ code: 'growth', n, prev, pct: Math.round(((n - prev) / prev) * 100) });
    if (sources.length > 1)
      reasons.push({ code: 'channels', count: sources.length, sources: sources.map((s) => s.source) });
    if (unsatisfied > 0)
      reasons.push({
        code: 'unsatisfied',
        n: unsatisfied,
        callbacks,
        pct: Math.round((unsatisfied / Math.max(1, callbacks)) * 100),
      });
    if (rework > 0) reasons.push({ code: 'rework', n: rework });
    reasons.push(
      opts.grain === 'spot'
        ? { code: 'spot', place, radiusM: SPOT_RADIUS_M }
        : { code: 'community', community: c.first.communityCode ?? '' },
    );
    const len = Math.sqrt(c.norm2);
    const terms: Record<string, number> = {};
    const termIdf: Record<string, number> = {};
    for (const [g, w] of [...c.sum].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
      terms[termText(g)] = Math.round((w / len) * 1e4) / 1e4;
      termIdf[termText(g)] = Math.round(idfFn(g) * 1e4) / 1e4;
    }
    out.push({
      key: `${opts.grain}:${c.first.communityCode ?? ''}:${c.first.id}`,
      label,
      place,
      community: c.first.communityCode,
      n,
      prev,
      sources,
      categories,
      callbacks,
      unsatisfied,
      rework,
      score,
      reasons,
      ids: cur
        .map((o) => o.id)
        .reverse()
        .slice(0, 500),
      signature: {
        grain: opts.grain,
        community: c.first.communityCode,
        category: c.first.categoryCode,
        center: opts.grain === 'spot' ? c.point : null,
        radiusM: opts.grain === 'spot' ? SPOT_RADIUS_M : null,
        terms,
        idf: termIdf,
        defaultIdf: Math.round(def * 1e4) / 1e4,
      },
    });
  }
  out.sort((a, b) => b.score - a.score || b.n - a.n || (a.key < b.key ? -1 : 1));
  return out.slice(0, opts.limit ?? 20);
}

/** Whether an order belongs to a stored cluster (the problem bank's before/after counts). */
export function matchesSignature(sig: ClusterSignature, o: ClusterOrder): boolean {
  if (sig.community !== null && o.communityCode !== sig.community) return false;
  if (sig.center && sig.radiusM !== null) {
    if (o.lng === null || o.lat === null) return false;
    if (metres(sig.center, [o.lng, o.lat]) > sig.radiusM) return false;
  }
  const v = weigh(termCounts(o), (g) => sig.idf[termText(g)] ?? sig.defaultIdf);
  const terms = new Map(Object.entries(sig.terms).map(([k, w]) => [termOf(k), w] as const));
  const bonus = sig.category && sig.category === o.categoryCode ? SAME_CATEGORY_BONUS : 0;
  return dot(v, terms) + bonus >= JOIN_SIMILARITY;
}
