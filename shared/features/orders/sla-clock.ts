/**
 * SLA clock: every timer of an order, its deadline and warning level (PRODUCT.md "Deadlines").
 *
 * Rules chosen here (the product brief leaves them open):
 * - Working days: `N working days` from `start` ends on the N-th working day *after* the China
 *   date of `start`, at the same China time of day. A start on a holiday therefore counts from
 *   the next working day onwards (Sat 10:00 + 1 wd = Mon 10:00). Fractions are rounded up.
 * - The rule of an order: `policy.bySource[source] ?? policy.byUrgency[urgency]`.
 * - Timers:
 *     sign      dispatchedAt → signedAt
 *     contact   receivedAt   → contactedAt
 *     on_site   dispatchedAt → arrivedAt (到场: the first progress report since the dispatch)
 *     finish    receivedAt   → repliedAt, deadline + approved extension (in the unit family of
 *               the rule: working days when the finish or extension rule counts working days,
 *               otherwise calendar days). For upstream orders (12345 hotline with an
 *               upstreamDeadline) the internal deadline is receivedAt + internalFraction × the
 *               upstream allowance, and a second timer with scope 'upstream' ends at the upstream
 *               deadline (+ the approved extension in calendar days).
 *     verify    repliedAt    → closedAt
 *     report_in summonedAt   → reportedAt, one per whistle summons (deadline from the event).
 *   A timer appears once its start is known.
 * - Suspension (挂账) pauses the clock: time in the problem bank does not count against the unit.
 *   While suspended, running timers are frozen at suspendedAt (fraction and level as of that
 *   instant; nothing turns overdue while suspended). After 解除挂账 each timer's deadline moves
 *   later by the suspended time that lies inside the timer's own window [start, stop or now]
 *   (`suspendedWithin`), and that time is left out of its elapsed share. A timer that ran through
 *   every suspension — always the finish timers, since an order is only suspended before its
 *   current reply — is thus shifted by the order's whole `suspendedMs`; a timer that stopped
 *   before a suspension, or started after it (verify, a sign after 转派), is not shifted by it.
 *   Stopping later never changes a timer's credit, so met/overdue does not flip at the stop.
 *   The credit also moves the stored finish deadline and both upstream-order finish deadlines.
 * - Closed orders freeze running timers at closedAt; merged orders have no timers.
 * - Level: stopped timers are 'ok' when met and 'overdue' when not. Running timers: 'overdue'
 *   once `now` is past the deadline (the deadline instant itself is still in time), otherwise
 *   the highest warning reached, inclusive (exactly 50 % → warn50). The thresholds come from
 *   policy.warnAt (sorted): the first, second and third map to warn50, warn75, warn90.
 * - fraction = (elapsed − suspended credit) / allowed, wall-clock (a working-day timer's allowance
 *   includes the holidays inside it).
 */
import type { WorkOrder } from './order';
import { approvedExtensionDays } from './order-reducer';
import type { Duration, SlaPolicy, SlaRule, TimerKind } from './sla-policy';
import { addDays, chinaDate, chinaMidnight, type WorkCalendar } from '../../kernel/calendar';
import { timerClock } from './timer-clock';

export { timerClock } from './timer-clock';

export type TimerLevel = 'ok' | 'warn50' | 'warn75' | 'warn90' | 'overdue';

