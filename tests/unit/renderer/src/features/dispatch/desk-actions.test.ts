import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../../../shared/features/orders/action-roles';
import type { OrderStatus, WorkOrder } from '../../../../../../shared/features/orders/order';
import { STATUSES } from '../../../../../../shared/features/orders/order';
import type { OrderEvent } from '../../../../../../shared/features/orders/order-events';
import { ALLOWED_FROM, applyEvent } from '../../../../../../shared/features/orders/order-reducer';
import { DEFAULT_SLA_POLICY } from '../../../../../../shared/features/orders/sla-policy';
import {
  buildAction,
  initialDraft,
  FORMS,
  type Draft,
} from '../../../../../../renderer/src/features/dispatch/action-forms';
import {
  actorOf,
  availableActions,
  DESK_ACTIONS,
  EVENT_OF,
  maxExtensionDays,
  needsConfirmation,
  primaryAction,
  type DeskActionId,
} from '../../../../../../renderer/src/features/dispatch/desk-actions';
import { CREATED, EventLog, ok } from '../../../../shared/fixtures';

const OFFICER: Actor = { role: 'officer' };
const VERIFIER: Actor = { role: 'officer', permissions: ['verify'] };
const COMMANDER: Actor = { role: 'commander' };
const VIEWER: Actor = { role: 'viewer' };

/** An order brought into a status through the normal lifecycle. */
function orderIn(
  status: OrderStatus,
  extra: Partial<typeof CREATED> = {},
): { order: WorkOrder; log: EventLog } {
  const log = new EventLog();
  let o = ok(null, log.add('created', { ...CREATED, ...extra }));
  const step = (type: Parameters<EventLog['add']>[0], payload: object) =>
    (o = ok(o, log.add(type, payload as never)));
  if (status === 'received') return { order: o, log };
  step('dispatched', { unitId: 'U-A', coUnitIds: ['U-C'], note: '' });
  if (status === 'dispatched') return { order: o, log };
  step('signed', { unitId: 'U-A' });
  if (status === 'in_progress') return { order: o, log };
  if (status === 'return_requested') {
    step('return_requested', { unitId: 'U-A', reason: '非本单位职责', photos: [] });
    return { order: o, log };
  }
  if (status === 'suspended') {
    step('suspended', { reason: '历史遗留' });
    return { order: o, log };
  }
  if (status === 'merged') {
    step('merged', { intoOrderId: 'O-9' });
    return { order: o, log };
  }
  step('replied', { result: '已处理', photos: [] });
  if (status === 'replied') return { order: o, log };
  step('closed', { note: '' });
  return { order: o, log };
}

/** The form filled as a user would: every required field given, the first choice picked. */
function filled(id: DeskActionId, order: WorkOrder): Draft {
  const d: Record<string, unknown> = {
    ...initialDraft(id, order, { recommendedUnitId: 'U-B', maxExtensionDays: 7 }),
  };
  for (const f of FORMS[id]) {
    if (f.kind === 'text' && f.required) d[f.name] = '情况说明';
    if (f.kind === 'choice' && d[f.name] === '') d[f.name] = f.options[0];
    if (f.kind === 'units' && f.min > 0) d[f.name] = ['U-B'];
    if (f.kind === 'order') d[f.name] = 'O-2';
  }
  return d as Draft;
}

/** The event the desk would send for the action, stamped after the log's last one. */
function eventFor(id: DeskActionId, order: WorkOrder, log: EventLog): OrderEvent {
  const built = buildAction(id, filled(id, order));
  if (!built.ok) throw new Error(`${id}: ${JSON.stringify(built.errors)}`);
  const probe = new EventLog(order.id, log.now + 60_000);
  return probe.add(built.action.type, built.action.payload as never);
}

