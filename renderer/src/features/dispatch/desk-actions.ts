/**
 * The desk's actions: every lifecycle step a duty officer can take on an order, which of them a
 * user may take now (the role/permission table of the core and the reducer's allowed statuses),
 * and which ask for a confirmation instead of an undo window. Pure.
 *
 * A desk action is finer than an event type: 派单 and 改派 are both `dispatched`, but they are
 * different buttons in different statuses.
 */
import {
  mayTakeAction,
  type ActionType,
  type Actor,
  type Permission,
} from '../../../../shared/features/orders/action-roles';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { ALLOWED_FROM } from '../../../../shared/features/orders/order-reducer';
import { ruleFor } from '../../../../shared/features/orders/sla-clock';
import type { SlaPolicy } from '../../../../shared/features/orders/sla-policy';
import type { Role } from '../../../../shared/kernel/roles';

/** In the order the action bar shows them: the usual next step of each status comes first. */
export const DESK_ACTIONS = [
  'locate',
  'dispatch',
  'sign',
  'contact',
  'progress',
  'reply',
  'verify',
  'close',
  'callback',
  'return_review',
  'extension_review',
  'transfer',
  'return_request',
  'extension_request',
  'urge',
  'whistle',
  'report_in',
  'suspend',
  'resume',
  'merge',
  'reopen',
] as const;
export type DeskActionId = (typeof DESK_ACTIONS)[number];

/** The event each desk action writes. */
export const EVENT_OF: Readonly<Record<DeskActionId, ActionType>> = {
  dispatch: 'dispatched',
  transfer: 'dispatched',
  sign: 'signed',
  contact: 'contacted',
  progress: 'progressed',
  reply: 'replied',
  verify: 'verified',
  close: 'closed',
  callback: 'callback_recorded',
  return_request: 'return_requested',
  return_review: 'return_decided',
  extension_request: 'extension_requested',
  extension_review: 'extension_decided',
  urge: 'urged',
  whistle: 'whistled',
  report_in: 'reported_in',
  suspend: 'suspended',
  resume: 'resumed',
  merge: 'merged',
  reopen: 'reopened',
  locate: 'located',
};

/**
 * Destructive actions: a dialog names the order and the consequence, and the call is made at
 * once when confirmed. Every other action goes through the undo window instead.
 */
export const CONFIRMED_ACTIONS: readonly DeskActionId[] = ['return_review', 'close', 'merge'];

export function needsConfirmation(id: DeskActionId): boolean {
  return CONFIRMED_ACTIONS.includes(id);
}

/** The signed-in user as the role table sees them; permissions once accounts carry them. */
export function actorOf(
  user: { readonly role: Role } & { readonly permissions?: unknown; readonly unitId?: unknown },
): Actor {
  const p = user.permissions;
  const permissions = Array.isArray(p) ? (p.filter((x) => x === 'verify') as Permission[]) : [];
  // A unit account is offered only its unit's own steps (the core refuses the others too).
  const unitId = typeof user.unitId === 'string' && user.unitId ? user.unitId : null;
  return unitId ? { role: user.role, permissions, unitId } : { role: user.role, permissions };
}

/** Longest extension in days the order's SLA rule allows; null when it allows none. */
export function maxExtensionDays(order: WorkOrder, policy: SlaPolicy | undefined): number | null {
  if (!policy) return order.urgency === 'P3' ? 15 : order.urgency === 'P2' ? 7 : null;
  const ext = ruleFor(order, policy).extension;
  if (!ext) return null;
  const days =
    ext.unit === 'hours' ? Math.floor(ext.amount / 24) : ext.unit === 'minutes' ? 0 : Math.floor(ext.amount);
  return days >= 1 ? Math.min(days, 30) : null;
}

/** Whether the order itself allows the action now (status and the reducer's other rules). */
export function allowedByOrder(id: DeskActionId, o: WorkOrder, policy?: SlaPolicy): boolean {
  if (!ALLOWED_FROM[EVENT_OF[id]].includes(o.status)) return false;
  switch (id) {
    case 'dispatch':
      return o.status === 'received';
    case 'transfer':
      return o.status !== 'received';
    case 'sign':
    case 'return_request':
      return o.unitId !== null;
    case 'extension_request':
      return (
        o.urgency !== 'P0' &&
        o.urgency !== 'P1' &&
        o.extensionRequests === 0 &&
        maxExtensionDays(o, policy) !== null
      );
    case 'extension_review':
      return o.extensionPending;
    case 'report_in':
      return o.whistle.some((s) => s.reportedAt === null);
    case 'callback':
      // No call-back for an anonymous caller or one who declined it.
      return o.anonymous !== true && o.callbackConsent !== false;
    case 'locate':
      // Offered for an order without a point (待定位); a placed one keeps its place.
      return o.lng === null;
    default:
      return true;
  }
}

/** Whether `who` may take the action (role and permission, as the core checks them). */
export function allowedForActor(id: DeskActionId, who: Actor): boolean {
  return mayTakeAction(who, EVENT_OF[id]);
}

/** The actions the action bar and the palette offer for this order and user, in bar order. */
export function availableActions(o: WorkOrder, who: Actor, policy?: SlaPolicy): DeskActionId[] {
  return DESK_ACTIONS.filter((id) => allowedForActor(id, who) && allowedByOrder(id, o, policy));
}

/** The first action of the bar is the order's usual next step: it is drawn as the primary button. */
export function primaryAction(actions: readonly DeskActionId[]): DeskActionId | null {
  const next: readonly DeskActionId[] = [
    'locate',
    'dispatch',
    'sign',
    'reply',
    'verify',
    'callback',
    'return_review',
    'extension_review',
    'resume',
  ];
  return actions.find((a) => next.includes(a)) ?? null;
}
