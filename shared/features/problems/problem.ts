/**
 * 每月一题: the problem bank. A topic the commander picks for the month (from a 一类事 candidate
 * or written anew) with its owner units, measures, milestones (due date, done), a progress note,
 * and its closure with before/after figures (orders of the cluster per month before the topic
 * and since). Pure: schemas, progress and the figures from counted orders.
 */
import { z } from 'zod';
import type { ClusterSignature } from './cluster';

export const DATE = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '日期格式应为 YYYY-MM-DD' });
export const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what}最多 ${max} 字` });

export const Milestone = z.object({
  id: z.string().min(1).max(40),
  title: text(100, '节点名称').min(1, { message: '请填写节点名称' }),
  due: DATE,
  done: z.boolean(),
});
export type Milestone = z.infer<typeof Milestone>;

export const Signature = z.object({
  grain: z.enum(['spot', 'community']),
  community: z.string().max(40).nullable(),
  category: z.string().max(20).nullable().optional(),
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).nullable(),
  radiusM: z.number().min(1).max(5000).nullable(),
  terms: z.record(z.string().max(4), z.number().min(0).max(1)).refine((r) => Object.keys(r).length <= 60, {
    message: '特征词过多',
  }),
  idf: z.record(z.string().max(4), z.number().min(0).max(50)).refine((r) => Object.keys(r).length <= 60, {
    message: '特征词过多',
  }),
  defaultIdf: z.number().min(0).max(50),
}) satisfies z.ZodType<ClusterSignature>;

export const ProblemFields = z.object({
  title: text(60, '题目').min(2, { message: '请填写题目（至少 2 个字）' }),
  description: text(1000, '说明').default(''),
  ownerUnits: z.array(z.string().min(1).max(40)).max(20, { message: '责任单位最多 20 个' }).default([]),
  measures: z.array(text(200, '措施').min(1)).max(30, { message: '措施最多 30 条' }).default([]),
});

export interface ProblemFigures {
  /** The 90 days before the topic started, and since (to the closure or today). China dates. */
  readonly beforeFrom: string;
  readonly beforeTo: string;
  readonly before: number;
  readonly afterFrom: string;
  readonly afterTo: string;
  readonly after: number;
  /** Orders per 30 days in each period. */
  readonly beforePerMonth: number;
  readonly afterPerMonth: number;
  /** Change of the per-month rate, % (null when there was nothing before). */
  readonly changePct: number | null;
  /** Orders per calendar month over both periods. */
  readonly monthly: ReadonlyArray<{ readonly month: string; readonly n: number }>;
}

export interface ProblemView {
  readonly id: string;
  readonly month: string;
  readonly title: string;
  readonly description: string;
  readonly ownerUnits: readonly string[];
  readonly measures: readonly string[];
  readonly milestones: readonly Milestone[];
  readonly progressNote: string;
  /** Done milestones / all, 0..100 (100 when closed). */
  readonly progress: number;
  readonly status: 'open' | 'closed';
  /** The candidate it was picked from: its words and place, and its orders then. */
  readonly source: { readonly label: string; readonly place: string; readonly ids: readonly string[] } | null;
  readonly hasCluster: boolean;
  readonly version: number;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly closedAt: number | null;
  readonly closure: { readonly summary: string; readonly figures: ProblemFigures | null } | null;
  /** Live figures (the closure's once closed); null without a cluster. */
  readonly figures: ProblemFigures | null;
}

/** The after period needs this many days before a change is shown. */
export const MIN_AFTER_DAYS = 7;

/** Milestone progress, 0..100. */
export function progressOf(milestones: readonly Milestone[], closed: boolean): number {
  if (closed) return 100;
  if (milestones.length === 0) return 0;
  return Math.round((milestones.filter((m) => m.done).length / milestones.length) * 100);
}

/** Figures from the matching orders' China dates. */
export function figuresOf(
  days: readonly string[],
  beforeFrom: string,
  start: string,
  afterTo: string,
  daysBetween: (a: string, b: string) => number,
  addDays: (d: string, n: number) => string,
): ProblemFigures {
  const beforeTo = addDays(start, -1);
  const before = days.filter((d) => d >= beforeFrom && d <= beforeTo).length;
  const after = days.filter((d) => d >= start && d <= afterTo).length;
  const beforeDays = daysBetween(beforeFrom, beforeTo) + 1;
  const afterDays = Math.max(1, daysBetween(start, afterTo) + 1);
  const beforePerMonth = Math.round((before / beforeDays) * 30 * 10) / 10;
  const afterPerMonth = Math.round((after / afterDays) * 30 * 10) / 10;
  const monthly = new Map<string, number>();
  for (let m = beforeFrom.slice(0, 7); m <= afterTo.slice(0, 7); m = nextMonth(m)) monthly.set(m, 0);
  for (const d of days) {
    const m = d.slice(0, 7);
    if (monthly.has(m) && d >= beforeFrom && d <= afterTo) monthly.set(m, (monthly.get(m) ?? 0) + 1);
  }
  return {
    beforeFrom,
    beforeTo,
    before,
    afterFrom: start,
    afterTo,
    after,
    beforePerMonth,
    afterPerMonth,
    // A change is only said once the after period has a week behind it.
    changePct:
      before === 0 || afterDays < MIN_AFTER_DAYS
        ? null
        : Math.round(((afterPerMonth - beforePerMonth) / beforePerMonth) * 100),
    monthly: [...monthly].map(([month, n]) => ({ month, n })),
  };
}

export function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