describe('availableActions', () => {
  it('offers nothing to a viewer, in any status', () => {
    for (const s of STATUSES) expect(availableActions(orderIn(s).order, VIEWER)).toEqual([]);
  });

  it('every action offered in every status leads to an event the lifecycle accepts', () => {
    const cases = [
      ...STATUSES.map((s) => orderIn(s)),
      // An extension waiting for approval, and a whistle waiting for its report-in.
      (() => {
        const c = orderIn('in_progress');
        c.order = ok(c.order, c.log.add('extension_requested', { days: 5, reason: '需协调' }));
        c.order = ok(
          c.order,
          c.log.add('whistled', { unitIds: ['U-D'], deadlineMinutes: 30, reason: '难题' }),
        );
        return c;
      })(),
    ];
    let checked = 0;
    for (const { order, log } of cases) {
      for (const id of availableActions(order, COMMANDER, DEFAULT_SLA_POLICY)) {
        const r = applyEvent(order, eventFor(id, order, log));
        expect(r.ok, `${order.status} → ${id}: ${r.ok ? '' : r.reason}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('offers a commander every event the status allows (but the ones waiting for something)', () => {
    for (const s of STATUSES) {
      const { order } = orderIn(s);
      const offered = new Set(availableActions(order, COMMANDER, DEFAULT_SLA_POLICY).map((a) => EVENT_OF[a]));
      const allowed = Object.entries(ALLOWED_FROM)
        .filter(([, from]) => from.includes(s))
        .map(([type]) => type)
        // Nothing pending to decide, nobody summoned to report in, and the order has its place.
        .filter((t) => t !== 'extension_decided' && t !== 'reported_in' && t !== 'located');
      // The volunteer loop and 协办党员 are party.*'s (the 党群 dialog, the 协办党员 box), never desk actions.
      const desk = allowed.filter((t) => !t.startsWith('volunteer_') && !t.startsWith('member_assist_'));
      expect([...offered].sort(), s).toEqual(desk.sort());
    }
  });

  it('offers 定位 first for an order without a place, and not for a placed one', () => {
    const { order } = orderIn('received');
    const unplaced = { ...order, lng: null, lat: null };
    expect(availableActions(unplaced, OFFICER)[0]).toBe('locate');
    expect(availableActions(order, OFFICER)).not.toContain('locate');
  });

  it('keeps approvals and overrides for commanders; 核查/结案 for the verify permission', () => {
    const replied = orderIn('replied').order;
    expect(availableActions(replied, OFFICER)).not.toContain('verify');
    expect(availableActions(replied, OFFICER)).not.toContain('close');
    expect(availableActions(replied, VERIFIER)).toEqual(expect.arrayContaining(['verify', 'close']));
    expect(availableActions(replied, COMMANDER)).toEqual(expect.arrayContaining(['verify', 'close']));
    const returning = orderIn('return_requested').order;
    expect(availableActions(returning, OFFICER)).not.toContain('return_review');
    expect(availableActions(returning, COMMANDER)).toContain('return_review');
    const working = orderIn('in_progress').order;
    for (const a of ['suspend', 'merge'] as const) {
      expect(availableActions(working, OFFICER)).not.toContain(a);
      expect(availableActions(working, COMMANDER)).toContain(a);
    }
    expect(availableActions(orderIn('closed').order, OFFICER)).not.toContain('reopen');
    expect(availableActions(orderIn('closed').order, COMMANDER)).toContain('reopen');
  });

  it('派单 while waiting for a unit, 改派 once it has one', () => {
    expect(availableActions(orderIn('received').order, OFFICER)).toContain('dispatch');
    expect(availableActions(orderIn('received').order, OFFICER)).not.toContain('transfer');
    for (const s of ['dispatched', 'in_progress'] as const) {
      expect(availableActions(orderIn(s).order, OFFICER)).toContain('transfer');
      expect(availableActions(orderIn(s).order, OFFICER)).not.toContain('dispatch');
    }
  });

  it('延期: not for 特急/紧急, only once, and its approval only while one waits', () => {
    const p1 = orderIn('in_progress', { urgency: 'P1' }).order;
    expect(availableActions(p1, OFFICER, DEFAULT_SLA_POLICY)).not.toContain('extension_request');
    const c = orderIn('in_progress');
    expect(availableActions(c.order, OFFICER, DEFAULT_SLA_POLICY)).toContain('extension_request');
    expect(availableActions(c.order, COMMANDER, DEFAULT_SLA_POLICY)).not.toContain('extension_review');
    const asked = ok(c.order, c.log.add('extension_requested', { days: 3, reason: '需协调' }));
    expect(availableActions(asked, OFFICER, DEFAULT_SLA_POLICY)).not.toContain('extension_request');
    expect(availableActions(asked, COMMANDER, DEFAULT_SLA_POLICY)).toContain('extension_review');
    // An IoT alarm's rule allows no extension at all.
    const iot = orderIn('in_progress', { source: 'iot', upstreamDeadline: null, upstreamId: null }).order;
    expect(availableActions(iot, OFFICER, DEFAULT_SLA_POLICY)).not.toContain('extension_request');
  });

  it('no 回访 for an anonymous caller or one who declined it', () => {
    expect(availableActions(orderIn('closed').order, OFFICER)).toContain('callback');
    const anon = orderIn('closed', { citizen: null, anonymous: true }).order;
    expect(availableActions(anon, OFFICER)).not.toContain('callback');
    const declined = orderIn('closed', { callbackConsent: false }).order;
    expect(availableActions(declined, OFFICER)).not.toContain('callback');
  });

  it('nothing on a merged order', () => {
    expect(availableActions(orderIn('merged').order, COMMANDER)).toEqual([]);
  });
});

describe('the rest of the table', () => {
  it('asks for confirmation for exactly 退单审核, 结案 and 并案', () => {
    expect(DESK_ACTIONS.filter(needsConfirmation)).toEqual(['close', 'return_review', 'merge']);
  });

  it('the primary button is the usual next step', () => {
    expect(primaryAction(availableActions(orderIn('received').order, OFFICER))).toBe('dispatch');
    expect(primaryAction(availableActions(orderIn('dispatched').order, OFFICER))).toBe('sign');
    expect(primaryAction(availableActions(orderIn('in_progress').order, OFFICER))).toBe('reply');
    expect(primaryAction(availableActions(orderIn('replied').order, COMMANDER))).toBe('verify');
    expect(primaryAction(availableActions(orderIn('closed').order, OFFICER))).toBe('callback');
  });

  it('maxExtensionDays follows the SLA rule of the order', () => {
    expect(maxExtensionDays(orderIn('in_progress').order, DEFAULT_SLA_POLICY)).toBe(7);
    expect(maxExtensionDays(orderIn('in_progress', { urgency: 'P3' }).order, DEFAULT_SLA_POLICY)).toBe(15);
    expect(maxExtensionDays(orderIn('in_progress', { urgency: 'P0' }).order, DEFAULT_SLA_POLICY)).toBeNull();
    expect(maxExtensionDays(orderIn('in_progress', { source: 'grid' }).order, DEFAULT_SLA_POLICY)).toBe(1);
  });

  it('reads permissions of an account when it carries them, and ignores anything else', () => {
    expect(actorOf({ role: 'officer' })).toEqual({ role: 'officer', permissions: [] });
    expect(actorOf({ role: 'officer', permissions: ['verify', 'root'] })).toEqual({
      role: 'officer',
      permissions: ['verify'],
    });
    expect(actorOf({ role: 'officer', permissions: 'verify' })).toEqual({ role: 'officer', permissions: [] });
  });
});
