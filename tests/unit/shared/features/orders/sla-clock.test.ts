import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../../../shared/features/orders/order';
import { reduceOrder } from '../../../../../shared/features/orders/order-reducer';
import {
  DEFAULT_SLA_POLICY as POLICY,
  type Duration,
} from '../../../../../shared/features/orders/sla-policy';
import { chinaCalendar as cal, chinaMidnight, withOverrides } from '../../../../../shared/kernel/calendar';
import {
  addDuration,
  finishDeadline,
  levelAt,
  nthWorkingDayAfter,
  orderTimers,
  ruleFor,
  timerClock,
  type TimerState,
} from '../../../../../shared/features/orders/sla-clock';
import { CREATED, DAY, HOUR, MIN, T0, makeEvent } from '../../fixtures';

/** China wall-clock time → epoch ms. */
const cst = (date: string, hh = 0, mm = 0) => chinaMidnight(date) + hh * HOUR + mm * MIN;
const wd = (amount: number): Duration => ({ amount, unit: 'working_days' });

function baseOrder(over: Partial<WorkOrder> = {}): WorkOrder {
  const o = reduceOrder([
    makeEvent('created', { ...CREATED, upstreamDeadline: null, source: 'walk_in' }, T0),
  ]);
  if (!o) throw new Error('no order');
  return { ...o, ...over };
}
const find = (ts: TimerState[], kind: string, scope = 'internal') => {
  const t = ts.find((x) => x.kind === kind && x.scope === scope);
  if (!t) throw new Error(`no ${scope} ${kind} timer in ${ts.map((x) => x.kind).join(',')}`);
  return t;
};

describe('addDuration', () => {
  it('minutes, hours, calendar days', () => {
    expect(addDuration(T0, { amount: 15, unit: 'minutes' }, cal)).toBe(T0 + 15 * MIN);
    expect(addDuration(T0, { amount: 24, unit: 'hours' }, cal)).toBe(T0 + DAY);
    // calendar days ignore holidays
    expect(addDuration(cst('2026-02-13', 10), { amount: 7, unit: 'calendar_days' }, cal)).toBe(
      cst('2026-02-20', 10),
    );
  });
  it('working days: same time of day on the N-th working day after', () => {
    expect(addDuration(cst('2026-03-02', 10), wd(1), cal)).toBe(cst('2026-03-03', 10)); // Mon → Tue
    expect(addDuration(cst('2026-03-06', 10), wd(1), cal)).toBe(cst('2026-03-09', 10)); // Fri → Mon
    expect(addDuration(cst('2026-03-06', 23, 30), wd(1), cal)).toBe(cst('2026-03-09', 23, 30));
    expect(addDuration(cst('2026-03-07', 10), wd(1), cal)).toBe(cst('2026-03-09', 10)); // Sat start → Mon
    expect(addDuration(cst('2026-03-02', 0, 5), wd(5), cal)).toBe(cst('2026-03-09', 0, 5));
  });
  it('working days across the 2026 Spring Festival break', () => {
    expect(addDuration(cst('2026-02-13', 10), wd(1), cal)).toBe(cst('2026-02-14', 10)); // make-up Saturday
    expect(addDuration(cst('2026-02-13', 10), wd(2), cal)).toBe(cst('2026-02-24', 10));
    expect(addDuration(cst('2026-02-14', 15), wd(1), cal)).toBe(cst('2026-02-24', 15));
    expect(addDuration(cst('2026-02-16', 9), wd(1), cal)).toBe(cst('2026-02-24', 9)); // start in the break
    expect(addDuration(cst('2026-02-24', 9), wd(4), cal)).toBe(cst('2026-02-28', 9)); // Tue+4 = make-up Sat 02-28
  });
  it('working days across the 2026 National Day break', () => {
    expect(addDuration(cst('2026-09-30', 17), wd(1), cal)).toBe(cst('2026-10-08', 17));
    expect(addDuration(cst('2026-09-29', 17), wd(2), cal)).toBe(cst('2026-10-08', 17));
    expect(addDuration(cst('2026-10-09', 8), wd(1), cal)).toBe(cst('2026-10-10', 8)); // make-up Saturday
    expect(addDuration(cst('2026-09-18', 8), wd(1), cal)).toBe(cst('2026-09-20', 8)); // make-up Sunday
  });
  it('zero and fractional working days', () => {
    expect(addDuration(T0, wd(0), cal)).toBe(T0);
    expect(addDuration(cst('2026-03-02', 10), wd(0.5), cal)).toBe(cst('2026-03-03', 10));
  });
  it('uses the calendar it is given', () => {
    const closedTue = withOverrides(cal, { holidays: ['2026-03-03'], workdays: [] });
    expect(addDuration(cst('2026-03-02', 10), wd(1), closedTue)).toBe(cst('2026-03-04', 10));
    expect(nthWorkingDayAfter('2026-03-02', 0, cal)).toBe('2026-03-02');
    expect(() => nthWorkingDayAfter('2026-03-02', 1, { isWorkingDay: () => false })).toThrow(
      /no working day/,
    );
  });
});

