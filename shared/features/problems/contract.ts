/**
 * problems.*: 一类事 candidates (每月一题 候选) and the 每月一题 problem bank. Candidates are a
 * query on the read pool; the bank's writes are the commander's (admins too); everyone reads.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import type { PlaceGrain, ProblemCandidate } from './cluster';
import { DATE, Milestone, MONTH, ProblemFields, Signature, type ProblemView } from './problem';

export type { ProblemCandidate, CandidateReason, PlaceGrain, ClusterSignature } from './cluster';
export type { ProblemView, ProblemFigures, Milestone } from './problem';

export interface ProblemCandidates {
  readonly grain: PlaceGrain;
  readonly days: number;
  /** The window and the period before it, China dates inclusive. */
  readonly from: string;
  readonly to: string;
  readonly prevFrom: string;
  /** Orders read (both periods) and the time the clustering took in the core, ms. */
  readonly orders: number;
  readonly ms: number;
  /**
   * When the clustering ran. A clustering that took longer than CANDIDATES_REUSE_AFTER_MS is
   * reused for CANDIDATES_REUSE_MS (a busy street's orders change every few seconds and each
   * change makes the panel ask again); `since` asks for a newer one.
   */
  readonly computedAt: number;
  readonly reused: boolean;
  readonly candidates: readonly ProblemCandidate[];
}

/** A clustering slower than this is kept and reused (ms). */
export const CANDIDATES_REUSE_AFTER_MS = 1_000;
/** For this long (ms): 10 minutes. */
export const CANDIDATES_REUSE_MS = 10 * 60_000;

export interface ProblemList {
  readonly problems: readonly ProblemView[];
}

const CandidatesInput = z.object({
  days: z.union([z.literal(30), z.literal(90)]).default(30),
  grain: z.enum(['spot', 'community']).default('spot'),
  /** Last day of the window (default today, China time). */
  to: DATE.optional(),
  /**
   * 重新计算: only a clustering made at or after this time (ms) is reused. A time, not a flag:
   * the panel's later refetches (after each order change) then reuse the new one.
   */
  since: z.number().int().min(0).optional(),
});

const FromCandidate = z.object({
  label: z.string().max(100),
  place: z.string().max(200),
  ids: z.array(z.string().max(80)).max(500),
  signature: Signature,
});

const CreateInput = ProblemFields.extend({
  id: z.string().min(1).max(40).optional(),
  month: MONTH,
  candidate: FromCandidate.optional(),
});

const UpdateInput = z.object({
  id: z.string().min(1).max(40),
  expectedVersion: z.number().int().min(1),
  title: ProblemFields.shape.title.optional(),
  description: z.string().trim().max(1000, { message: '说明最多 1000 字' }).optional(),
  ownerUnits: z.array(z.string().min(1).max(40)).max(20, { message: '责任单位最多 20 个' }).optional(),
  measures: z
    .array(z.string().trim().min(1).max(200, { message: '措施最多 200 字' }))
    .max(30, { message: '措施最多 30 条' })
    .optional(),
  milestones: z.array(Milestone).max(30, { message: '节点最多 30 个' }).optional(),
  progressNote: z.string().trim().max(1000, { message: '进展说明最多 1000 字' }).optional(),
});

const CloseInput = z.object({
  id: z.string().min(1).max(40),
  expectedVersion: z.number().int().min(1),
  summary: z
    .string()
    .trim()
    .min(2, { message: '请填写结题说明' })
    .max(1000, { message: '结题说明最多 1000 字' }),
});

const STALE = ['orders.changed', 'problems.changed'] as const;
const WRITE = { role: 'commander', changes: ['problems.changed'] } as const;

export const PROBLEMS_PROCS = {
  /** 一类事 clusters of the last 30 / 90 days ranked as 每月一题 candidates. */
  'problems.candidates': query<ProblemCandidates>()(CandidatesInput, { stale: ['orders.changed'] }),
  /** The problem bank, newest month first, with progress and before/after figures. */
  'problems.list': query<ProblemList>()(z.object({}), { stale: STALE }),
  /** Pick a candidate (or write a topic) as a month's 每月一题. */
  'problems.create': mutation<ProblemView>()(CreateInput, WRITE),
  /** Edit a topic: owner units, measures, milestones (due, done), progress note. */
  'problems.update': mutation<ProblemView>()(UpdateInput, WRITE),
  /** Close a topic with its summary; the before/after figures are kept with it. */
  'problems.close': mutation<ProblemView>()(CloseInput, WRITE),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
