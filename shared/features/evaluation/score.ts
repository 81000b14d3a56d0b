/**
 * 评估反馈's pure rules: ranking by composite with movement, the per-order 不满意 risk score, and
 * the ranking what-if of one awaited call-back. Counting happens in SQL; these only combine.
 */
import {
  DEFAULT_RATE_WEIGHTS,
  threeRates,
  type CallbackCounts,
  type RateWeights,
} from '../stats/three-rates';
import type { UnitAssessment } from '../whistle/whistle';
import type { DualRow, EvalTargets, EvaluationSettings, RiskReason } from './contract';

export const DEFAULT_TARGETS: EvalTargets = {
  response: 0.98,
  resolution: 0.8,
  satisfaction: 0.85,
  composite: 0.85,
};
export const DEFAULT_SETTINGS: EvaluationSettings = {
  weights: DEFAULT_RATE_WEIGHTS,
  targets: DEFAULT_TARGETS,
};

/** Rank keys by composite, best first (1-based); keys without a valid call-back get no rank. Ties share a rank. */
export function rankByComposite(
  rows: ReadonlyArray<{ readonly key: string; readonly counts: CallbackCounts }>,
  w: RateWeights,
): Map<string, number> {
  const scored = rows
    .map((r) => ({ key: r.key, c: threeRates(r.counts, w).composite }))
    .filter((r): r is { key: string; c: number } => r.c !== null)
    .sort((a, b) => b.c - a.c || a.key.localeCompare(b.key));
  const ranks = new Map<string, number>();
  let prev: number | null = null;
  let rank = 0;
  scored.forEach((r, i) => {
    if (prev === null || Math.abs(r.c - prev) > 1e-12) rank = i + 1;
    prev = r.c;
    ranks.set(r.key, rank);
  });
  return ranks;
}

/** One more valid call-back on the counts: satisfied and solved, or unsatisfied and unsolved (contacted either way). */
export function withOutcome(c: CallbackCounts, satisfied: boolean): CallbackCounts {
  return {
    valid: c.valid + 1,
    contacted: c.contacted + 1,
    solved: c.solved + (satisfied ? 1 : 0),
    satisfied: c.satisfied + (satisfied ? 1 : 0),
    basic: c.basic,
    unsatisfied: c.unsatisfied + (satisfied ? 0 : 1),
  };
}

/** What each risk reason adds to the score (0..1 after capping). */
export const RISK_WEIGHTS: Readonly<Record<RiskReason, number>> = {
  overdue: 0.4,
  near_deadline: 0.2,
  rework: 0.25,
  returned: 0.1,
  urged: 0.1,
  repeat_caller: 0.15,
  category_history: 0.15,
};

export interface RiskInput {
  readonly now: number;
  readonly receivedAt: number;
  readonly deadline: number | null;
  readonly rework: number;
  readonly returns: number;
  readonly urges: number;
  /** Orders by the same caller in the look-back (this one included). */
  readonly callerOrders: number;
  /** Unsatisfied share of the order's category over the look-back, and the street's. */
  readonly categoryUnsatisfied: number | null;
  readonly streetUnsatisfied: number | null;
}

/**
 * Why an open order may end unresolved or unsatisfied: past its deadline; in the last quarter of
 * its time (or under 24 h); reworked; returned; urged; a caller who called before (repeat
 * caller); a category whose call-backs are unsatisfied half again as often as the street's.
 */
export function riskReasons(o: RiskInput): Array<{ code: RiskReason; n?: number; rate?: number }> {
  const out: Array<{ code: RiskReason; n?: number; rate?: number }> = [];
  if (o.deadline !== null) {
    if (o.deadline < o.now) out.push({ code: 'overdue' });
    else {
      const left = o.deadline - o.now;
      const span = o.deadline - o.receivedAt;
      if (left < 24 * 3_600_000 || (span > 0 && left / span < 0.25)) out.push({ code: 'near_deadline' });
    }
  }
  if (o.rework > 0) out.push({ code: 'rework', n: o.rework });
  if (o.returns > 0) out.push({ code: 'returned', n: o.returns });
  if (o.urges > 0) out.push({ code: 'urged', n: o.urges });
  if (o.callerOrders > 1) out.push({ code: 'repeat_caller', n: o.callerOrders });
  if (
    o.categoryUnsatisfied !== null &&
    o.streetUnsatisfied !== null &&
    o.categoryUnsatisfied > 0.05 &&
    o.categoryUnsatisfied >= 1.5 * o.streetUnsatisfied
  )
    out.push({ code: 'category_history', rate: o.categoryUnsatisfied });
  return out;
}