describe('levels', () => {
  it('warns exactly at the thresholds; overdue only past the deadline', () => {
    const w = POLICY.warnAt;
    expect(levelAt(0.4999, false, w)).toBe('ok');
    expect(levelAt(0.5, false, w)).toBe('warn50');
    expect(levelAt(0.75, false, w)).toBe('warn75');
    expect(levelAt(0.9, false, w)).toBe('warn90');
    expect(levelAt(1, false, w)).toBe('warn90');
    expect(levelAt(1.0001, true, w)).toBe('overdue');
  });
  it('custom thresholds map in order', () => {
    expect(levelAt(0.59, false, [0.95, 0.6, 0.8])).toBe('ok');
    expect(levelAt(0.6, false, [0.95, 0.6, 0.8])).toBe('warn50');
    expect(levelAt(0.8, false, [0.95, 0.6, 0.8])).toBe('warn75');
    expect(levelAt(0.95, false, [0.95, 0.6, 0.8])).toBe('warn90');
  });
});

describe('sign timer (P2: 2 h from dispatch)', () => {
  const dispatched = baseOrder({ status: 'dispatched', dispatchedAt: T0, unitId: 'U-A' });
  const sign = (now: number) => find(orderTimers(dispatched, POLICY, now, cal), 'sign');
  it('levels at the exact thresholds', () => {
    expect(sign(T0 + 60 * MIN - 1)).toMatchObject({ level: 'ok', met: null, stoppedAt: null });
    expect(sign(T0 + 60 * MIN)).toMatchObject({ level: 'warn50', fraction: 0.5 });
    expect(sign(T0 + 90 * MIN)).toMatchObject({ level: 'warn75', fraction: 0.75 });
    expect(sign(T0 + 108 * MIN)).toMatchObject({ level: 'warn90' });
    expect(sign(T0 + 120 * MIN)).toMatchObject({ level: 'warn90', fraction: 1 });
    expect(sign(T0 + 120 * MIN + 1)).toMatchObject({ level: 'overdue' });
    expect(sign(T0).deadline).toBe(T0 + 2 * HOUR);
  });
  it('stops at signedAt: met or late', () => {
    const inTime = baseOrder({ status: 'in_progress', dispatchedAt: T0, signedAt: T0 + 2 * HOUR });
    expect(find(orderTimers(inTime, POLICY, T0 + DAY, cal), 'sign')).toMatchObject({
      stoppedAt: T0 + 2 * HOUR,
      met: true,
      level: 'ok',
      fraction: 1,
    });
    const late = baseOrder({ status: 'in_progress', dispatchedAt: T0, signedAt: T0 + 3 * HOUR });
    expect(find(orderTimers(late, POLICY, T0 + DAY, cal), 'sign')).toMatchObject({
      met: false,
      level: 'overdue',
      fraction: 1.5,
    });
  });
  it('does not run before dispatch', () => {
    expect(orderTimers(baseOrder(), POLICY, T0, cal).map((t) => t.kind)).toEqual(['contact', 'finish']);
  });
});

