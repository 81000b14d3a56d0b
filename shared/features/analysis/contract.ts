/**
 * analysis.*: the charts of 分析研判, read from the analysis rollups on the read pool. Other
 * panels (the 点评会 report, meeting mode) call the same procedures; shapes below.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { Playbook } from './playbooks';
import type { AnalysisCubeCell, ParetoRow } from './cube';
import type { DensityCell, RepeatPoint } from './hotspot';
import type { TrendBucket, TrendGrain } from './trend';
import type { BacktestResult } from './forecast';
import type { SurgeRow } from './surge';
import { daysBetween } from './dates';

export interface AnalysisTrend {
  readonly grain: TrendGrain;
  readonly from: string;
  readonly to: string;
  readonly category: string | null;
  readonly community: string | null;
  readonly buckets: readonly TrendBucket[];
}

export interface AnalysisCube {
  /** Months 'YYYY-MM', both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly months: readonly string[];
  readonly total: number;
  readonly pareto: readonly ParetoRow[];
  readonly communities: ReadonlyArray<{ readonly community: string; readonly n: number }>;
  readonly cells: readonly AnalysisCubeCell[];
}

export interface AnalysisHotspot {
  /** China dates, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly minRepeat: number;
  /** Cell size in degrees (CELL_DEG). */
  readonly cellDeg: number;
  readonly total: number;
  readonly cells: readonly DensityCell[];
  readonly repeats: readonly RepeatPoint[];
}

export interface AnalysisSpotOrders {
  /** Newest first, at most 500. */
  readonly ids: readonly string[];
  readonly truncated: boolean;
}

export interface AnalysisSurge {
  /** The last 7 days, China dates inclusive. */
  readonly from: string;
  readonly to: string;
  /** The rule's numbers (the panel says it in words). */
  readonly ratio: number;
  readonly minExcess: number;
  /** First-level categories a running playbook watches, with its (lower) ratio. */
  readonly watched: ReadonlyArray<{
    readonly category: string;
    readonly ratio: number;
    readonly playbook: string;
  }>;
  /** Street-wide rows have community ''. Largest excess first. */
  readonly rows: readonly SurgeRow[];
}

export interface ForecastRow {
  /** First-level category, '' = all orders. */
  readonly category: string;
  /** Forecast per day for the next 7 days (from `from`). */
  readonly daily7: readonly number[];
  readonly next7: number;
  readonly next30: number;
  readonly backtest7: BacktestResult;
  readonly backtest30: BacktestResult;
}

export interface AnalysisForecast {
  /** First forecast day (today); history runs to the day before. */
  readonly from: string;
  readonly historyDays: number;
  readonly rows: readonly ForecastRow[];
  /** Time the backtest took in the core, ms. */
  readonly backtestMs: number;
}

export interface AnalysisPlaybooks {
  readonly date: string;
  /** The calendar's holiday name of the date, if any. */
  readonly holiday: string | null;
  readonly all: readonly Playbook[];
  /** Ids of the playbooks running on `date`. */
  readonly active: readonly Playbook['id'][];
}

const DATE = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const CATEGORY = z.string().regex(/^\d{2}$/);
const COMMUNITY = z.string().min(1).max(20);
const ORDER_OF = { message: '起始日期不能晚于结束日期', path: ['to'] };

/** Longest trend per grain: days 1 year, weeks 3 years, months 10 years. */
export const TREND_MAX_DAYS: Record<TrendGrain, number> = { day: 366, week: 3 * 366, month: 10 * 366 };

const TrendInput = z
  .object({
    grain: z.enum(['day', 'week', 'month']).default('day'),
    from: DATE,
    to: DATE,
    category: CATEGORY.optional(),
    community: COMMUNITY.optional(),
  })
  .refine((v) => v.from <= v.to, ORDER_OF)
  .refine((v) => daysBetween(v.from, v.to) < TREND_MAX_DAYS[v.grain], {
    message: '时间范围过长：按日最多一年，按周最多三年，按月最多十年',
    path: ['from'],
  });

const CubeInput = z
  .object({ from: MONTH, to: MONTH, category: CATEGORY.optional(), community: COMMUNITY.optional() })
  .refine((v) => v.from <= v.to, { message: '起始月份不能晚于结束月份', path: ['to'] })
  .refine((v) => Number(v.to.slice(0, 4)) - Number(v.from.slice(0, 4)) <= 5, {
    message: '时间范围过长：最多五年',
    path: ['from'],
  });

const HotspotInput = z.object({
  /** Last day of the window (default: today, China time). */
  to: DATE.optional(),
  days: z.number().int().min(1).max(366).default(30),
  /** A repeat point is the same place and category at least this many times in the window. */
  minRepeat: z.number().int().min(2).max(50).default(3),
  category: CATEGORY.optional(),
});

const SpotOrdersInput = z
  .object({
    cx: z.number().int().min(-400_000).max(400_000),
    cy: z.number().int().min(-200_000).max(200_000),
    category: CATEGORY.optional(),
    from: DATE,
    to: DATE,
  })
  .refine((v) => v.from <= v.to, ORDER_OF)
  .refine((v) => daysBetween(v.from, v.to) <= 366, { message: '时间范围过长：最多一年', path: ['from'] });

const STALE = ['orders.changed', 'reference.changed'] as const;

export const ANALYSIS_PROCS = {
  /** Orders received per day / week / month over [from, to], with last year and last month. */
  'analysis.trend': query<AnalysisTrend>()(TrendInput, { stale: STALE }),
  /** Category (first level) × community × month over months [from, to], with the Pareto. */
  'analysis.cube': query<AnalysisCube>()(CubeInput, { stale: STALE }),
  /** Density per place cell and repeat points over the last `days` days up to `to`. */
  'analysis.hotspot': query<AnalysisHotspot>()(HotspotInput, { stale: STALE }),
  /** The orders of one place cell (and category) in a date range: a hotspot's drill-down. */
  'analysis.spotOrders': query<AnalysisSpotOrders>()(SpotOrdersInput, { stale: STALE }),
  /** Surges in the last 7 days per category, street-wide and per community, against a seasonal baseline. */
  'analysis.surge': query<AnalysisSurge>()(z.object({ to: DATE.optional() }), { stale: STALE }),
  /** 7- and 30-day forecasts per category with the backtest against seasonal-naive. */
  'analysis.forecast': query<AnalysisForecast>()(z.object({ from: DATE.optional() }), { stale: STALE }),
  /** The seasonal playbooks and which run on `date` (default today). */
  'analysis.playbooks': query<AnalysisPlaybooks>()(z.object({ date: DATE.optional() }), {
    stale: ['system.changed'],
  }),
  /** An admin edits a playbook (dates, watch categories, threshold, checklist). */
  'analysis.savePlaybook': mutation<AnalysisPlaybooks>()(z.object({ playbook: Playbook }), {
    role: 'admin',
    changes: ['system.changed'],
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
