/**
 * The form of each desk action: its fields, its first values for an order, and the checks that
 * turn what the user typed into the `orders.act` action (or say, per field, what is missing).
 * Pure: the form component draws the fields, this file decides.
 *
 * Error values are message keys of the catalogue (desk.error.*), with their variables.
 */
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { OrderAction } from '../../../../shared/features/orders/order-events';
import type { DeskActionId } from './desk-actions';
import { EVENT_OF } from './desk-actions';

export type FieldSpec =
  /** A textarea; Ctrl+Enter submits. */
  | { readonly kind: 'text'; readonly name: string; readonly required: boolean; readonly max: number }
  /** One unit: any of the street's units, the order's own (主办 + 协办), or the summoned ones. */
  | { readonly kind: 'unit'; readonly name: string; readonly from: 'any' | 'assigned' | 'summoned' }
  /** Several units (协办, 吹哨); `exclude` names the field whose unit may not be picked again. */
  | {
      readonly kind: 'units';
      readonly name: string;
      readonly min: number;
      readonly max: number;
      readonly exclude?: string;
    }
  | { readonly kind: 'number'; readonly name: string; readonly min: number; readonly max: number }
  /** Radio buttons; '' until the user picks one (a decision is never pre-chosen). */
  | { readonly kind: 'choice'; readonly name: string; readonly options: readonly string[] }
  | { readonly kind: 'check'; readonly name: string }
  | { readonly kind: 'photos'; readonly name: string }
  /** Reply templates of the order's category; picking one fills the `target` text field. */
  | { readonly kind: 'template'; readonly name: string; readonly target: string }
  /** Another order, found by its number or a search (并案). */
  | { readonly kind: 'order'; readonly name: string }
  /** A named place of the street (定位): its JSON, from reference.places. */
  | { readonly kind: 'place'; readonly name: string };

export type DraftValue = string | boolean | readonly string[];
export type Draft = Readonly<Record<string, DraftValue>>;

export interface FieldError {
  readonly key: string;
  readonly vars?: Readonly<Record<string, string | number>>;
}

export type BuildResult =
  | { readonly ok: true; readonly action: Exclude<OrderAction, { type: 'created' }> }
  | { readonly ok: false; readonly errors: Readonly<Record<string, FieldError>> };

const note = (required = false, name = 'note'): FieldSpec => ({ kind: 'text', name, required, max: 2000 });
const reason = (max = 1000): FieldSpec => ({ kind: 'text', name: 'reason', required: true, max });
const photos: FieldSpec = { kind: 'photos', name: 'photos' };
const decision: FieldSpec = { kind: 'choice', name: 'approved', options: ['approve', 'refuse'] };
const yesNo = (name: string): FieldSpec => ({ kind: 'choice', name, options: ['yes', 'no'] });

export const FORMS: Readonly<Record<DeskActionId, readonly FieldSpec[]>> = {
  dispatch: [
    { kind: 'unit', name: 'unitId', from: 'any' },
    { kind: 'units', name: 'coUnitIds', min: 0, max: 10, exclude: 'unitId' },
    note(),
  ],
  transfer: [
    { kind: 'unit', name: 'unitId', from: 'any' },
    { kind: 'units', name: 'coUnitIds', min: 0, max: 10, exclude: 'unitId' },
    note(),
  ],
  sign: [{ kind: 'unit', name: 'unitId', from: 'assigned' }],
  contact: [note()],
  progress: [note(true), photos],
  reply: [{ kind: 'template', name: 'template', target: 'result' }, note(true, 'result'), photos],
  verify: [{ kind: 'choice', name: 'passed', options: ['pass', 'fail'] }, note(), photos],
  close: [note()],
  callback: [
    { kind: 'check', name: 'valid' },
    yesNo('contacted'),
    yesNo('solved'),
    { kind: 'choice', name: 'satisfaction', options: ['satisfied', 'basic', 'unsatisfied'] },
    note(),
  ],
  return_request: [{ kind: 'unit', name: 'unitId', from: 'assigned' }, reason(), photos],
  return_review: [decision, note()],
  extension_request: [{ kind: 'number', name: 'days', min: 1, max: 30 }, reason()],
  extension_review: [decision, note()],
  urge: [{ kind: 'choice', name: 'level', options: ['remind', 'supervise'] }, note()],
  whistle: [
    { kind: 'units', name: 'unitIds', min: 1, max: 20 },
    { kind: 'number', name: 'deadlineMinutes', min: 5, max: 1440 },
    reason(),
  ],
  report_in: [{ kind: 'unit', name: 'unitId', from: 'summoned' }],
  suspend: [reason()],
  resume: [note()],
  merge: [{ kind: 'order', name: 'intoOrderId' }],
  reopen: [reason()],
  locate: [{ kind: 'place', name: 'place' }, note()],
};

export interface DraftHints {
  /** The best unit of 推荐派单, preselected for 派单. */
  readonly recommendedUnitId?: string | null;
  /** The longest extension the order's rule allows (the days field starts there). */
  readonly maxExtensionDays?: number | null;
}

/** The first values of a form: the obvious choice where there is one, never a decision. */
export function initialDraft(id: DeskActionId, o: WorkOrder, hints: DraftHints = {}): Draft {
  const d: Record<string, DraftValue> = {};
  for (const f of FORMS[id]) {
    switch (f.kind) {
      case 'text':
      case 'choice':
      case 'order':
      case 'template':
      case 'place':
        d[f.name] = '';
        break;
      case 'check':
        d[f.name] = true;
        break;
      case 'photos':
      case 'units':
        d[f.name] = [];
        break;
      case 'number':
        d[f.name] = '';
        break;
      case 'unit':
        d[f.name] =
          f.from === 'any'
            ? (hints.recommendedUnitId ?? '')
            : f.from === 'assigned'
              ? (o.unitId ?? '')
              : (o.whistle.find((s) => s.reportedAt === null)?.unitId ?? '');
        break;
    }
  }
  if (id === 'urge') d.level = 'remind';
  if (id === 'whistle') d.deadlineMinutes = '30';
  if (id === 'extension_request') d.days = String(hints.maxExtensionDays ?? 7);
  return d;
}

