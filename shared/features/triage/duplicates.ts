/**
 * Duplicates and repeats (重复诉求): how alike an earlier order is to a new report — the same
 * place (within a set distance), alike text, the same category, close in time — each alike
 * aspect a reason the officer sees. Pure: the core picks the candidates by place and time.
 */
/** Within this distance an earlier order counts as at the same place. */
export const DUP_NEAR_M = 150;
/** Within this distance, the very same spot (a building, an asset). */
export const DUP_SAME_SPOT_M = 30;
/** How far back (and ahead, for an order looked at later) the window reaches. */
export const DUP_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** A candidate is shown from this score on (0..1). */
export const DUP_MIN_SCORE = 0.5;
/**
 * 同一部件: the earlier order names the same asset (井盖, 路灯 … by its code). Alone it reaches the
 * showing score: two reports on one street light are worth a look whatever their words, and an
 * open order on the asset is shown at any age (it is still the same broken lamp).
 */
export const DUP_SAME_ASSET_WEIGHT = 0.5;

export type DuplicateReason =
  | 'same_asset'
  | 'same_spot'
  | 'near'
  | 'same_community'
  | 'similar_text'
  | 'same_category'
  | 'same_class'
  | 'recent';

/** The asset an address names the way the intake writes a picked asset: 劲松中街路灯12号（LD-09-0012）. */
export function assetCodeInAddress(address: string): string | null {
  const all = [...address.matchAll(/（([A-Za-z0-9][A-Za-z0-9_.-]{0,39})）/g)];
  return all.length > 0 ? (all[all.length - 1]?.[1] ?? null) : null;
}

/**
 * Code-like words in free text — a caller reading the number off a lamp post ("杆上编号LD-09-0012"):
 * a letter, then letters, digits, '-', '_' or '.', with at least one digit. The core keeps only
 * those that are a known asset's code.
 */
export function assetCodeTokens(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9_.-]*\d[A-Za-z0-9_.-]*/g)) {
    const t = m[0].replace(/[._-]+$/, '');
    if (t.length >= 3 && t.length <= 40) out.add(t);
    if (out.size >= 5) break;
  }
  return [...out];
}

const CODE_CHAR = /[A-Za-z0-9_.-]/;

/** Whether a text names the asset `code` as a whole word (LD-09-0012 is not in LD-09-00123). */
export function mentionsAsset(text: string, code: string): boolean {
  const hay = text.toUpperCase();
  const needle = code.toUpperCase();
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = i > 0 ? hay.charAt(i - 1) : '';
    const after = hay.charAt(i + needle.length);
    const trailingDot = after === '.' && !CODE_CHAR.test(hay.charAt(i + needle.length + 1));
    if (!CODE_CHAR.test(before) && (after === '' || !CODE_CHAR.test(after) || trailingDot)) return true;
  }
  return false;
}

export interface DuplicateProbe {
  readonly point: readonly [number, number] | null;
  readonly communityCode: string | null;
  readonly text: string;
  readonly categoryCode: string | null;
  readonly receivedAt: number;
  /** The 部件 the report is about (its code), when known. */
  readonly assetCode?: string | null;
}

export interface DuplicateSubject {
  readonly id: string;
  readonly lng: number | null;
  readonly lat: number | null;
  readonly communityCode: string | null;
  readonly text: string;
  readonly categoryCode: string;
  readonly receivedAt: number;
  /** Its address (where a picked asset is named). */
  readonly address?: string;
  /** Still open: an open order on the same asset counts at any age. */
  readonly open?: boolean;
}

export interface DuplicateMatch {
  readonly score: number;
  readonly reasons: readonly DuplicateReason[];
  /** Metres between the two points, when both have one. */
  readonly distanceM: number | null;
  /** Text similarity 0..1 (shared n-grams). */
  readonly textSimilarity: number;
  /** Hours between the two receipts (positive: the candidate is earlier). */
  readonly hoursApart: number;
}

export function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/**
 * A kept character (textRuns' KEEP: CJK ideographs, compatibility ideographs, a–z) as a small
 * integer below 2^15, or -1: a bigram is then one integer below 2^30 (a V8 small integer).
 */
function keptIndex(c: number): number {
  if (c >= 0x3400 && c <= 0x9fff) return c - 0x3400;
  if (c >= 0xf900 && c <= 0xfaff) return c - 0xf900 + 0x6c00;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 0x6e00;
  return -1;
}

