/**
 * Dispatch recommendation (PRODUCT.md "Dispatch"): ranks candidate units or people for an order by
 * responsibility list, grid ownership, distance, current load and skills. Pure: the caller passes
 * the candidates with their current open-order counts.
 *
 * Each factor is scored 0..1 and the score is their weighted sum (weights configurable):
 * - responsibility: 1 for the unit the responsibility list names for this category × community
 *   (most specific rule), 0.5 for a unit named by another rule covering the category, else 0.
 * - grid: 1 when a person owns the order's grid; 0.5 for the same community (a unit serving it);
 *   0.25 for a street-wide unit; else 0.
 * - distance: 1 / (1 + km / distanceScaleKm) — halves at `distanceScaleKm`; 0 without a location.
 * - load: 1 / (1 + openOrders / loadScale) — halves at `loadScale` open orders.
 * - skills: share of the required skills the candidate has; 1 when nothing is required.
 * Ties are broken by id so the ranking is deterministic.
 */
import { findResponsibleUnit, type ResponsibilityRule } from '../reference/catalogue';
import type { LngLat } from '../reference/jurisdiction';
import type { Person, Unit } from '../reference/organisation';

export interface DispatchCandidate {
  readonly kind: 'unit' | 'person';
  readonly id: string;
  readonly name: string;
  /** For people, their unit (responsibility flows through it). */
  readonly unitId: string | null;
  readonly gridCode: string | null;
  /** Communities served; empty = the whole street. */
  readonly communityCodes: readonly string[];
  readonly location: LngLat | null;
  /** Current open orders. */
  readonly load: number;
  readonly skills: readonly string[];
}

export interface RecommendTarget {
  readonly categoryCode: string;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
  readonly lng: number | null;
  readonly lat: number | null;
  readonly requiredSkills?: readonly string[];
}

export interface RecommendWeights {
  readonly responsibility: number;
  readonly grid: number;
  readonly distance: number;
  readonly load: number;
  readonly skills: number;
  readonly distanceScaleKm: number;
  readonly loadScale: number;
}

export const DEFAULT_RECOMMEND_WEIGHTS: RecommendWeights = {
  responsibility: 0.4,
  grid: 0.2,
  distance: 0.15,
  load: 0.15,
  skills: 0.1,
  distanceScaleKm: 1,
  loadScale: 5,
};

export interface Recommendation {
  readonly candidate: DispatchCandidate;
  readonly score: number;
  readonly factors: {
    readonly responsibility: number;
    readonly grid: number;
    readonly distance: number;
    readonly load: number;
    readonly skills: number;
  };
  /** Metres, null without a location. */
  readonly distanceM: number | null;
  /** Short Chinese reasons for the UI (责任单位, 本网格, 距离 …). */
  readonly reasons: readonly string[];
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversineM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function unitCandidate(u: Unit, load: number): DispatchCandidate {
  return {
    kind: 'unit',
    id: u.id,
    name: u.name,
    unitId: u.id,
    gridCode: null,
    communityCodes: u.communityCodes,
    location: u.location,
    load,
    skills: [...u.resources],
  };
}

export function personCandidate(p: Person, load: number): DispatchCandidate {
  return {
    kind: 'person',
    id: p.id,
    name: p.name,
    unitId: p.unitId,
    gridCode: p.gridCode,
    communityCodes: p.communityCode ? [p.communityCode] : [],
    location: p.home,
    load,
    skills: p.skills,
  };
}

function categoryCovers(ruleCode: string, code: string): boolean {
  return code === ruleCode || code.startsWith(`${ruleCode}.`);
}

export function recommend(
  target: RecommendTarget,
  candidates: readonly DispatchCandidate[],
  rules: readonly ResponsibilityRule[],
  w: RecommendWeights = DEFAULT_RECOMMEND_WEIGHTS,
): Recommendation[] {
  const responsible = findResponsibleUnit(rules, target.categoryCode, target.communityCode)?.unitId ?? null;
  const named = new Set(
    rules
      .filter((r) => categoryCovers(r.categoryCode, target.categoryCode))
      .filter((r) => r.communityCode === null || r.communityCode === target.communityCode)
      .map((r) => r.unitId),
  );
  const required = (target.requiredSkills ?? []).map((s) => s.toLowerCase());
  const here: LngLat | null = target.lng !== null && target.lat !== null ? [target.lng, target.lat] : null;

  const out = candidates.map((c): Recommendation => {
    const reasons: string[] = [];
    let responsibility = 0;
    if (c.unitId !== null && c.unitId === responsible) {
      responsibility = 1;
      reasons.push('责任单位');
    } else if (c.unitId !== null && named.has(c.unitId)) {
      responsibility = 0.5;
      reasons.push('责任清单相关');
    }
    let grid = 0;
    if (target.gridCode !== null && c.gridCode === target.gridCode) {
      grid = 1;
      reasons.push('本网格');
    } else if (target.communityCode !== null && c.communityCodes.includes(target.communityCode)) {
      grid = 0.5;
      reasons.push('本社区');
    } else if (c.kind === 'unit' && c.communityCodes.length === 0) {
      grid = 0.25;
    }
    const distanceM = c.location && here ? haversineM(c.location, here) : null;
    const distance = distanceM === null ? 0 : 1 / (1 + distanceM / 1000 / w.distanceScaleKm);
    if (distanceM !== null)
      reasons.push(
        `距离${distanceM < 1000 ? `${Math.round(distanceM)}米` : `${(distanceM / 1000).toFixed(1)}公里`}`,
      );
    const load = 1 / (1 + Math.max(0, c.load) / w.loadScale);
    reasons.push(`在办${c.load}件`);
    const have = new Set(c.skills.map((s) => s.toLowerCase()));
    const matched = required.filter((s) => have.has(s)).length;
    const skills = required.length === 0 ? 1 : matched / required.length;
    if (required.length > 0 && matched > 0) reasons.push(`技能匹配${matched}/${required.length}`);
    const score =
      w.responsibility * responsibility +
      w.grid * grid +
      w.distance * distance +
      w.load * load +
      w.skills * skills;
    return {
      candidate: c,
      score,
      factors: { responsibility, grid, distance, load, skills },
      distanceM,
      reasons,
    };
  });
  return out.sort(
    (a, b) =>
      b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
}