describe('contact, on_site, verify, report_in', () => {
  it('contact runs from receipt (P2: 24 h) and stops at contactedAt', () => {
    const o = baseOrder({ status: 'in_progress', dispatchedAt: T0, signedAt: T0 + MIN });
    expect(find(orderTimers(o, POLICY, T0 + 12 * HOUR, cal), 'contact')).toMatchObject({
      startedAt: T0,
      deadline: T0 + DAY,
      level: 'warn50',
    });
    const c = { ...o, contactedAt: T0 + 3 * HOUR };
    expect(find(orderTimers(c, POLICY, T0 + 2 * DAY, cal), 'contact')).toMatchObject({
      met: true,
      stoppedAt: T0 + 3 * HOUR,
      fraction: 0.125,
    });
  });
  it('on_site (P0: 30 min from dispatch) stops at arrival (first progress), not at contact', () => {
    const o = baseOrder({
      urgency: 'P0',
      status: 'in_progress',
      dispatchedAt: T0 + 5 * MIN,
      signedAt: T0 + 6 * MIN,
    });
    const running = orderTimers(o, POLICY, T0 + 32 * MIN, cal);
    expect(running.map((t) => t.kind)).toEqual(['sign', 'contact', 'on_site', 'finish']);
    expect(find(running, 'on_site')).toMatchObject({ deadline: T0 + 35 * MIN, level: 'warn90' });
    expect(find(running, 'contact')).toMatchObject({ deadline: T0 + 30 * MIN, level: 'overdue' });
    expect(find(running, 'finish')).toMatchObject({ deadline: T0 + 2 * HOUR });
    // a phone call is not presence: the on-site timer keeps running after contact
    const called = { ...o, contactedAt: T0 + 20 * MIN };
    expect(find(orderTimers(called, POLICY, T0 + HOUR, cal), 'on_site')).toMatchObject({
      met: null,
      stoppedAt: null,
      level: 'overdue',
    });
    const arrived = { ...called, arrivedAt: T0 + 25 * MIN };
    expect(find(orderTimers(arrived, POLICY, T0 + HOUR, cal), 'on_site')).toMatchObject({
      met: true,
      stoppedAt: T0 + 25 * MIN,
    });
    const late = { ...called, arrivedAt: T0 + 40 * MIN };
    expect(find(orderTimers(late, POLICY, T0 + HOUR, cal), 'on_site')).toMatchObject({
      met: false,
      level: 'overdue',
    });
  });
  it('on_site from events: the first progressed after dispatch stops it', () => {
    const o = reduceOrder([
      makeEvent('created', { ...CREATED, urgency: 'P0', upstreamDeadline: null, source: 'walk_in' }, T0),
      makeEvent('dispatched', { unitId: 'U-A', coUnitIds: [], note: '' }, T0 + MIN),
      makeEvent('signed', { unitId: 'U-A' }, T0 + 2 * MIN),
      makeEvent('contacted', { note: '' }, T0 + 3 * MIN),
      makeEvent('progressed', { note: '已到场', photos: [] }, T0 + 28 * MIN),
      makeEvent('progressed', { note: '处置中', photos: [] }, T0 + 50 * MIN),
    ]);
    if (!o) throw new Error('no order');
    expect(find(orderTimers(o, POLICY, T0 + 2 * HOUR, cal), 'on_site')).toMatchObject({
      startedAt: T0 + MIN,
      stoppedAt: T0 + 28 * MIN,
      met: true,
    });
  });
  it('verify (grid: 1 h after reply) stops at closedAt', () => {
    const o = baseOrder({
      source: 'grid',
      status: 'replied',
      dispatchedAt: T0,
      signedAt: T0,
      repliedAt: T0 + 3 * HOUR,
    });
    expect(find(orderTimers(o, POLICY, T0 + 3 * HOUR + 45 * MIN, cal), 'verify')).toMatchObject({
      deadline: T0 + 4 * HOUR,
      level: 'warn75',
    });
    const closed = { ...o, status: 'closed' as const, closedAt: T0 + 5 * HOUR };
    expect(find(orderTimers(closed, POLICY, T0 + DAY, cal), 'verify')).toMatchObject({
      met: false,
      level: 'overdue',
    });
    expect(
      orderTimers(baseOrder({ status: 'replied', repliedAt: T0 + HOUR }), POLICY, T0, cal).some(
        (t) => t.kind === 'verify',
      ),
    ).toBe(false);
  });
  it('report_in: one timer per summons', () => {
    const o = baseOrder({
      status: 'in_progress',
      whistle: [
        { unitId: 'U-X', summonedAt: T0, deadline: T0 + 30 * MIN, reportedAt: T0 + 10 * MIN },
        { unitId: 'U-Y', summonedAt: T0, deadline: T0 + 30 * MIN, reportedAt: T0 + 40 * MIN },
        { unitId: 'U-Z', summonedAt: T0, deadline: T0 + 30 * MIN, reportedAt: null },
      ],
    });
    const r = orderTimers(o, POLICY, T0 + 15 * MIN, cal).filter((t) => t.kind === 'report_in');
    expect(r.map((t) => [t.met, t.level])).toEqual([
      [true, 'ok'],
      [false, 'overdue'],
      [null, 'warn50'],
    ]);
  });
});

