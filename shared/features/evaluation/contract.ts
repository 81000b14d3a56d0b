/**
 * evaluation.*: 评估反馈 (issue 16 item 2). The three rates and the composite per unit,
 * community, grid and person for a month with rank and movement against last month; weights and
 * targets (admin settings); per-order 不满意 risk of open orders with its reasons; ranking
 * what-if over the orders still awaiting their call-back.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import type { CallbackCounts, RateWeights, ThreeRates } from '../stats/three-rates';
import type { UnitAssessment } from '../whistle/whistle';

export const EVAL_LEVELS = ['unit', 'community', 'grid', 'person'] as const;
export type EvalLevel = (typeof EVAL_LEVELS)[number];

export interface EvalTargets {
  readonly response: number;
  readonly resolution: number;
  readonly satisfaction: number;
  readonly composite: number;
}

export interface EvaluationSettings {
  readonly weights: RateWeights;
  readonly targets: EvalTargets;
}

export interface ScoreRow {
  /** Unit id, community code, grid code or person id ('' when the orders have none). */
  readonly key: string;
  readonly counts: CallbackCounts;
  readonly rates: ThreeRates;
  /** Among rows with valid call-backs, by composite (1 = best); null without any. */
  readonly rank: number | null;
  readonly prevRank: number | null;
  readonly prevComposite: number | null;
  /** Call-backs of the month (valid or not). */
  readonly callbacks: number;
}

export interface EvaluationScores {
  readonly month: string;
  readonly level: EvalLevel;
  readonly settings: EvaluationSettings;
  readonly street: { readonly counts: CallbackCounts; readonly rates: ThreeRates; readonly prev: ThreeRates };
  readonly rows: readonly ScoreRow[];
}

export const RISK_REASONS = [
  'overdue',
  'near_deadline',
  'rework',
  'returned',
  'urged',
  'repeat_caller',
  'category_history',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export interface RiskRow {
  readonly orderId: string;
  readonly title: string;
  readonly status: string;
  readonly categoryCode: string;
  readonly communityCode: string | null;
  readonly unitId: string | null;
  /** 0..1: the sum of the reasons' weights, capped. */
  readonly score: number;
  readonly reasons: ReadonlyArray<{ readonly code: RiskReason; readonly n?: number; readonly rate?: number }>;
}

export interface WhatIfRow {
  readonly orderId: string;
  readonly title: string;
  readonly unitId: string;
  readonly rank: number | null;
  readonly rankIfSatisfied: number;
  readonly rankIfUnsatisfied: number;
  readonly composite: number | null;
  readonly compositeIfSatisfied: number;
  readonly compositeIfUnsatisfied: number;
  /** Change of the street's composite (fraction points) if this call-back is satisfied / unsatisfied. */
  readonly streetIfSatisfied: number;
  readonly streetIfUnsatisfied: number;
}

export interface WhatIf {
  readonly month: string;
  readonly street: number | null;
  /** The street's composite if every awaited call-back were satisfied / unsatisfied. */
  readonly streetAllSatisfied: number | null;
  readonly streetAllUnsatisfied: number | null;
  readonly pending: number;
  readonly rows: readonly WhatIfRow[];
}

/** 双考核 of one summoned unit (from whistle.assessment) and what it does to the unit's score. */
export interface DualRow extends UnitAssessment {
  readonly unitName: string;
  /** Mean of 报到按时率 and 任务按期完成率 (whichever exist). */
  readonly dual: number | null;
  /** The unit's composite of the month (null without valid call-backs) and its rank by it. */
  readonly composite: number | null;
  readonly rank: number | null;
  /** 考核得分 = composite × (1 − weight) + dual × weight; its rank among all units. */
  readonly assessed: number | null;
  readonly assessedRank: number | null;
}

export interface EvaluationDual {
  readonly month: string;
  /** The 双考核 share of a summoned unit's 考核得分. */
  readonly weight: number;
  readonly rows: readonly DualRow[];
}

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const frac = z.number().min(0).max(1);

export const EvaluationSettingsInput = z
  .object({
    weights: z.object({ response: frac, resolution: frac, satisfaction: frac, basicFactor: frac }),
    targets: z.object({ response: frac, resolution: frac, satisfaction: frac, composite: frac }),
  })
  .refine((v) => Math.abs(v.weights.response + v.weights.resolution + v.weights.satisfaction - 1) < 1e-6, {
    message: '三项权重之和必须等于 1',
    path: ['weights'],
  });

const READ = { stale: ['orders.changed', 'reference.changed', 'evaluation.changed'] } as const;

export const EVALUATION_PROCS = {
  'evaluation.scores': query<EvaluationScores>()(
    z.object({ month: MONTH, level: z.enum(EVAL_LEVELS).default('unit') }),
    READ,
  ),
  /** Weights and targets (admin). */
  'evaluation.setSettings': mutation<EvaluationSettings>()(EvaluationSettingsInput, {
    changes: ['evaluation.changed'],
    role: 'admin',
  }),
  /** The orders behind a ranking row: call-backs of the month for that unit/community/grid/person. */
  'evaluation.orders': query<{ readonly ids: readonly string[]; readonly capped: boolean }>()(
    z.object({ month: MONTH, level: z.enum(EVAL_LEVELS), key: z.string().max(64) }),
    READ,
  ),
  /** 吹哨报到 双考核 per summoned unit and the 考核得分 it gives (whistles created in the month). */
  'evaluation.dual': query<EvaluationDual>()(z.object({ month: MONTH }), {
    stale: [...READ.stale, 'whistle.changed'],
  }),
  /** Open orders most likely to end unresolved or unsatisfied, with why. */
  'evaluation.risk': query<readonly RiskRow[]>()(
    z.object({ limit: z.number().int().min(1).max(200).default(30) }),
    READ,
  ),
  /** Which awaited call-backs would move a unit's rank, and the street's composite, by how much. */
  'evaluation.whatIf': query<WhatIf>()(
    z.object({ month: MONTH, limit: z.number().int().min(1).max(200).default(20) }),
    READ,
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