const str = (v: DraftValue | undefined): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: DraftValue | undefined): string[] => (Array.isArray(v) ? [...(v as string[])] : []);

/** Checks every field of the form; the messages name what is missing, next to the field. */
export function checkDraft(id: DeskActionId, draft: Draft): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const f of FORMS[id]) {
    const v = draft[f.name];
    switch (f.kind) {
      case 'text': {
        const s = str(v);
        if (f.required && s === '') errors[f.name] = { key: 'desk.error.required' };
        else if (s.length > f.max) errors[f.name] = { key: 'desk.error.tooLong', vars: { max: f.max } };
        break;
      }
      case 'unit':
      case 'order':
        if (str(v) === '')
          errors[f.name] = { key: `desk.error.${f.kind === 'unit' ? 'pickUnit' : 'pickOrder'}` };
        break;
      case 'place':
        if (str(v) === '') errors[f.name] = { key: 'desk.error.pickPlace' };
        break;
      case 'units': {
        const n = list(v).length;
        if (n < f.min) errors[f.name] = { key: 'desk.error.pickUnit' };
        else if (n > f.max) errors[f.name] = { key: 'desk.error.tooMany', vars: { max: f.max } };
        break;
      }
      case 'number': {
        const s = str(v);
        const n = Number(s);
        if (!/^\d+$/.test(s) || n < f.min || n > f.max)
          errors[f.name] = { key: 'desk.error.number', vars: { min: f.min, max: f.max } };
        break;
      }
      case 'choice':
        if (!f.options.includes(str(v))) errors[f.name] = { key: 'desk.error.choose' };
        break;
      default:
        break;
    }
  }
  // 核查不通过 sends the order back for rework: the unit must read why.
  if (id === 'verify' && str(draft.passed) === 'fail' && str(draft.note) === '' && !errors.note)
    errors.note = { key: 'desk.error.failNeedsNote' };
  return errors;
}

/** The `orders.act` action for a checked draft. */
export function buildAction(id: DeskActionId, draft: Draft): BuildResult {
  const errors = checkDraft(id, draft);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const s = (name: string) => str(draft[name]);
  const yes = (name: string) => s(name) === 'yes';
  const ph = list(draft.photos);
  const type = EVENT_OF[id];
  const action = ((): Exclude<OrderAction, { type: 'created' }> => {
    switch (type) {
      case 'dispatched': {
        const unitId = s('unitId');
        const coUnitIds = list(draft.coUnitIds).filter((u) => u !== unitId);
        return { type, payload: { unitId, coUnitIds, note: s('note') } };
      }
      case 'signed':
      case 'reported_in':
        return { type, payload: { unitId: s('unitId') } };
      case 'contacted':
      case 'closed':
      case 'resumed':
        return { type, payload: { note: s('note') } };
      case 'progressed':
        return { type, payload: { note: s('note'), photos: ph } };
      case 'replied':
        return { type, payload: { result: s('result'), photos: ph } };
      case 'verified':
        return { type, payload: { passed: s('passed') === 'pass', note: s('note'), photos: ph } };
      case 'return_requested':
        return { type, payload: { unitId: s('unitId'), reason: s('reason'), photos: ph } };
      case 'return_decided':
      case 'extension_decided':
        return { type, payload: { approved: s('approved') === 'approve', note: s('note') } };
      case 'extension_requested':
        return { type, payload: { days: Number(s('days')), reason: s('reason') } };
      case 'urged':
        return {
          type,
          payload: { level: s('level') === 'supervise' ? 'supervise' : 'remind', note: s('note') },
        };
      case 'whistled':
        return {
          type,
          payload: {
            unitIds: list(draft.unitIds),
            deadlineMinutes: Number(s('deadlineMinutes')),
            reason: s('reason'),
          },
        };
      case 'suspended':
      case 'reopened':
        return { type, payload: { reason: s('reason') } };
      case 'merged':
        return { type, payload: { intoOrderId: s('intoOrderId') } };
      case 'located': {
        const p = JSON.parse(s('place')) as { lng: number; lat: number; name: string };
        return { type, payload: { lng: p.lng, lat: p.lat, address: p.name, note: s('note') } };
      }
      case 'callback_recorded': {
        const n = s('note');
        return {
          type,
          payload: {
            valid: draft.valid === true,
            contacted: yes('contacted'),
            solved: yes('solved'),
            satisfaction: s('satisfaction') as 'satisfied' | 'basic' | 'unsatisfied',
            ...(n ? { note: n } : {}),
          },
        };
      }
      // The volunteer loop is written by party.* (党群服务), never by a desk action.
      case 'volunteer_assigned':
      case 'volunteer_accepted':
      case 'volunteer_declined':
      case 'volunteer_rated':
      case 'member_assist_added':
      case 'member_assist_removed':
        throw new Error(`not a desk action: ${type}`);
    }
  })();
  return { ok: true, action };
}

/**
 * The form field an `invalid_input` error of the core names (`action.payload.days` → `days`),
 * so its sentence shows next to that field; null when it names none of this form's fields.
 */
export function fieldOfError(id: DeskActionId, field: string | undefined): string | null {
  if (!field) return null;
  const m = /^action\.payload\.([A-Za-z]+)/.exec(field);
  const name = m?.[1];
  if (!name) return null;
  return FORMS[id].some((f) => f.name === name) ? name : null;
}