describe('finish timer', () => {
  it('P2 walk-in: 7 calendar days', () => {
    const o = baseOrder();
    expect(finishDeadline(o, POLICY, cal)).toBe(T0 + 7 * DAY);
    expect(find(orderTimers(o, POLICY, T0 + 7 * DAY * 0.9, cal), 'finish').level).toBe('warn90');
  });
  it('stops at the reply; rework (reply cleared) runs it again', () => {
    const o = baseOrder({ status: 'replied', repliedAt: T0 + DAY });
    expect(find(orderTimers(o, POLICY, T0 + 10 * DAY, cal), 'finish')).toMatchObject({
      met: true,
      level: 'ok',
    });
    const rework = { ...o, status: 'in_progress' as const, repliedAt: null, reworkCount: 1 };
    expect(find(orderTimers(rework, POLICY, T0 + 10 * DAY, cal), 'finish')).toMatchObject({
      met: null,
      level: 'overdue',
    });
  });
  it('approved extension adds days; a pending request does not', () => {
    const pending = baseOrder({ extensionPending: true, extensionRequests: 1, extensionRequestedDays: 7 });
    expect(finishDeadline(pending, POLICY, cal)).toBe(T0 + 7 * DAY);
    const approved = { ...pending, extensionPending: false, extensionRequestedDays: 0, extensionDays: 7 };
    expect(finishDeadline(approved, POLICY, cal)).toBe(T0 + 14 * DAY);
    expect(find(orderTimers(approved, POLICY, T0 + 7 * DAY, cal), 'finish')).toMatchObject({
      level: 'warn50',
      deadline: T0 + 14 * DAY,
    });
  });
  it('grid events: 1 working day, across the Spring Festival break, extension in working days', () => {
    const received = cst('2026-02-14', 16); // make-up Saturday
    const o = baseOrder({ source: 'grid', receivedAt: received });
    expect(ruleFor(o, POLICY)).toBe(POLICY.bySource.grid);
    expect(finishDeadline(o, POLICY, cal)).toBe(cst('2026-02-24', 16));
    const ext = { ...o, extensionDays: 1, extensionRequests: 1 };
    expect(finishDeadline(ext, POLICY, cal)).toBe(cst('2026-02-25', 16));
    const nd = baseOrder({ source: 'grid', receivedAt: cst('2026-09-30', 11) });
    expect(finishDeadline(nd, POLICY, cal)).toBe(cst('2026-10-08', 11));
    // the fraction is wall-clock: half of the 8 days 09-30 11:00 → 10-08 11:00
    expect(find(orderTimers(nd, POLICY, cst('2026-10-04', 11), cal), 'finish')).toMatchObject({
      fraction: 0.5,
      level: 'warn50',
    });
  });
  it('source rules win over urgency (iot P0 uses the iot rule)', () => {
    const o = baseOrder({ source: 'iot', urgency: 'P0' });
    expect(ruleFor(o, POLICY)).toBe(POLICY.bySource.iot);
    expect(finishDeadline(o, POLICY, cal)).toBe(T0 + 2 * HOUR);
    expect(ruleFor(baseOrder({ source: 'hotline', urgency: 'P3' }), POLICY)).toBe(POLICY.byUrgency.P3);
  });
  it('upstream orders: internal deadline at internalFraction, plus the upstream timer', () => {
    const o = baseOrder({ source: 'hotline', upstreamDeadline: T0 + 10 * DAY });
    expect(finishDeadline(o, POLICY, cal)).toBe(T0 + 8 * DAY);
    const ts = orderTimers(o, POLICY, T0 + 6 * DAY, cal);
    expect(find(ts, 'finish')).toMatchObject({ deadline: T0 + 8 * DAY, level: 'warn75' });
    expect(find(ts, 'finish', 'upstream')).toMatchObject({ deadline: T0 + 10 * DAY, level: 'warn50' });
    const ext = { ...o, extensionDays: 5, extensionRequests: 1 };
    expect(finishDeadline(ext, POLICY, cal)).toBe(T0 + 12 * DAY);
    expect(find(orderTimers(ext, POLICY, T0, cal), 'finish', 'upstream').deadline).toBe(T0 + 15 * DAY);
  });
  it('a non-hotline order with an upstream deadline shows it but keeps its own rule', () => {
    const o = baseOrder({ source: 'walk_in', upstreamDeadline: T0 + 3 * DAY });
    expect(finishDeadline(o, POLICY, cal)).toBe(T0 + 7 * DAY);
    expect(find(orderTimers(o, POLICY, T0, cal), 'finish', 'upstream').deadline).toBe(T0 + 3 * DAY);
  });
});