const BIGRAM_I = 0x6e00 + (0x69 - 0x61);

/** The bigrams of the text last read (bigramKeys), reused: no allocation per compared order. */
let keyBuf = new Int32Array(256);

/**
 * The character bigrams of a text's runs (textRuns, then each run's two-character slices — the
 * bigrams among suggest's features) as integers, sorted, duplicates kept, into `keyBuf` (grown
 * as needed); returns the count. The same bigrams as lower-casing the text and splitting it into
 * runs, without allocating a string per bigram: a lookup compares one report with a few hundred
 * orders, and these strings were most of its time and garbage at 1 M orders. Lower-casing by
 * code unit is exact for the kept characters: A–Z, and the only other code points whose lower
 * case holds a kept character, U+212A KELVIN SIGN (k) and U+0130 (i + U+0307, which ends a run).
 */
function bigramKeys(text: string): number {
  if (keyBuf.length < text.length) keyBuf = new Int32Array(Math.max(text.length, 2 * keyBuf.length));
  let n = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (c === 0x212a) c = 0x6b;
    else if (c === 0x130) {
      if (prev >= 0) keyBuf[n++] = prev * 0x8000 + BIGRAM_I;
      prev = -1;
      continue;
    }
    const k = keptIndex(c);
    if (k >= 0 && prev >= 0) keyBuf[n++] = prev * 0x8000 + k;
    prev = k;
  }
  keyBuf.subarray(0, n).sort();
  return n;
}

/** The last probe's distinct bigrams, sorted: a lookup compares one report with a few hundred orders. */
let lastProbe: { text: string; keys: Int32Array } | null = null;

function probeKeys(text: string): Int32Array {
  if (lastProbe?.text === text) return lastProbe.keys;
  const n = bigramKeys(text);
  let d = 0;
  for (let i = 0; i < n; i++) if (i === 0 || keyBuf[i] !== keyBuf[i - 1]) keyBuf[d++] = keyBuf[i]!;
  lastProbe = { text, keys: keyBuf.slice(0, d) };
  return lastProbe.keys;
}

/** Shared n-grams over the smaller text's n-grams (a short report inside a long one still matches). */
export function textSimilarity(a: string, b: string): number {
  const fa = probeKeys(a);
  const n = bigramKeys(b);
  let distinct = 0;
  let shared = 0;
  for (let i = 0, j = 0; i < n; i++) {
    const v = keyBuf[i]!;
    if (i > 0 && v === keyBuf[i - 1]) continue;
    distinct++;
    while (j < fa.length && fa[j]! < v) j++;
    if (j < fa.length && fa[j] === v) shared++;
  }
  if (fa.length === 0 || distinct === 0) return 0;
  return shared / Math.min(fa.length, distinct);
}

/** Degrees of a box around a point that holds every point within `m` metres. */
export function boxAround(p: readonly [number, number], m: number): [number, number, number, number] {
  const dLat = m / 111_320;
  const dLng = m / (111_320 * Math.max(0.1, Math.cos((p[1] * Math.PI) / 180)));
  return [p[0] - dLng, p[1] - dLat, p[0] + dLng, p[1] + dLat];
}

/**
 * Where to read candidates around a point for matches within `m` metres: a box, and a disc in
 * local metres (x = Δlng·kx, y = Δlat·ky, x² + y² ≤ r2), both holding every point
 * matchDuplicate keeps (metres() rounded ≤ m) with room to spare: radius m + 1 m, +1 % (the flat
 * measure at 150 m is within 0.12 % of metres()). The box's corners — a fifth of it — are never
 * read from the table. (The box alone, of exactly m by 111,320 m a degree, missed orders 149.8–
 * 150.5 m due north, south, east or west: metres() counts 111,195 m a degree.)
 */
export interface NearArea {
  readonly box: readonly [number, number, number, number];
  readonly lng: number;
  readonly lat: number;
  readonly kx: number;
  readonly ky: number;
  readonly r2: number;
}

export function nearArea(p: readonly [number, number], m: number): NearArea {
  const r = (m + 1) * 1.01;
  return {
    box: boxAround(p, r),
    lng: p[0],
    lat: p[1],
    kx: 111_320 * Math.cos((p[1] * Math.PI) / 180),
    ky: 111_320,
    r2: r * r,
  };
}

