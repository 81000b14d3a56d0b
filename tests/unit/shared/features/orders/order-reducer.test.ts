import { describe, expect, it } from 'vitest';
import type { OrderEvent, OrderEventType } from '../../../../../shared/features/orders/order-events';
import { ORDER_EVENT_TYPES } from '../../../../../shared/features/orders/order-events';
import { STATUSES, type OrderStatus, type WorkOrder } from '../../../../../shared/features/orders/order';
import {
  ALLOWED_FROM,
  EVENT_LABELS,
  STATUS_LABELS,
  applyEvent,
  approvedExtensionDays,
  foldEvent,
  reduceOrder,
} from '../../../../../shared/features/orders/order-reducer';
import { CREATED, DAY, EventLog, HOUR, MIN, P, T0, makeEvent, ok, refused } from '../../fixtures';

/** An order brought into `status` through the normal path; returns the log too. */
function orderIn(status: OrderStatus | 'none', urgency: 'P0' | 'P1' | 'P2' | 'P3' = 'P2') {
  const log = new EventLog();
  if (status === 'none') return { log, order: null };
  let o: WorkOrder = ok(null, log.add('created', { ...CREATED, urgency }));
  const step = (e: OrderEvent) => (o = ok(o, e));
  if (status === 'received') return { log, order: o };
  step(log.add('dispatched', P.dispatched('U-A', ['U-C'])));
  if (status === 'dispatched') return { log, order: o };
  step(log.add('signed', P.signed('U-A')));
  if (status === 'in_progress') return { log, order: o };
  if (status === 'return_requested') {
    step(log.add('return_requested', P.returnRequested()));
    return { log, order: o };
  }
  if (status === 'suspended') {
    step(log.add('suspended', P.suspended()));
    return { log, order: o };
  }
  if (status === 'merged') {
    step(log.add('merged', P.merged()));
    return { log, order: o };
  }
  step(log.add('replied', P.replied()));
  if (status === 'replied') return { log, order: o };
  step(log.add('closed', P.closed()));
  return { log, order: o };
}

/** A representative event of each type (payload valid in its usual situation). */
function sample(log: EventLog, type: OrderEventType): OrderEvent {
  switch (type) {
    case 'created':
      return log.add('created', CREATED);
    case 'dispatched':
      return log.add('dispatched', P.dispatched('U-B'));
    case 'signed':
      return log.add('signed', P.signed('U-A'));
    case 'contacted':
      return log.add('contacted', P.contacted());
    case 'progressed':
      return log.add('progressed', P.progressed());
    case 'replied':
      return log.add('replied', P.replied());
    case 'verified':
      return log.add('verified', P.verified(true));
    case 'closed':
      return log.add('closed', P.closed());
    case 'return_requested':
      return log.add('return_requested', P.returnRequested('U-A'));
    case 'return_decided':
      return log.add('return_decided', P.returnDecided(false));
    case 'extension_requested':
      return log.add('extension_requested', P.extensionRequested(7));
    case 'extension_decided':
      return log.add('extension_decided', P.extensionDecided(true));
    case 'urged':
      return log.add('urged', P.urged());
    case 'suspended':
      return log.add('suspended', P.suspended());
    case 'resumed':
      return log.add('resumed', P.resumed());
    case 'merged':
      return log.add('merged', P.merged('O-9'));
    case 'reopened':
      return log.add('reopened', P.reopened());
    case 'whistled':
      return log.add('whistled', P.whistled(['U-X']));
    case 'reported_in':
      return log.add('reported_in', P.reportedIn('U-X'));
    case 'callback_recorded':
      return log.add('callback_recorded', P.callback());
    case 'located':
      return log.add('located', P.located());
    case 'volunteer_assigned':
      return log.add('volunteer_assigned', P.volunteerAssigned());
    case 'volunteer_accepted':
      return log.add('volunteer_accepted', P.volunteerAccepted());
    case 'volunteer_declined':
      return log.add('volunteer_declined', P.volunteerDeclined());
    case 'volunteer_rated':
      return log.add('volunteer_rated', P.volunteerRated());
    case 'member_assist_added':
      return log.add('member_assist_added', P.assistAdded());
    case 'member_assist_removed':
      return log.add('member_assist_removed', P.assistRemoved());
  }
}