describe('suspension, close, merge', () => {
  const s = baseOrder({
    status: 'suspended',
    dispatchedAt: T0,
    signedAt: T0 + MIN,
    suspendedAt: T0 + 2 * DAY,
  });
  it('suspended timers are frozen at suspendedAt', () => {
    const later = orderTimers(s, POLICY, T0 + 30 * DAY, cal);
    const atSuspend = orderTimers(s, POLICY, T0 + 2 * DAY, cal);
    expect(later).toEqual(atSuspend);
    expect(find(later, 'finish')).toMatchObject({ fraction: 2 / 7, level: 'ok', met: null });
    expect(find(later, 'contact')).toMatchObject({ level: 'overdue' }); // already late when suspended
  });
  /** `s` resumed at T0 + 12 d: 10 days in the problem bank. */
  const resumed = (over: Partial<WorkOrder> = {}): WorkOrder => ({
    ...s,
    status: 'in_progress',
    suspendedAt: null,
    suspendedMs: 10 * DAY,
    suspensions: [{ suspendedAt: T0 + 2 * DAY, resumedAt: T0 + 12 * DAY }],
    ...over,
  });
  it('after resume the time suspended is credited back: deadlines move, fraction excludes it', () => {
    const r = resumed();
    // 4 working days since receipt (2 before, 2 after): 4/7 of the finish allowance
    expect(find(orderTimers(r, POLICY, T0 + 14 * DAY, cal), 'finish')).toMatchObject({
      deadline: T0 + 17 * DAY,
      fraction: 4 / 7,
      level: 'warn50',
      met: null,
    });
    expect(finishDeadline(r, POLICY, cal)).toBe(T0 + 17 * DAY);
    expect(find(orderTimers(r, POLICY, T0 + 17 * DAY, cal), 'finish').level).toBe('warn90');
    expect(find(orderTimers(r, POLICY, T0 + 17 * DAY + 1, cal), 'finish').level).toBe('overdue');
    // a reply after resume is judged against the moved deadline
    const replied = resumed({ status: 'replied', repliedAt: T0 + 16 * DAY });
    expect(find(orderTimers(replied, POLICY, T0 + 30 * DAY, cal), 'finish')).toMatchObject({
      met: true,
      deadline: T0 + 17 * DAY,
      fraction: 6 / 7,
    });
  });
  it('a timer is credited only the suspended time inside its own window', () => {
    // contact (24 h from receipt) was already late when suspended: no credit rescues it...
    const r = resumed();
    expect(find(orderTimers(r, POLICY, T0 + 13 * DAY, cal), 'contact')).toMatchObject({
      deadline: T0 + DAY + 10 * DAY,
      level: 'overdue',
    });
    // ...but a 24 h contact suspended after 2 h and made 20 h after resume is in time, and
    // stays in time once stopped (the credit does not vanish when the timer stops).
    const early = resumed({
      suspendedMs: 10 * DAY,
      suspensions: [{ suspendedAt: T0 + 2 * HOUR, resumedAt: T0 + 2 * HOUR + 10 * DAY }],
    });
    const running = find(orderTimers(early, POLICY, T0 + 10 * DAY + 22 * HOUR, cal), 'contact');
    expect(running).toMatchObject({ deadline: T0 + 11 * DAY, met: null, level: 'warn90' });
    const contacted = { ...early, contactedAt: T0 + 10 * DAY + 22 * HOUR };
    expect(find(orderTimers(contacted, POLICY, T0 + 20 * DAY, cal), 'contact')).toMatchObject({
      deadline: T0 + 11 * DAY,
      met: true,
      level: 'ok',
    });
    // a sign timer stopped before the suspension keeps its original deadline
    expect(find(orderTimers(r, POLICY, T0 + 13 * DAY, cal), 'sign')).toMatchObject({
      deadline: T0 + 2 * HOUR,
      met: true,
    });
    // a transfer after resume starts a fresh sign timer that the old suspension does not touch
    const moved = resumed({ status: 'dispatched', dispatchedAt: T0 + 13 * DAY, signedAt: null });
    expect(find(orderTimers(moved, POLICY, T0 + 13 * DAY + 3 * HOUR, cal), 'sign')).toMatchObject({
      deadline: T0 + 13 * DAY + 2 * HOUR,
      level: 'overdue',
    });
  });
  it('upstream orders: both finish deadlines move by the time suspended', () => {
    const up = resumed({ source: 'hotline', upstreamDeadline: T0 + 10 * DAY });
    expect(finishDeadline(up, POLICY, cal)).toBe(T0 + 18 * DAY); // 8 d internal + 10 d
    const ts = orderTimers(up, POLICY, T0 + 14 * DAY, cal);
    expect(find(ts, 'finish')).toMatchObject({ deadline: T0 + 18 * DAY, fraction: 4 / 8 });
    expect(find(ts, 'finish', 'upstream')).toMatchObject({ deadline: T0 + 20 * DAY, fraction: 4 / 10 });
  });
  it('a second suspension freezes again, keeping the first credit', () => {
    const again = resumed({ status: 'suspended', suspendedAt: T0 + 14 * DAY });
    const atSuspend = orderTimers(again, POLICY, T0 + 14 * DAY, cal);
    expect(orderTimers(again, POLICY, T0 + 40 * DAY, cal)).toEqual(atSuspend);
    expect(find(atSuspend, 'finish')).toMatchObject({
      deadline: T0 + 17 * DAY,
      fraction: 4 / 7,
      level: 'warn50',
    });
  });
  it('from events: suspend on day 2, resume on day 12, reply on day 16 is in time', () => {
    const o = reduceOrder([
      makeEvent('created', { ...CREATED, upstreamDeadline: null, source: 'walk_in' }, T0),
      makeEvent('dispatched', { unitId: 'U-A', coUnitIds: [], note: '' }, T0 + MIN),
      makeEvent('signed', { unitId: 'U-A' }, T0 + 2 * MIN),
      makeEvent('suspended', { reason: '历史遗留问题' }, T0 + 2 * DAY),
      makeEvent('resumed', { note: '' }, T0 + 12 * DAY),
      makeEvent('replied', { result: '已处理', photos: [] }, T0 + 16 * DAY),
    ]);
    if (!o) throw new Error('no order');
    expect(o.suspendedMs).toBe(10 * DAY);
    expect(finishDeadline(o, POLICY, cal)).toBe(T0 + 17 * DAY);
    expect(find(orderTimers(o, POLICY, T0 + 20 * DAY, cal), 'finish')).toMatchObject({ met: true });
  });
  it('suspended before signing: 解除挂账 returns to 待签收 and the sign timer is credited the stay', () => {
    const o = reduceOrder([
      makeEvent('created', { ...CREATED, upstreamDeadline: null, source: 'walk_in' }, T0),
      makeEvent('dispatched', { unitId: 'U-A', coUnitIds: [], note: '' }, T0 + MIN),
      makeEvent('suspended', { reason: '历史遗留问题' }, T0 + HOUR),
      makeEvent('resumed', { note: '' }, T0 + 3 * DAY),
    ]);
    if (!o) throw new Error('no order');
    expect(o.status).toBe('dispatched');
    // P2 sign: 2 h from dispatch; the deadline moves by the 3 days − 1 h spent in the problem bank.
    const sign = find(orderTimers(o, POLICY, T0 + 3 * DAY + 40 * MIN, cal), 'sign'); // 59 + 40 of 120 min
    expect(sign).toMatchObject({
      stoppedAt: null,
      deadline: T0 + MIN + 2 * HOUR + (3 * DAY - HOUR),
      level: 'warn75',
    });
  });
  it('closed orders freeze running timers at closedAt', () => {
    const c = baseOrder({ status: 'closed', repliedAt: T0 + HOUR, closedAt: T0 + 2 * HOUR });
    expect(find(orderTimers(c, POLICY, T0 + 60 * DAY, cal), 'contact')).toMatchObject({
      met: null,
      level: 'ok',
      fraction: 2 / 24,
    });
  });
  it('merged orders have no timers and no finish deadline', () => {
    const m = baseOrder({ status: 'merged', mergedInto: 'O-2' });
    expect(orderTimers(m, POLICY, T0, cal)).toEqual([]);
    expect(finishDeadline(m, POLICY, cal)).toBeNull();
  });
});

