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
 *     on_site   dispatchedAt → contactedAt (the projection has no first-progress time; first
 *               contact is the closest recorded proof of presence)
 *     finish    receivedAt   → repliedAt, deadline + approved extension (in the unit family of
 *               the rule: working days when the finish or extension rule counts working days,
 *               otherwise calendar days). For upstream orders (12345 hotline with an
 *               upstreamDeadline) the internal deadline is receivedAt + internalFraction × the
 *               upstream allowance, and a second timer with scope 'upstream' ends at the upstream
 *               deadline (+ the approved extension in calendar days).
 *     verify    repliedAt    → closedAt
 *     report_in summonedAt   → reportedAt, one per whistle summons (deadline from the event).
 *   A timer appears once its start is known.
 * - Suspension (挂账): the order sits in the problem bank, so its running timers are frozen at
 *   suspendedAt (fraction and level as of that instant; nothing turns overdue while suspended).
 *   After 解除挂账 they run again against the original deadlines: the projection does not record
 *   how long the order was suspended, so no time is credited back.
 * - Closed orders freeze running timers at closedAt; merged orders have no timers.
 * - Level: stopped timers are 'ok' when met and 'overdue' when not. Running timers: 'overdue'
 *   once `now` is past the deadline (the deadline instant itself is still in time), otherwise
 *   the highest warning reached, inclusive (exactly 50 % → warn50). The thresholds come from
 *   policy.warnAt (sorted): the first, second and third map to warn50, warn75, warn90.
 * - fraction = elapsed / allowed, wall-clock (a working-day timer's allowance includes the
 *   holidays inside it).
 */
import type { WorkOrder } from '../domain/order';
import { approvedExtensionDays } from '../domain/order-reducer';
import type { Duration, SlaPolicy, SlaRule, TimerKind } from '../domain/sla-policy';
import { addDays, chinaDate, chinaMidnight, type WorkCalendar } from './calendar';

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
export function isUpstreamOrder(order: WorkOrder): boolean {
  return order.source === 'hotline' && order.upstreamDeadline !== null;
}

function extensionDuration(order: WorkOrder, rule: SlaRule): Duration | null {
  const days = approvedExtensionDays(order);
  if (days <= 0) return null;
  const working = rule.finish.unit === 'working_days' || rule.extension?.unit === 'working_days';
  return { amount: days, unit: working ? 'working_days' : 'calendar_days' };
}

/** The upstream deadline including an approved extension, or null for non-upstream orders. */
export function upstreamFinishDeadline(order: WorkOrder): number | null {
  if (order.upstreamDeadline === null) return null;
  return order.upstreamDeadline + approvedExtensionDays(order) * DAY;
}

/** The internal finish deadline stored on the projection for fast overdue queries. */
export function finishDeadline(order: WorkOrder, policy: SlaPolicy, cal: WorkCalendar): number | null {
  if (order.status === 'merged') return null;
  const up = upstreamFinishDeadline(order);
  if (isUpstreamOrder(order) && up !== null) {
    return order.receivedAt + Math.round(policy.internalFraction * (up - order.receivedAt));
  }
  const rule = ruleFor(order, policy);
  const base = addDuration(order.receivedAt, rule.finish, cal);
  const ext = extensionDuration(order, rule);
  return ext ? addDuration(base, ext, cal) : base;
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

function timer(
  kind: TimerKind,
  scope: 'internal' | 'upstream',
  startedAt: number,
  deadline: number,
  stoppedAt: number | null,
  now: number,
  warnAt: readonly number[],
): TimerState {
  const at = stoppedAt ?? now;
  const allowed = deadline - startedAt;
  const elapsed = Math.max(0, at - startedAt);
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
  // Frozen clock while suspended or once closed (see the header).
  const clock =
    order.status === 'suspended' && order.suspendedAt !== null
      ? Math.min(now, order.suspendedAt)
      : order.status === 'closed' && order.closedAt !== null
        ? Math.min(now, order.closedAt)
        : now;
  const w = policy.warnAt;
  const out: TimerState[] = [];
  const run = (kind: TimerKind, start: number | null, d: Duration | undefined, stop: number | null) => {
    if (start === null || d === undefined) return;
    out.push(timer(kind, 'internal', start, addDuration(start, d, cal), stop, clock, w));
  };
  run('sign', order.dispatchedAt, rule.sign, order.signedAt);
  run('contact', order.receivedAt, rule.contact, order.contactedAt);
  run('on_site', order.dispatchedAt, rule.onSite, order.contactedAt);
  const finish = finishDeadline(order, policy, cal);
  if (finish !== null) {
    out.push(timer('finish', 'internal', order.receivedAt, finish, order.repliedAt, clock, w));
  }
  const up = upstreamFinishDeadline(order);
  if (up !== null) out.push(timer('finish', 'upstream', order.receivedAt, up, order.repliedAt, clock, w));
  run('verify', order.repliedAt, rule.verify, order.closedAt);
  for (const s of order.whistle) {
    out.push(timer('report_in', 'internal', s.summonedAt, s.deadline, s.reportedAt, clock, w));
  }
  return out;
}
