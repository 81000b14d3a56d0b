/**
 * Duplicates and repeats (重复诉求): how alike an earlier order is to a new report — the same
 * place (within a set distance), alike text, the same category, close in time — each alike
 * aspect a reason the officer sees. Pure: the core picks the candidates by place and time.
 */
import { textRuns } from './suggest';

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

/** The character bigrams of a text's runs (the bigrams among `features`, without its trigrams). */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  // Runs hold BMP characters only (textRuns' KEEP): a slice of two code units is two characters.
  for (const run of textRuns(text)) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/** The last probe's bigrams: a lookup compares one report with a few hundred orders. */
let lastProbe: { text: string; grams: Set<string> } | null = null;

/** Shared n-grams over the smaller text's n-grams (a short report inside a long one still matches). */
export function textSimilarity(a: string, b: string): number {
  if (lastProbe?.text !== a) lastProbe = { text: a, grams: bigrams(a) };
  const fa = lastProbe.grams;
  const fb = bigrams(b);
  if (fa.size === 0 || fb.size === 0) return 0;
  let shared = 0;
  for (const f of fa) if (fb.has(f)) shared++;
  return shared / Math.min(fa.size, fb.size);
}

/** Degrees of a box around a point that holds every point within `m` metres. */
export function boxAround(p: readonly [number, number], m: number): [number, number, number, number] {
  const dLat = m / 111_320;
  const dLng = m / (111_320 * Math.max(0.1, Math.cos((p[1] * Math.PI) / 180)));
  return [p[0] - dLng, p[1] - dLat, p[0] + dLng, p[1] + dLat];
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
  const sim = Math.round(textSimilarity(probe.text, c.text) * 100) / 100;
  if (sim >= 0.3) {
    reasons.push('similar_text');
    score += 0.35 * Math.min(1, sim / 0.6);
  }
  if (probe.categoryCode) {
    if (probe.categoryCode === c.categoryCode) {
      reasons.push('same_category');
      score += 0.3;
    } else if (
      probe.categoryCode.split('.').slice(0, 2).join('.') === c.categoryCode.split('.').slice(0, 2).join('.')
    ) {
      reasons.push('same_class');
      score += 0.15;
    }
  }
  if (Math.abs(hoursApart) <= 48) {
    reasons.push('recent');
    score += 0.05;
  }
  score = Math.round(Math.min(1, score) * 100) / 100;
  if (score < DUP_MIN_SCORE) return null;
  return { score, reasons, distanceM, textSimilarity: sim, hoursApart: Math.round(hoursApart * 10) / 10 };
}
