/** evaluation.* handlers: scores with rank movement, settings, risk, ranking what-if. */
import type {
  EvalLevel,
  EvaluationSettings,
  RiskRow,
  ScoreRow,
  WhatIfRow,
} from '../../../../shared/features/evaluation/contract';
import { EvaluationSettingsInput } from '../../../../shared/features/evaluation/contract';
import {
  DEFAULT_SETTINGS,
  DUAL_WEIGHT,
  dualRows,
  rankByComposite,
  riskReasons,
  riskScore,
  withOutcome,
} from '../../../../shared/features/evaluation/score';
import {
  addCallbackCounts,
  EMPTY_CALLBACK_COUNTS,
  threeRates,
  type CallbackCounts,
} from '../../../../shared/features/stats/three-rates';
import { chinaMonthRange } from '../../../../shared/kernel/china-time';
import type { Handler } from '../../runtime/context';
import type { ReadableDb } from '../../store/types';
import { whistleAssessment } from '../whistle';
import {
  awaitingCallback,
  callbackCounts,
  callbackOrderIds,
  categoryUnsatisfied,
  openOrders,
  phoneCounts,
  readSettingsJson,
  writeSettingsJson,
  type CountsRow,
} from './queries';

const DAY = 86_400_000;

export function readSettings(db: ReadableDb): EvaluationSettings {
  const raw = readSettingsJson(db);
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const parsed = EvaluationSettingsInput.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function _prevMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function _counts(r: CountsRow): CallbackCounts {
  return {
    valid: r.valid ?? 0,
    contacted: r.contacted ?? 0,
    solved: r.solved ?? 0,
    satisfied: r.satisfied ?? 0,
    basic: r.basic ?? 0,
    unsatisfied: r.unsatisfied ?? 0,
  };
}

function _monthRows(db: ReadableDb, level: EvalLevel, month: string) {
  const [from, to] = chinaMonthRange(month);
  return callbackCounts(db, level, from, to).map((r) => ({ key: r.k, counts: _counts(r), total: r.total }));
}

export const evaluationScores: Handler<'evaluation.scores'> = (input, _call, env) => {
  const settings = readSettings(env.db);
  const w = settings.weights;
  const cur = _monthRows(env.db, input.level, input.month);
  const prev = _monthRows(env.db, input.level, _prevMonth(input.month));
  const ranks = rankByComposite(cur, w);
  const prevRanks = rankByComposite(prev, w);
  const prevByKey = new Map(prev.map((p) => [p.key, p]));
  const street = cur.reduce((s, r) => addCallbackCounts(s, r.counts), EMPTY_CALLBACK_COUNTS);
  const prevStreet = prev.reduce((s, r) => addCallbackCounts(s, r.counts), EMPTY_CALLBACK_COUNTS);
  const rows: ScoreRow[] = cur
    .map((r) => {
      const p = prevByKey.get(r.key);
      return {
        key: r.key,
        counts: r.counts,
        rates: threeRates(r.counts, w),
        rank: ranks.get(r.key) ?? null,
        prevRank: prevRanks.get(r.key) ?? null,
        prevComposite: p ? threeRates(p.counts, w).composite : null,
        callbacks: r.total,
      };
    })
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.key.localeCompare(b.key));
  return {
    month: input.month,
    level: input.level,
    settings,
    street: { counts: street, rates: threeRates(street, w), prev: threeRates(prevStreet, w) },
    rows,
  };
};

/** 双考核 (whistle.assessment of the month) beside each summoned unit's composite, and its 考核得分. */
export const evaluationDual: Handler<'evaluation.dual'> = async (input, call, env, tools) => {
  const w = readSettings(env.db).weights;
  const assessment = await whistleAssessment({ month: input.month }, call, env, tools);
  const composites = _monthRows(env.db, 'unit', input.month).map((r) => ({
    key: r.key,
    composite: threeRates(r.counts, w).composite,
  }));
  return {
    month: input.month,
    weight: DUAL_WEIGHT,
    rows: dualRows(assessment.rows, composites, DUAL_WEIGHT),
  };
};

export const evaluationSetSettings: Handler<'evaluation.setSettings'> = (input, _call, env, tools) => {
  writeSettingsJson(env.db, JSON.stringify(input));
  tools.hint({ topic: 'evaluation.changed' });
  return readSettings(env.db);
};