describe('timerClock (what a ticking display measures running timers at)', () => {
  it('is now for open orders, frozen at suspendedAt while suspended and at closedAt once closed', () => {
    const now = T0 + 30 * DAY;
    expect(timerClock({ status: 'in_progress', suspendedAt: null, closedAt: null }, now)).toBe(now);
    expect(timerClock({ status: 'suspended', suspendedAt: T0 + DAY, closedAt: null }, now)).toBe(T0 + DAY);
    expect(timerClock({ status: 'closed', suspendedAt: null, closedAt: T0 + 2 * DAY }, now)).toBe(
      T0 + 2 * DAY,
    );
    // A clock behind the event (another node) never runs the timer backwards past now.
    expect(timerClock({ status: 'suspended', suspendedAt: now + HOUR, closedAt: null }, now)).toBe(now);
  });
  it('agrees with orderTimers: a suspended order past its wall-clock deadline is not overdue', () => {
    const o = reduceOrder([
      makeEvent('created', { ...CREATED, upstreamDeadline: null, source: 'walk_in' }, T0),
      makeEvent('dispatched', { unitId: 'U-A', coUnitIds: [], note: '' }, T0 + MIN),
      makeEvent('signed', { unitId: 'U-A' }, T0 + 2 * MIN),
      makeEvent('suspended', { reason: '历史遗留问题' }, T0 + 2 * DAY),
    ]);
    if (!o) throw new Error('no order');
    const now = T0 + 40 * DAY;
    const finish = find(orderTimers(o, POLICY, now, cal), 'finish');
    expect(finish.deadline).toBeLessThan(now);
    expect(finish.level).not.toBe('overdue');
    // The display's rule: overdue only once its clock passes the deadline.
    expect(timerClock(o, now)).toBeLessThanOrEqual(finish.deadline);
  });
});
