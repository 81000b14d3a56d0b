import { describe, expect, it } from 'vitest';
import { EVENT_PAYLOADS } from '../../../../../../shared/features/orders/order-events';
import {
  buildAction,
  checkDraft,
  fieldOfError,
  FORMS,
  initialDraft,
} from '../../../../../../renderer/src/features/dispatch/action-forms';
import { DESK_ACTIONS, EVENT_OF } from '../../../../../../renderer/src/features/dispatch/desk-actions';
import { CREATED, EventLog, ok } from '../../../../shared/fixtures';

function inProgress() {
  const log = new EventLog();
  let o = ok(null, log.add('created', CREATED));
  o = ok(o, log.add('dispatched', { unitId: 'U-A', coUnitIds: ['U-C'], note: '' }));
  o = ok(o, log.add('signed', { unitId: 'U-A' }));
  o = ok(o, log.add('whistled', { unitIds: ['U-D', 'U-E'], deadlineMinutes: 30, reason: '难题' }));
  return o;
}

describe('initialDraft', () => {
  const o = inProgress();
  it('never pre-chooses a decision', () => {
    for (const id of ['verify', 'return_review', 'extension_review'] as const) {
      const d = initialDraft(id, o);
      const choice = FORMS[id].find((f) => f.kind === 'choice');
      expect(d[choice?.name ?? '']).toBe('');
    }
  });
  it('fills the obvious: the main unit to sign, the recommendation to dispatch, the policy’s days', () => {
    expect(initialDraft('sign', o).unitId).toBe('U-A');
    expect(initialDraft('return_request', o).unitId).toBe('U-A');
    expect(initialDraft('dispatch', o, { recommendedUnitId: 'U-B' }).unitId).toBe('U-B');
    expect(initialDraft('report_in', o).unitId).toBe('U-D');
    expect(initialDraft('extension_request', o, { maxExtensionDays: 15 }).days).toBe('15');
    expect(initialDraft('urge', o).level).toBe('remind');
    expect(initialDraft('callback', o).valid).toBe(true);
  });
});

describe('checkDraft', () => {
  const o = inProgress();
  it('names each missing field', () => {
    expect(checkDraft('progress', initialDraft('progress', o))).toEqual({
      note: { key: 'desk.error.required' },
    });
    expect(checkDraft('callback', initialDraft('callback', o))).toEqual({
      contacted: { key: 'desk.error.choose' },
      solved: { key: 'desk.error.choose' },
      satisfaction: { key: 'desk.error.choose' },
    });
    expect(checkDraft('merge', initialDraft('merge', o))).toEqual({
      intoOrderId: { key: 'desk.error.pickOrder' },
    });
    expect(checkDraft('whistle', { ...initialDraft('whistle', o), reason: '难' })).toEqual({
      unitIds: { key: 'desk.error.pickUnit' },
    });
  });
  it('a failed 核查 needs its reason; a passed one does not', () => {
    expect(checkDraft('verify', { ...initialDraft('verify', o), passed: 'fail' })).toEqual({
      note: { key: 'desk.error.failNeedsNote' },
    });
    expect(checkDraft('verify', { ...initialDraft('verify', o), passed: 'pass' })).toEqual({});
  });
  it('numbers stay in range and whole', () => {
    const base = { ...initialDraft('extension_request', o), reason: '需协调' };
    for (const days of ['0', '31', '2.5', '', 'abc'])
      expect(checkDraft('extension_request', { ...base, days }).days?.key).toBe('desk.error.number');
    expect(checkDraft('extension_request', { ...base, days: '30' })).toEqual({});
  });
  it('a text over its limit is refused before it is sent', () => {
    expect(checkDraft('suspend', { reason: 'x'.repeat(1001) })).toEqual({
      reason: { key: 'desk.error.tooLong', vars: { max: 1000 } },
    });
  });
});

describe('buildAction', () => {
  const o = inProgress();
  it('every form, filled, gives a payload the event schema accepts', () => {
    for (const id of DESK_ACTIONS) {
      const d: Record<string, unknown> = {
        ...initialDraft(id, o, { recommendedUnitId: 'U-B', maxExtensionDays: 7 }),
      };
      for (const f of FORMS[id]) {
        if (f.kind === 'text') d[f.name] = '  说明文字  ';
        if (f.kind === 'choice') d[f.name] = f.options[f.options.length - 1];
        if (f.kind === 'units') d[f.name] = ['U-B', 'U-F'];
        if (f.kind === 'order') d[f.name] = 'O-2';
        if (f.kind === 'photos') d[f.name] = ['a'.repeat(64)];
        if (f.kind === 'place')
          d[f.name] = JSON.stringify({ kind: 'building', name: '富力城D区3号楼', lng: 116.46, lat: 39.9 });
      }
      const built = buildAction(id, d as never);
      expect(built.ok, id).toBe(true);
      if (!built.ok) continue;
      expect(built.action.type).toBe(EVENT_OF[id]);
      const parsed = EVENT_PAYLOADS[built.action.type].safeParse(built.action.payload);
      expect(parsed.success, `${id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });
  it('trims texts, maps decisions to booleans, leaves the main unit out of the 协办', () => {
    const dispatch = buildAction('dispatch', { unitId: 'U-B', coUnitIds: ['U-B', 'U-C'], note: ' 请尽快 ' });
    expect(dispatch).toEqual({
      ok: true,
      action: { type: 'dispatched', payload: { unitId: 'U-B', coUnitIds: ['U-C'], note: '请尽快' } },
    });
    expect(buildAction('return_review', { approved: 'refuse', note: '' })).toEqual({
      ok: true,
      action: { type: 'return_decided', payload: { approved: false, note: '' } },
    });
    expect(
      buildAction('callback', {
        valid: true,
        contacted: 'no',
        solved: 'yes',
        satisfaction: 'basic',
        note: '',
      }),
    ).toEqual({
      ok: true,
      action: {
        type: 'callback_recorded',
        payload: { valid: true, contacted: false, solved: true, satisfaction: 'basic' },
      },
    });
    expect(buildAction('urge', { level: 'supervise', note: '' })).toEqual({
      ok: true,
      action: { type: 'urged', payload: { level: 'supervise', note: '' } },
    });
  });
  it('refuses an unfilled form with its errors, and sends nothing', () => {
    expect(buildAction('reply', initialDraft('reply', o))).toEqual({
      ok: false,
      errors: { result: { key: 'desk.error.required' } },
    });
  });
});

describe('fieldOfError', () => {
  it('maps the core’s field path to the form field it names', () => {
    expect(fieldOfError('extension_request', 'action.payload.days')).toBe('days');
    expect(fieldOfError('progress', 'action.payload.photos')).toBe('photos');
    expect(fieldOfError('merge', 'action.payload.intoOrderId')).toBe('intoOrderId');
    expect(fieldOfError('progress', 'action.payload.days')).toBeNull();
    expect(fieldOfError('progress', 'expectedVersion')).toBeNull();
    expect(fieldOfError('progress', undefined)).toBeNull();
  });
});