/**
 * Which orders of its community a report with neither a point nor a 部件 can match: besides
 * same_community and the most the text can add, an order needs the report's category class or
 * to be within 48 hours to reach DUP_MIN_SCORE (matchDuplicate drops the rest before comparing
 * text). `recentMs` and `classOf` say which of the two let an order through (null: that one never
 * does); null altogether: any order may match. Derived from the same weights and rounding.
 */
export interface CommunityReach {
  readonly recentMs: number | null;
  readonly classOf: string | null;
}

const atMost = (score: number): number => Math.round(Math.min(1, score) * 100) / 100;

export function communityReach(categoryCode: string | null): CommunityReach | null {
  const base = 0.1 + 0.35;
  if (atMost(base) >= DUP_MIN_SCORE) return null;
  // same_category is the most a category adds: its class lets through every order it could lift.
  const recentMs = atMost(base + 0.05) >= DUP_MIN_SCORE ? 48 * 3_600_000 : null;
  const classOf =
    categoryCode && atMost(base + 0.3) >= DUP_MIN_SCORE
      ? categoryCode.slice(0, classEnd(categoryCode))
      : null;
  return recentMs === null && classOf === null ? null : { recentMs, classOf };
}

/** The end of a category code's class (its first two levels): the second '.', or its length. */
function classEnd(code: string): number {
  const first = code.indexOf('.');
  if (first < 0) return code.length;
  const second = code.indexOf('.', first + 1);
  return second < 0 ? code.length : second;
}

/** Whether two category codes share their first two levels (07.06.001 and 07.06.002). */
function sameClass(a: string, b: string): boolean {
  const end = classEnd(a);
  return end === classEnd(b) && a.startsWith(b.slice(0, end));
}

/** Scores a candidate; null when it is not alike enough to show. */
export function matchDuplicate(probe: DuplicateProbe, c: DuplicateSubject): DuplicateMatch | null {
  const hoursApart = (probe.receivedAt - c.receivedAt) / 3_600_000;
  const sameAsset =
    probe.assetCode !== undefined &&
    probe.assetCode !== null &&
    mentionsAsset(`${c.address ?? ''} ${c.text}`, probe.assetCode);
  if (Math.abs(hoursApart) * 3_600_000 > DUP_WINDOW_MS && !(sameAsset && c.open === true)) return null;
  const reasons: DuplicateReason[] = [];
  let score = 0;
  let distanceM: number | null = null;
  if (probe.point && c.lng !== null && c.lat !== null)
    distanceM = Math.round(metres(probe.point, [c.lng, c.lat]));
  if (sameAsset) {
    // The asset is the place: a caller's own pin may lie across the road from the lamp.
    reasons.push('same_asset');
    score += DUP_SAME_ASSET_WEIGHT;
  } else if (distanceM !== null) {
    if (distanceM <= DUP_SAME_SPOT_M) {
      reasons.push('same_spot');
      score += 0.4;
    } else if (distanceM <= DUP_NEAR_M) {
      reasons.push('near');
      score += 0.3;
    } else return null; // both placed, and not at the same place
  }
  if (!reasons.length && probe.communityCode !== null && probe.communityCode === c.communityCode) {
    reasons.push('same_community');
    score += 0.1;
  }
  const category: DuplicateReason | null = !probe.categoryCode
    ? null
    : probe.categoryCode === c.categoryCode
      ? 'same_category'
      : sameClass(probe.categoryCode, c.categoryCode)
        ? 'same_class'
        : null;
  const categoryScore = category === 'same_category' ? 0.3 : category === 'same_class' ? 0.15 : 0;
  const recent = Math.abs(hoursApart) <= 48;
  // The text can add at most 0.35: when even that would not reach the showing score, the text is
  // not compared (the same sum, in the same order, as the score below: the same rounding).
  if (Math.round(Math.min(1, score + 0.35 + categoryScore + (recent ? 0.05 : 0)) * 100) / 100 < DUP_MIN_SCORE)
    return null;
  const sim = Math.round(textSimilarity(probe.text, c.text) * 100) / 100;
  if (sim >= 0.3) {
    reasons.push('similar_text');
    score += 0.35 * Math.min(1, sim / 0.6);
  }
  if (category) {
    reasons.push(category);
    score += categoryScore;
  }
  if (recent) {
    reasons.push('recent');
    score += 0.05;
  }
  score = Math.round(Math.min(1, score) * 100) / 100;
  if (score < DUP_MIN_SCORE) return null;
  return { score, reasons, distanceM, textSimilarity: sim, hoursApart: Math.round(hoursApart * 10) / 10 };
}