describe('created', () => {
  it('creates a received order from the payload', () => {
    const log = new EventLog();
    const e = log.add('created', CREATED);
    const o = ok(null, e);
    expect(o).toMatchObject({
      id: 'O-1',
      version: 1,
      lastHlc: e.hlc,
      status: 'received',
      receivedAt: T0,
      source: 'hotline',
      urgency: 'P2',
      title: CREATED.title,
      citizen: { name: '张三', phone: '13800000000' },
      upstreamId: 'UP-1',
      upstreamDeadline: CREATED.upstreamDeadline,
      unitId: null,
      coUnitIds: [],
      dispatchedAt: null,
      signedAt: null,
      contactedAt: null,
      arrivedAt: null,
      repliedAt: null,
      closedAt: null,
      suspendedAt: null,
      suspendedMs: 0,
      suspensions: [],
      extensionDays: 0,
      extensionRequestedDays: 0,
      extensionRequests: 0,
      extensionPending: false,
      returnCount: 0,
      reworkCount: 0,
      urgeCount: 0,
      reopenCount: 0,
      mergedInto: null,
      whistle: [],
      callback: null,
      rejected: [],
      volunteer: null,
      volunteerDeclines: 0,
      assistMembers: null,
    });
  });
  it('sets every WorkOrder field, none left undefined', () => {
    const o = ok(null, new EventLog().add('created', CREATED));
    // Compile-time: every key of WorkOrder is listed; run-time: the order has exactly these.
    const keys: Record<keyof WorkOrder, true> = {
      id: true,
      version: true,
      lastHlc: true,
      source: true,
      appealType: true,
      categoryCode: true,
      urgency: true,
      title: true,
      description: true,
      address: true,
      lng: true,
      lat: true,
      communityCode: true,
      gridCode: true,
      citizen: true,
      anonymous: true,
      callbackConsent: true,
      deviceId: true,
      reporterId: true,
      answers: true,
      imported: true,
      upstreamId: true,
      upstreamDeadline: true,
      status: true,
      statusBeforeReturn: true,
      statusBeforeSuspension: true,
      unitId: true,
      coUnitIds: true,
      receivedAt: true,
      dispatchedAt: true,
      signedAt: true,
      contactedAt: true,
      arrivedAt: true,
      repliedAt: true,
      closedAt: true,
      suspendedAt: true,
      suspendedMs: true,
      suspensions: true,
      extensionDays: true,
      extensionRequestedDays: true,
      extensionRequests: true,
      extensionPending: true,
      returnCount: true,
      reworkCount: true,
      urgeCount: true,
      reopenCount: true,
      mergedInto: true,
      whistle: true,
      callback: true,
      rejected: true,
      volunteer: true,
      volunteerDeclines: true,
      assistMembers: true,
    };
    expect(Object.keys(o).sort()).toEqual(Object.keys(keys).sort());
    for (const [k, v] of Object.entries(o)) expect(v, k).not.toBeUndefined();
  });
  it('refuses a second created', () => {
    const { log, order } = orderIn('in_progress');
    expect(refused(order, log.add('created', CREATED))).toBe('工单已受理，不能重复受理 (duplicate_created)');
  });
  it('refuses any other event before created', () => {
    const log = new EventLog();
    expect(refused(null, log.add('signed', P.signed()))).toBe('工单尚未受理，不能签收 (none → signed)');
  });
  it('refuses an event of another order', () => {
    const { order } = orderIn('received');
    const e = makeEvent('dispatched', P.dispatched(), T0 + MIN, 'O-OTHER');
    expect(refused(order, e)).toMatch(/\(order_mismatch O-OTHER ≠ O-1\)$/);
  });
});