export function riskScore(reasons: ReadonlyArray<{ code: RiskReason }>): number {
  return Math.min(
    1,
    reasons.reduce((s, r) => s + RISK_WEIGHTS[r.code], 0),
  );
}

/**
 * 双考核 feeds a summoned unit's score: its 双考核分 is the mean of its 报到按时率 and 任务按期完成率
 * (whichever it has that month), and its 考核得分 = 综合分 × (1 − DUAL_WEIGHT) + 双考核分 ×
 * DUAL_WEIGHT. A unit not summoned and owning no task keeps its 综合分; a unit without valid
 * call-backs has no 考核得分 (its 双考核 is still shown).
 */
export const DUAL_WEIGHT = 0.2;

export function dualScore(onTimeRate: number | null, taskRate: number | null): number | null {
  const parts = [onTimeRate, taskRate].filter((v): v is number => v !== null);
  return parts.length ? parts.reduce((s, v) => s + v, 0) / parts.length : null;
}

export function assessedScore(
  composite: number | null,
  dual: number | null,
  weight = DUAL_WEIGHT,
): number | null {
  if (composite === null) return null;
  return dual === null ? composite : composite * (1 - weight) + dual * weight;
}

/** Ties share a rank; keys with a null score get none. */
export function rankScores(
  scores: ReadonlyArray<{ readonly key: string; readonly v: number | null }>,
): Map<string, number> {
  const sorted = scores
    .filter((r): r is { key: string; v: number } => r.v !== null)
    .sort((a, b) => b.v - a.v || a.key.localeCompare(b.key));
  const ranks = new Map<string, number>();
  let prev: number | null = null;
  let rank = 0;
  sorted.forEach((r, i) => {
    if (prev === null || Math.abs(r.v - prev) > 1e-12) rank = i + 1;
    prev = r.v;
    ranks.set(r.key, rank);
  });
  return ranks;
}

/**
 * The 双考核 table: one row per unit summoned or owning a task in the month, with its composite
 * and rank among all units with call-backs, and its 考核得分 and the rank the 考核得分 gives it
 * (every unit ranked by 考核得分; units without a whistle keep their composite).
 */
export function dualRows(
  assessed: ReadonlyArray<UnitAssessment & { readonly unitName: string }>,
  composites: ReadonlyArray<{ readonly key: string; readonly composite: number | null }>,
  weight = DUAL_WEIGHT,
): DualRow[] {
  const byUnit = new Map(assessed.map((a) => [a.unitId, a]));
  const comp = new Map(composites.map((c) => [c.key, c.composite]));
  const keys = new Set([...comp.keys(), ...byUnit.keys()]);
  const all = [...keys].map((key) => {
    const a = byUnit.get(key);
    const c = comp.get(key) ?? null;
    const d = a ? dualScore(a.onTimeRate, a.taskRate) : null;
    return { key, c, d, s: assessedScore(c, d, weight) };
  });
  const rankBefore = rankScores(all.map((r) => ({ key: r.key, v: r.c })));
  const rankAfter = rankScores(all.map((r) => ({ key: r.key, v: r.s })));
  const info = new Map(all.map((r) => [r.key, r]));
  return assessed
    .map((a) => {
      const r = info.get(a.unitId)!;
      return {
        ...a,
        dual: r.d,
        composite: r.c,
        assessed: r.s,
        rank: rankBefore.get(a.unitId) ?? null,
        assessedRank: rankAfter.get(a.unitId) ?? null,
      };
    })
    .sort(
      (x, y) =>
        (x.assessedRank ?? 1e9) - (y.assessedRank ?? 1e9) ||
        (y.dual ?? -1) - (x.dual ?? -1) ||
        x.unitId.localeCompare(y.unitId),
    );
}