export const evaluationRisk: Handler<'evaluation.risk'> = (input, _call, env) => {
  const now = env.now();
  const phones = phoneCounts(env.db, now - 90 * DAY);
  const cats = categoryUnsatisfied(env.db, now - 180 * DAY);
  const catRate = new Map(cats.map((c) => [c.category, c.valid >= 5 ? c.unsatisfied / c.valid : null]));
  const totalValid = cats.reduce((s, c) => s + c.valid, 0);
  const streetRate = totalValid > 0 ? cats.reduce((s, c) => s + c.unsatisfied, 0) / totalValid : null;
  const rows: RiskRow[] = [];
  for (const o of openOrders(env.db)) {
    const reasons = riskReasons({
      now,
      receivedAt: o.receivedAt,
      deadline: o.deadline,
      rework: o.rework,
      returns: o.returns,
      urges: o.urges,
      callerOrders: o.phone ? (phones.get(o.phone) ?? 1) : 1,
      categoryUnsatisfied: catRate.get(o.categoryCode.slice(0, 2)) ?? null,
      streetUnsatisfied: streetRate,
    });
    if (reasons.length === 0) continue;
    rows.push({
      orderId: o.id,
      title: o.title,
      status: o.status,
      categoryCode: o.categoryCode,
      communityCode: o.communityCode,
      unitId: o.unitId,
      score: riskScore(reasons),
      reasons,
    });
  }
  rows.sort((a, b) => b.score - a.score || a.orderId.localeCompare(b.orderId));
  return rows.slice(0, input.limit);
};

export const evaluationWhatIf: Handler<'evaluation.whatIf'> = (input, _call, env) => {
  const w = readSettings(env.db).weights;
  const [from, to] = chinaMonthRange(input.month);
  const units = _monthRows(env.db, 'unit', input.month);
  const byKey = new Map(units.map((u) => [u.key, u.counts]));
  const ranks = rankByComposite(units, w);
  const street = units.reduce((s, r) => addCallbackCounts(s, r.counts), EMPTY_CALLBACK_COUNTS);
  const streetNow = threeRates(street, w).composite;
  const pending = awaitingCallback(env.db, from, to);
  const rankWith = (unitId: string, counts: CallbackCounts): number => {
    const list = units.filter((u) => u.key !== unitId).concat([{ key: unitId, counts, total: 0 }]);
    return rankByComposite(list, w).get(unitId) ?? list.length;
  };
  let allSat = street;
  let allUnsat = street;
  const rows: WhatIfRow[] = pending.map((p) => {
    allSat = withOutcome(allSat, true);
    allUnsat = withOutcome(allUnsat, false);
    const c = byKey.get(p.unitId) ?? EMPTY_CALLBACK_COUNTS;
    const sat = withOutcome(c, true);
    const unsat = withOutcome(c, false);
    const base = streetNow ?? 0;
    return {
      orderId: p.id,
      title: p.title,
      unitId: p.unitId,
      rank: ranks.get(p.unitId) ?? null,
      rankIfSatisfied: rankWith(p.unitId, sat),
      rankIfUnsatisfied: rankWith(p.unitId, unsat),
      composite: threeRates(c, w).composite,
      compositeIfSatisfied: threeRates(sat, w).composite ?? 0,
      compositeIfUnsatisfied: threeRates(unsat, w).composite ?? 0,
      streetIfSatisfied: (threeRates(withOutcome(street, true), w).composite ?? 0) - base,
      streetIfUnsatisfied: (threeRates(withOutcome(street, false), w).composite ?? 0) - base,
    };
  });
  const swing = (r: WhatIfRow) => Math.abs(r.rankIfUnsatisfied - r.rankIfSatisfied);
  rows.sort(
    (a, b) =>
      swing(b) - swing(a) ||
      b.compositeIfSatisfied -
        b.compositeIfUnsatisfied -
        (a.compositeIfSatisfied - a.compositeIfUnsatisfied) ||
      a.orderId.localeCompare(b.orderId),
  );
  return {
    month: input.month,
    street: streetNow,
    streetAllSatisfied: pending.length ? threeRates(allSat, w).composite : streetNow,
    streetAllUnsatisfied: pending.length ? threeRates(allUnsat, w).composite : streetNow,
    pending: pending.length,
    rows: rows.slice(0, input.limit),
  };
};

/** A drill-down opens at most this many orders on the desk. */
const DRILL_LIMIT = 500;

export const evaluationOrders: Handler<'evaluation.orders'> = (input, _call, env) => {
  const [from, to] = chinaMonthRange(input.month);
  const ids = callbackOrderIds(env.db, input.level, input.key, from, to, DRILL_LIMIT + 1);
  return { ids: ids.slice(0, DRILL_LIMIT), capped: ids.length > DRILL_LIMIT };
};
