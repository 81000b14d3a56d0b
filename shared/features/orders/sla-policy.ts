/** SLA policy: which timers run for which orders, and how long they are. Configurable. */
import type { OrderSource, Urgency } from './order';

export type DurationUnit = 'minutes' | 'hours' | 'calendar_days' | 'working_days';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export const TIMER_KINDS = ['sign', 'contact', 'on_site', 'finish', 'verify', 'report_in'] as const;
/** 签收 · 联系群众 · 到场 · 办结 · 核查 · 报到 */
export type TimerKind = (typeof TIMER_KINDS)[number];

/** Timers of one class of order; a missing timer does not run. */
export interface SlaRule {
  readonly sign?: Duration;
  readonly contact?: Duration;
  readonly onSite?: Duration;
  readonly finish: Duration;
  /** Verification after reply (grid events). */
  readonly verify?: Duration;
  /** Maximum extension, once; absent = no extension allowed. */
  readonly extension?: Duration;
}

export interface SlaPolicy {
  readonly version: number;
  /** Rules for hotline and most other sources, by urgency. */
  readonly byUrgency: Readonly<Record<Urgency, SlaRule>>;
  /** Overrides by source (grid events, volunteer requests). */
  readonly bySource: Partial<Readonly<Record<OrderSource, SlaRule>>>;
  /** Warning thresholds as fractions of each timer. */
  readonly warnAt: readonly number[];
  /** The hall's internal finish deadline as a fraction of the upstream one (tighter). */
  readonly internalFraction: number;
  /** Report-in deadline of a whistle, minutes. */
  readonly whistleReportMinutes: number;
}

const m = (amount: number): Duration => ({ amount, unit: 'minutes' });
const h = (amount: number): Duration => ({ amount, unit: 'hours' });
const d = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const wd = (amount: number): Duration => ({ amount, unit: 'working_days' });

/** Defaults from PRODUCT.md ("Deadlines"), grounded in Beijing's public rules. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  version: 1,
  byUrgency: {
    P0: { sign: m(15), contact: m(30), onSite: m(30), finish: h(2) },
    P1: { sign: m(30), contact: h(2), onSite: h(4), finish: h(24) },
    P2: { sign: h(2), contact: h(24), finish: d(7), extension: d(7) },
    P3: { sign: h(2), contact: h(24), finish: d(15), extension: d(15) },
  },
  bySource: {
    grid: { sign: m(30), finish: wd(1), verify: h(1), extension: wd(1) },
    iot: { sign: m(10), onSite: h(1), finish: h(2), verify: h(1) },
    volunteer: { sign: h(24), contact: h(24), finish: d(3), extension: d(3) },
  },
  warnAt: [0.5, 0.75, 0.9],
  internalFraction: 0.8,
  whistleReportMinutes: 30,
};