describe('status matrix: every event type in every status', () => {
  for (const status of STATUSES) {
    for (const type of ORDER_EVENT_TYPES) {
      if (type === 'created') continue;
      const allowed = ALLOWED_FROM[type].includes(status);
      it(`${type} in ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const { log, order } = orderIn(status);
        const r = applyEvent(order, sample(log, type));
        if (!allowed) {
          expect(r).toEqual({
            ok: false,
            reason: `状态为${STATUS_LABELS[status]}，不能${EVENT_LABELS[type]} (${status} → ${type})`,
          });
        } else if (!r.ok) {
          // Allowed by status, refused by a precondition: never a status reason.
          expect(r.reason).not.toContain('→');
          expect(r.reason).toMatch(/^[^\x00-\x7f].*\([a-z_]+:/u);
        }
      });
    }
  }
  it('gives the documented example reason', () => {
    const { log, order } = orderIn('closed');
    expect(refused(order, log.add('signed', P.signed()))).toBe('状态为已结案，不能签收 (closed → signed)');
  });
});

describe('dispatch and transfer (转派)', () => {
  it('dispatches a received order', () => {
    const { log, order } = orderIn('received');
    const e = log.add('dispatched', P.dispatched('U-A', ['U-C', 'U-C', 'U-A']));
    const o = ok(order, e);
    expect(o).toMatchObject({
      status: 'dispatched',
      unitId: 'U-A',
      coUnitIds: ['U-C'],
      dispatchedAt: e.at,
      signedAt: null,
      version: 2,
    });
  });
  it('transfers a dispatched order to another unit', () => {
    const { log, order } = orderIn('dispatched');
    const e = log.add('dispatched', P.dispatched('U-B'));
    expect(ok(order, e)).toMatchObject({
      status: 'dispatched',
      unitId: 'U-B',
      coUnitIds: [],
      dispatchedAt: e.at,
    });
  });
  it('transfers an order in progress and resets signedAt', () => {
    const { log, order } = orderIn('in_progress');
    expect(order?.signedAt).not.toBeNull();
    const o = ok(order, log.add('dispatched', P.dispatched('U-B')));
    expect(o).toMatchObject({ status: 'dispatched', unitId: 'U-B', signedAt: null });
  });
});

describe('signed', () => {
  it('the assignee signs: dispatched → in_progress', () => {
    const { log, order } = orderIn('dispatched');
    const e = log.add('signed', P.signed('U-A'));
    expect(ok(order, e)).toMatchObject({ status: 'in_progress', signedAt: e.at });
  });
  it('a co-unit may sign', () => {
    const { log, order } = orderIn('dispatched');
    expect(ok(order, log.add('signed', P.signed('U-C'))).status).toBe('in_progress');
  });
  it('another unit may not sign', () => {
    const { log, order } = orderIn('dispatched');
    expect(refused(order, log.add('signed', P.signed('U-Z')))).toBe(
      '签收单位不是承办或协办单位，不能签收 (signed: unit_not_assigned U-Z)',
    );
  });
});

describe('handling', () => {
  it('contacted keeps the first contact time', () => {
    const { log, order } = orderIn('in_progress');
    const e1 = log.add('contacted', P.contacted());
    const o1 = ok(order, e1);
    const o2 = ok(o1, log.add('contacted', P.contacted()));
    expect(o1.contactedAt).toBe(e1.at);
    expect(o2.contactedAt).toBe(e1.at);
    expect(o2.version).toBe(o1.version + 1);
  });
  it('the first progressed sets arrivedAt (到场); later ones change nothing else', () => {
    const { log, order } = orderIn('in_progress');
    expect(order?.arrivedAt).toBeNull();
    const e1 = log.add('progressed', P.progressed());
    const o1 = ok(order, e1);
    expect(o1).toEqual({ ...order, arrivedAt: e1.at, version: (order?.version ?? 0) + 1, lastHlc: e1.hlc });
    const e2 = log.add('progressed', P.progressed());
    const o2 = ok(o1, e2);
    expect(o2).toEqual({ ...o1, version: o1.version + 1, lastHlc: e2.hlc });
  });
  it('contact is not arrival: contacted leaves arrivedAt alone', () => {
    const { log, order } = orderIn('in_progress');
    expect(ok(order, log.add('contacted', P.contacted())).arrivedAt).toBeNull();
  });
  it('a transfer (转派) clears arrivedAt; the new unit arrives again', () => {
    const { log, order } = orderIn('in_progress');
    const arrived = ok(order, log.add('progressed', P.progressed()));
    const moved = ok(arrived, log.add('dispatched', P.dispatched('U-B')));
    expect(moved.arrivedAt).toBeNull();
    const signed = ok(moved, log.add('signed', P.signed('U-B')));
    const e = log.add('progressed', P.progressed());
    expect(ok(signed, e).arrivedAt).toBe(e.at);
  });
  it('replied: in_progress → replied', () => {
    const { log, order } = orderIn('in_progress');
    const e = log.add('replied', P.replied());
    expect(ok(order, e)).toMatchObject({ status: 'replied', repliedAt: e.at });
  });
});

describe('verification, close, rework, reopen', () => {
  it('verified passed → closed', () => {
    const { log, order } = orderIn('replied');
    const e = log.add('verified', P.verified(true));
    expect(ok(order, e)).toMatchObject({ status: 'closed', closedAt: e.at, reworkCount: 0 });
  });
  it('verified failed → in_progress with rework, reply cleared', () => {
    const { log, order } = orderIn('replied');
    const o = ok(order, log.add('verified', P.verified(false)));
    expect(o).toMatchObject({ status: 'in_progress', reworkCount: 1, repliedAt: null, closedAt: null });
    const o2 = ok(ok(o, log.add('replied', P.replied())), log.add('verified', P.verified(false)));
    expect(o2.reworkCount).toBe(2);
  });
  it('closed from replied', () => {
    const { log, order } = orderIn('replied');
    const e = log.add('closed', P.closed());
    expect(ok(order, e)).toMatchObject({ status: 'closed', closedAt: e.at });
  });
  it('reopened: closed → in_progress, reopenCount+1, closedAt cleared', () => {
    const { log, order } = orderIn('closed');
    const o = ok(order, log.add('reopened', P.reopened()));
    expect(o).toMatchObject({ status: 'in_progress', reopenCount: 1, closedAt: null, repliedAt: null });
  });
});

describe('return (退单)', () => {
  it.each(['dispatched', 'in_progress'] as const)('from %s remembers the status before', (status) => {
    const { log, order } = orderIn(status);
    const o = ok(order, log.add('return_requested', P.returnRequested('U-A')));
    expect(o).toMatchObject({ status: 'return_requested', statusBeforeReturn: status });
  });
  it('a co-unit may request a return; an unrelated unit may not', () => {
    const { log, order } = orderIn('in_progress');
    expect(ok(order, log.add('return_requested', P.returnRequested('U-C'))).status).toBe('return_requested');
    expect(refused(order, log.add('return_requested', P.returnRequested('U-Z')))).toBe(
      '退单单位不是承办或协办单位，不能申请退单 (return_requested: unit_not_assigned U-Z)',
    );
  });
  it('approved → received, unit cleared, returnCount+1', () => {
    const { log, order: signed } = orderIn('in_progress');
    const order = ok(signed, log.add('progressed', P.progressed()));
    expect(order.arrivedAt).not.toBeNull();
    const o = ok(
      ok(order, log.add('return_requested', P.returnRequested())),
      log.add('return_decided', P.returnDecided(true)),
    );
    expect(o).toMatchObject({
      status: 'received',
      unitId: null,
      coUnitIds: [],
      dispatchedAt: null,
      signedAt: null,
      arrivedAt: null,
      statusBeforeReturn: null,
      returnCount: 1,
    });
    // and it can be dispatched again
    expect(ok(o, log.add('dispatched', P.dispatched('U-B'))).status).toBe('dispatched');
  });
  it('rejected keeps the arrival', () => {
    const { log, order } = orderIn('in_progress');
    const e = log.add('progressed', P.progressed());
    const o = ok(
      ok(ok(order, e), log.add('return_requested', P.returnRequested())),
      log.add('return_decided', P.returnDecided(false)),
    );
    expect(o).toMatchObject({ status: 'in_progress', arrivedAt: e.at });
  });
  it.each(['dispatched', 'in_progress'] as const)('rejected → back to %s', (status) => {
    const { log, order } = orderIn(status);
    const o = ok(
      ok(order, log.add('return_requested', P.returnRequested())),
      log.add('return_decided', P.returnDecided(false)),
    );
    expect(o).toMatchObject({ status, statusBeforeReturn: null, returnCount: 0, unitId: 'U-A' });
  });
});

describe('extension (延期)', () => {
  it('request sets pending; approval adds the requested days', () => {
    const { log, order } = orderIn('in_progress');
    const req = ok(order, log.add('extension_requested', P.extensionRequested(5)));
    // extensionDays is the approved total only: the pending days live in extensionRequestedDays.
    expect(req).toMatchObject({
      extensionPending: true,
      extensionRequests: 1,
      extensionRequestedDays: 5,
      extensionDays: 0,
    });
    expect(approvedExtensionDays(req)).toBe(0);
    const dec = ok(req, log.add('extension_decided', P.extensionDecided(true)));
    expect(dec).toMatchObject({
      extensionPending: false,
      extensionDays: 5,
      extensionRequestedDays: 0,
      extensionRequests: 1,
    });
    expect(approvedExtensionDays(dec)).toBe(5);
  });
  it('a refused request adds nothing', () => {
    const { log, order } = orderIn('dispatched');
    const o = ok(
      ok(order, log.add('extension_requested', P.extensionRequested(5))),
      log.add('extension_decided', P.extensionDecided(false)),
    );
    expect(o).toMatchObject({
      extensionPending: false,
      extensionDays: 0,
      extensionRequestedDays: 0,
      extensionRequests: 1,
    });
    expect(approvedExtensionDays(o)).toBe(0);
  });
  it('only once, even after a refusal', () => {
    const { log, order } = orderIn('in_progress');
    const o = ok(
      ok(order, log.add('extension_requested', P.extensionRequested())),
      log.add('extension_decided', P.extensionDecided(false)),
    );
    expect(refused(o, log.add('extension_requested', P.extensionRequested()))).toBe(
      '延期只能申请一次 (extension_requested: already_requested)',
    );
  });
  it.each(['P0', 'P1'] as const)('%s orders cannot be extended', (urgency) => {
    const { log, order } = orderIn('in_progress', urgency);
    expect(refused(order, log.add('extension_requested', P.extensionRequested()))).toBe(
      `特急/紧急工单不可延期 (extension_requested: urgency_${urgency}_not_extendable)`,
    );
  });
  it('P3 orders can be extended', () => {
    const { log, order } = orderIn('in_progress', 'P3');
    expect(ok(order, log.add('extension_requested', P.extensionRequested(15)))).toMatchObject({
      extensionPending: true,
      extensionRequestedDays: 15,
    });
  });
  it('approval adds to the approved total rather than replacing it', () => {
    // Only one request is allowed today; the sum keeps extensionDays right if that ever changes.
    const { log, order } = orderIn('in_progress');
    const pending = ok(order, log.add('extension_requested', P.extensionRequested(4)));
    const withEarlier = { ...pending, extensionDays: 3 };
    expect(ok(withEarlier, log.add('extension_decided', P.extensionDecided(true)))).toMatchObject({
      extensionDays: 7,
      extensionRequestedDays: 0,
    });
    expect(ok(withEarlier, log.add('extension_decided', P.extensionDecided(false))).extensionDays).toBe(3);
  });
  it('a decision needs a pending request', () => {
    const { log, order } = orderIn('in_progress');
    expect(refused(order, log.add('extension_decided', P.extensionDecided(true)))).toBe(
      '没有待审批的延期申请 (extension_decided: no_pending_request)',
    );
  });
  it('a decision still lands after the order moved on (replied)', () => {
    const { log, order } = orderIn('in_progress');
    const o = ok(
      ok(order, log.add('extension_requested', P.extensionRequested(3))),
      log.add('replied', P.replied()),
    );
    expect(ok(o, log.add('extension_decided', P.extensionDecided(true))).extensionDays).toBe(3);
  });
});

describe('urge, suspend, resume, merge', () => {
  it.each(['received', 'dispatched', 'in_progress', 'return_requested', 'replied'] as const)(
    'urged in %s',
    (status) => {
      const { log, order } = orderIn(status);
      const o = ok(ok(order, log.add('urged', P.urged())), log.add('urged', P.urged()));
      expect(o.urgeCount).toBe(2);
      expect(o.status).toBe(status);
    },
  );
  it.each(['dispatched', 'in_progress'] as const)('suspended from %s, resumed → back to %s', (status) => {
    const { log, order } = orderIn(status);
    const e = log.add('suspended', P.suspended());
    const s = ok(order, e);
    expect(s).toMatchObject({ status: 'suspended', suspendedAt: e.at, statusBeforeSuspension: status });
    const r = log.add('resumed', P.resumed(), e.at + 3 * DAY);
    expect(ok(s, r)).toMatchObject({
      status,
      statusBeforeSuspension: null,
      suspendedAt: null,
      suspendedMs: 3 * DAY,
      suspensions: [{ suspendedAt: e.at, resumedAt: r.at }],
    });
  });
  it('an order suspended before signing must still be signed after 解除挂账', () => {
    const { log, order } = orderIn('dispatched');
    const s = ok(order, log.add('suspended', P.suspended()));
    const r = ok(s, log.add('resumed', P.resumed(), s.suspendedAt! + DAY));
    expect(r).toMatchObject({ status: 'dispatched', signedAt: null });
    // Handling steps that need a signature are still refused; signing works.
    expect(refused(r, log.add('replied', P.replied()))).toContain('状态为待签收');
    expect(ok(r, log.add('signed', P.signed('U-A')))).toMatchObject({ status: 'in_progress' });
  });
  it('a projection stored before statusBeforeSuspension existed resumes by its signature', () => {
    for (const status of ['dispatched', 'in_progress'] as const) {
      const { log, order } = orderIn(status);
      const s = ok(order, log.add('suspended', P.suspended()));
      const legacy = { ...s } as { -readonly [K in keyof WorkOrder]: WorkOrder[K] };
      delete legacy.statusBeforeSuspension;
      expect(ok(legacy, log.add('resumed', P.resumed())).status).toBe(status);
    }
  });
  it('suspendedMs adds up every stay in the problem bank', () => {
    const { log, order } = orderIn('in_progress');
    const s1 = log.add('suspended', P.suspended());
    const r1 = log.add('resumed', P.resumed(), s1.at + 2 * DAY);
    const s2 = log.add('suspended', P.suspended(), r1.at + DAY);
    const o2 = [s1, r1, s2].reduce<WorkOrder>((o, e) => ok(o, e), order as WorkOrder);
    // the current stay is not counted until it ends
    expect(o2).toMatchObject({ status: 'suspended', suspendedAt: s2.at, suspendedMs: 2 * DAY });
    const r2 = log.add('resumed', P.resumed(), s2.at + 5 * HOUR);
    const o = ok(o2, r2);
    expect(o.suspendedMs).toBe(2 * DAY + 5 * HOUR);
    expect(o.suspensions).toEqual([
      { suspendedAt: s1.at, resumedAt: r1.at },
      { suspendedAt: s2.at, resumedAt: r2.at },
    ]);
  });
  it('a resume stamped before its suspension (clock skew) credits nothing negative', () => {
    const { log, order } = orderIn('in_progress');
    const s = ok(order, log.add('suspended', P.suspended(), T0 + DAY));
    const skewed = makeEvent('resumed', P.resumed(), T0 + DAY - HOUR, 'O-1', 'skewed');
    expect(ok(s, skewed)).toMatchObject({
      suspendedMs: 0,
      suspensions: [{ suspendedAt: T0 + DAY, resumedAt: T0 + DAY }],
    });
  });
  it.each(['received', 'dispatched', 'in_progress'] as const)('merged from %s is terminal', (status) => {
    const { log, order } = orderIn(status);
    const m = ok(order, log.add('merged', P.merged('O-2')));
    expect(m).toMatchObject({ status: 'merged', mergedInto: 'O-2' });
    for (const type of ORDER_EVENT_TYPES) {
      if (type === 'created') continue;
      expect(refused(m, sample(log, type))).toContain('状态为已并案');
    }
  });
  it('cannot merge into itself', () => {
    const { log, order } = orderIn('received');
    expect(refused(order, log.add('merged', P.merged('O-1')))).toBe('不能并入工单自身 (merged: into_itself)');
  });
});

describe('whistle (吹哨) and report-in (报到)', () => {
  it('summons each unit with a deadline; no duplicates while unreported', () => {
    const { log, order } = orderIn('in_progress');
    const w1 = log.add('whistled', P.whistled(['U-X', 'U-Y', 'U-X'], 30));
    const o1 = ok(order, w1);
    expect(o1.whistle).toEqual([
      { unitId: 'U-X', summonedAt: w1.at, deadline: w1.at + 30 * MIN, reportedAt: null },
      { unitId: 'U-Y', summonedAt: w1.at, deadline: w1.at + 30 * MIN, reportedAt: null },
    ]);
    const w2 = log.add('whistled', P.whistled(['U-X', 'U-Z'], 45));
    const o2 = ok(o1, w2);
    expect(o2.whistle.map((s) => s.unitId)).toEqual(['U-X', 'U-Y', 'U-Z']);
    expect(o2.whistle[2]?.deadline).toBe(w2.at + 45 * MIN);
  });
  it('report-in marks the summons; a reported unit can be summoned again', () => {
    const { log, order } = orderIn('received');
    const o1 = ok(order, log.add('whistled', P.whistled(['U-X'])));
    const r = log.add('reported_in', P.reportedIn('U-X'));
    const o2 = ok(o1, r);
    expect(o2.whistle[0]?.reportedAt).toBe(r.at);
    expect(refused(o2, log.add('reported_in', P.reportedIn('U-X')))).toBe(
      '该单位未被吹哨召集或已报到 (reported_in: not_summoned U-X)',
    );
    const o3 = ok(o2, log.add('whistled', P.whistled(['U-X'])));
    expect(o3.whistle).toHaveLength(2);
    expect(o3.whistle[1]?.reportedAt).toBeNull();
  });
  it('report-in of a unit never summoned is refused', () => {
    const { log, order } = orderIn('in_progress');
    expect(refused(order, log.add('reported_in', P.reportedIn('U-Q')))).toContain('not_summoned U-Q');
  });
});

describe('call-back (回访)', () => {
  it.each(['replied', 'closed'] as const)('recorded in %s, latest wins', (status) => {
    const { log, order } = orderIn(status);
    const o1 = ok(order, log.add('callback_recorded', P.callback('basic', true, true, false)));
    const e = log.add('callback_recorded', P.callback('satisfied'));
    const o2 = ok(o1, e);
    expect(o1.callback).toMatchObject({ satisfaction: 'basic', solved: false, valid: true });
    expect(o2.callback).toEqual({
      at: e.at,
      valid: true,
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    });
  });
});

describe('applyEvent never throws', () => {
  it('returns a refusal for a malformed event', () => {
    const { order } = orderIn('in_progress');
    const bad = { ...makeEvent('whistled', P.whistled(['U-X']), T0), payload: null } as unknown as OrderEvent;
    const r = applyEvent(order, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^内部错误 \(internal_error/);
  });
});

describe('version, lastHlc, foldEvent', () => {
  it('version counts applied events only; lastHlc follows every folded event', () => {
    const { log, order } = orderIn('in_progress'); // created, dispatched, signed
    expect(order?.version).toBe(3);
    const bad = log.add('closed', P.closed());
    const folded = foldEvent(order, bad);
    expect(folded?.version).toBe(3);
    expect(folded?.lastHlc).toBe(bad.hlc);
    expect(folded?.rejected).toEqual([
      { eventId: bad.id, type: 'closed', reason: '状态为处置中，不能结案 (in_progress → closed)' },
    ]);
  });
  it('foldEvent before created stays null', () => {
    expect(foldEvent(null, makeEvent('signed', P.signed(), T0))).toBeNull();
  });
});

describe('reduceOrder', () => {
  function fullLog(): EventLog {
    const log = new EventLog();
    log.add('created', CREATED);
    log.add('dispatched', P.dispatched('U-A'));
    log.add('signed', P.signed('U-A'));
    log.add('contacted', P.contacted());
    log.add('closed', P.closed()); // refused: in_progress
    log.add('extension_requested', P.extensionRequested(7));
    log.add('extension_decided', P.extensionDecided(true));
    log.add('whistled', P.whistled(['U-X', 'U-Y']));
    log.add('reported_in', P.reportedIn('U-X'));
    log.add('replied', P.replied());
    log.add('verified', P.verified(false));
    log.add('replied', P.replied());
    log.add('verified', P.verified(true));
    log.add('callback_recorded', P.callback('basic'));
    return log;
  }
  it('folds a full lifecycle and keeps the refused event', () => {
    const log = fullLog();
    const o = reduceOrder(log.events);
    expect(o).toMatchObject({
      status: 'closed',
      version: 13,
      lastHlc: log.events.at(-1)?.hlc,
      extensionDays: 7,
      reworkCount: 1,
      callback: { satisfaction: 'basic' },
    });
    expect(o?.rejected).toHaveLength(1);
    expect(o?.rejected[0]).toMatchObject({ type: 'closed', eventId: log.events[4]?.id });
  });
  it('sorts by HLC whatever the arrival order', () => {
    const log = fullLog();
    expect(reduceOrder([...log.events].reverse())).toEqual(reduceOrder(log.events));
  });
  it('returns null without a created event', () => {
    const log = new EventLog();
    log.add('created', CREATED);
    log.add('dispatched', P.dispatched());
    expect(reduceOrder(log.events.slice(1))).toBeNull();
    expect(reduceOrder([])).toBeNull();
  });
  it('keeps events sorted before created in rejected', () => {
    const early = makeEvent('urged', P.urged(), T0 - MIN);
    const created = makeEvent('created', CREATED, T0);
    const o = reduceOrder([created, early]);
    expect(o?.status).toBe('received');
    expect(o?.version).toBe(1);
    expect(o?.rejected).toEqual([
      { eventId: early.id, type: 'urged', reason: '工单尚未受理，不能催办 (none → urged)' },
    ]);
  });
  it('refuses a second created and keeps it', () => {
    const c1 = makeEvent('created', CREATED, T0, 'O-1', 'a');
    const c2 = makeEvent('created', { ...CREATED, title: '另一个' }, T0 + MIN, 'O-1', 'b');
    const o = reduceOrder([c2, c1]);
    expect(o?.title).toBe(CREATED.title);
    expect(o?.rejected).toEqual([
      { eventId: 'b', type: 'created', reason: '工单已受理，不能重复受理 (duplicate_created)' },
    ]);
  });
  it('counts a duplicated delivery of one event once', () => {
    const log = fullLog();
    expect(reduceOrder([...log.events, ...log.events])).toEqual(reduceOrder(log.events));
  });
  it('breaks HLC ties by event id', () => {
    const c = makeEvent('created', CREATED, T0, 'O-1', 'x0');
    const d1 = makeEvent('dispatched', P.dispatched('U-A'), T0 + MIN, 'O-1', 'x1');
    const d2 = makeEvent('dispatched', P.dispatched('U-B'), T0 + MIN, 'O-1', 'x2');
    expect(reduceOrder([c, d2, d1])?.unitId).toBe('U-B');
    expect(reduceOrder([d1, c, d2])?.unitId).toBe('U-B');
  });
});