export interface TimerState {
  readonly kind: TimerKind;
  /** Which deadline: the hall's internal one, or the upstream's (12345 orders show both). */
  readonly scope: 'internal' | 'upstream';
  readonly startedAt: number;
  readonly deadline: number;
  /** When the timer was satisfied (e.g. signedAt for 'sign'); null while running. */
  readonly stoppedAt: number | null;
  /** Elapsed share of the allowed time at `now` or at stop (may exceed 1). */
  readonly fraction: number;
  readonly level: TimerLevel;
  /** null while running; true/false once stopped. */
  readonly met: boolean | null;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Safety stop for working-day search (a calendar with no working day at all). */
const MAX_SCAN_DAYS = 3660;

/** The N-th working day after `date` (N ≥ 1); N = 0 returns `date`. */
export function nthWorkingDayAfter(date: string, n: number, cal: WorkCalendar): string {
  let d = date;
  let left = n;
  for (let i = 0; left > 0; i++) {
    if (i > MAX_SCAN_DAYS) throw new Error(`no working day within ${MAX_SCAN_DAYS} days of ${date}`);
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

export function addDuration(start: number, d: Duration, cal: WorkCalendar): number {
  switch (d.unit) {
    case 'minutes':
      return start + d.amount * MINUTE;
    case 'hours':
      return start + d.amount * HOUR;
    case 'calendar_days':
      // China has no DST: a calendar day is always 24 h.
      return start + d.amount * DAY;
    case 'working_days': {
      const n = Math.ceil(d.amount);
      if (n <= 0) return start;
      const day = chinaDate(start);
      const timeOfDay = start - chinaMidnight(day);
      return chinaMidnight(nthWorkingDayAfter(day, n, cal)) + timeOfDay;
    }
  }
}

/** The rule that applies to an order. */
export function ruleFor(order: WorkOrder, policy: SlaPolicy): SlaRule {
  return policy.bySource[order.source] ?? policy.byUrgency[order.urgency];
}

/** Upstream orders: 12345 hotline orders that carry the upstream's deadline. */
function isUpstreamOrder(order: WorkOrder): boolean {
  return order.source === 'hotline' && order.upstreamDeadline !== null;
}

/** Suspended time (finished suspensions) inside [from, to]: the credit of a timer over that window. */
function suspendedWithin(order: WorkOrder, from: number, to: number): number {
  let ms = 0;
  for (const s of order.suspensions) {
    ms += Math.max(0, Math.min(to, s.resumedAt) - Math.max(from, s.suspendedAt));
  }
  return ms;
}

/** The finish timers run from receipt to the reply, so they are credited every suspension so far. */
function finishCredit(order: WorkOrder): number {
  return suspendedWithin(order, order.receivedAt, order.repliedAt ?? Number.POSITIVE_INFINITY);
}

function extensionDuration(order: WorkOrder, rule: SlaRule): Duration | null {
  const days = approvedExtensionDays(order);
  if (days <= 0) return null;
  const working = rule.finish.unit === 'working_days' || rule.extension?.unit === 'working_days';
  return { amount: days, unit: working ? 'working_days' : 'calendar_days' };
}

/** Upstream deadline + approved extension, before the suspension credit. */
function upstreamBase(order: WorkOrder): number | null {
  if (order.upstreamDeadline === null) return null;
  return order.upstreamDeadline + approvedExtensionDays(order) * DAY;
}

/** Internal finish deadline before the suspension credit. */
function finishBase(order: WorkOrder, policy: SlaPolicy, cal: WorkCalendar): number | null {
  if (order.status === 'merged') return null;
  const up = upstreamBase(order);
  if (isUpstreamOrder(order) && up !== null) {
    return order.receivedAt + Math.round(policy.internalFraction * (up - order.receivedAt));
  }
  const rule = ruleFor(order, policy);
  const base = addDuration(order.receivedAt, rule.finish, cal);
  const ext = extensionDuration(order, rule);
  return ext ? addDuration(base, ext, cal) : base;
}

/**
 * The internal finish deadline stored on the projection for fast overdue queries, including the
 * time spent in finished suspensions (a suspended order is not open, so it is not queried).
 */
export function finishDeadline(order: WorkOrder, policy: SlaPolicy, cal: WorkCalendar): number | null {
  const base = finishBase(order, policy, cal);
  return base === null ? null : base + finishCredit(order);
}

/** Warning level of a running timer at elapsed fraction `f` (at = instant, deadline). */
export function levelAt(fraction: number, pastDeadline: boolean, warnAt: readonly number[]): TimerLevel {
  if (pastDeadline) return 'overdue';
  const t = [...warnAt].sort((a, b) => a - b);
  const names: TimerLevel[] = ['warn50', 'warn75', 'warn90'];
  let level: TimerLevel = 'ok';
  t.slice(0, 3).forEach((threshold, i) => {
    if (fraction >= threshold) level = names[i] ?? level;
  });
  return level;
}

/** A timer with its deadline `base` before the suspension credit (see the header). */
function timer(
  order: WorkOrder,
  kind: TimerKind,
  scope: 'internal' | 'upstream',
  startedAt: number,
  base: number,
  stoppedAt: number | null,
  now: number,
  warnAt: readonly number[],
): TimerState {
  const at = stoppedAt ?? now;
  const credit = suspendedWithin(order, startedAt, at);
  const deadline = base + credit;
  const allowed = base - startedAt;
  const elapsed = Math.max(0, at - startedAt - credit);
  const fraction = allowed > 0 ? elapsed / allowed : at > deadline ? Number.POSITIVE_INFINITY : 1;
  if (stoppedAt !== null) {
    const met = stoppedAt <= deadline;
    return { kind, scope, startedAt, deadline, stoppedAt, fraction, level: met ? 'ok' : 'overdue', met };
  }
  return {
    kind,
    scope,
    startedAt,
    deadline,
    stoppedAt,
    fraction,
    level: levelAt(fraction, at > deadline, warnAt),
    met: null,
  };
}

export function orderTimers(
  order: WorkOrder,
  policy: SlaPolicy,
  now: number,
  cal: WorkCalendar,
): TimerState[] {
  if (order.status === 'merged') return [];
  const rule = ruleFor(order, policy);
  const clock = timerClock(order, now);
  const w = policy.warnAt;
  const out: TimerState[] = [];
  const push = (
    kind: TimerKind,
    scope: 'internal' | 'upstream',
    start: number,
    base: number,
    stop: number | null,
  ) => out.push(timer(order, kind, scope, start, base, stop, clock, w));
  const run = (kind: TimerKind, start: number | null, d: Duration | undefined, stop: number | null) => {
    if (start === null || d === undefined) return;
    push(kind, 'internal', start, addDuration(start, d, cal), stop);
  };
  run('sign', order.dispatchedAt, rule.sign, order.signedAt);
  run('contact', order.receivedAt, rule.contact, order.contactedAt);
  run('on_site', order.dispatchedAt, rule.onSite, order.arrivedAt);
  const finish = finishBase(order, policy, cal);
  if (finish !== null) push('finish', 'internal', order.receivedAt, finish, order.repliedAt);
  const up = upstreamBase(order);
  if (up !== null) push('finish', 'upstream', order.receivedAt, up, order.repliedAt);
  run('verify', order.repliedAt, rule.verify, order.closedAt);
  for (const s of order.whistle) push('report_in', 'internal', s.summonedAt, s.deadline, s.reportedAt);
  return out;
}
