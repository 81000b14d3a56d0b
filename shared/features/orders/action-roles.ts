/**
 * Who may do what, beyond a procedure's base role: the order actions that are approvals or
 * overrides need a commander (值班长/指挥长). The core checks this table after the procedure's own
 * role; the renderer reads the same table to grey out buttons the user cannot use.
 */
import type { OrderEventType } from './order-events';
import { EVENT_NAMES } from './labels';
import { ALL_PERMISSIONS_FROM, roleAtLeast, type Permission, type Role } from '../../kernel/roles';

export { PERMISSIONS, PERMISSION_LABELS, type Permission } from '../../kernel/roles';

export type ActionType = Exclude<OrderEventType, 'created'>;

/** Minimum role per orders.act action. */
export const ACTION_ROLES: Readonly<Record<ActionType, Role>> = {
  dispatched: 'officer',
  signed: 'officer',
  contacted: 'officer',
  progressed: 'officer',
  replied: 'officer',
  verified: 'officer',
  closed: 'officer',
  return_requested: 'officer',
  /** 退单审核 */
  return_decided: 'commander',
  extension_requested: 'officer',
  /** 延期审批 */
  extension_decided: 'commander',
  urged: 'officer',
  /** 挂账: takes the order off the clock, an override of the deadline. */
  suspended: 'commander',
  /** 解除挂账 */
  resumed: 'commander',
  /** 并案: ends the order. */
  merged: 'commander',
  /** 重新打开 a closed order. */
  reopened: 'commander',
  whistled: 'officer',
  reported_in: 'officer',
  callback_recorded: 'officer',
  located: 'officer',
  volunteer_assigned: 'officer',
  volunteer_accepted: 'officer',
  volunteer_declined: 'officer',
  volunteer_rated: 'officer',
  member_assist_added: 'officer',
  member_assist_removed: 'officer',
};

/** Chinese names of the actions as the role refusal says them (the glossary's nouns). */
export const ACTION_LABELS: Readonly<Record<ActionType, string>> = EVENT_NAMES;

/**
 * 核查 and 结案 are their own permission: a verifier may be an officer who did not dispatch the
 * order. Commanders and admins have it with their role; an officer when an admin grants it.
 */
export const ACTION_PERMISSIONS: Readonly<Partial<Record<ActionType, Permission>>> = {
  verified: 'verify',
  closed: 'verify',
};

export interface Actor {
  readonly role: Role;
  readonly permissions?: readonly Permission[];
  /** A unit account's unit (issue 15): it takes only UNIT_ACTIONS, in its unit's name. */
  readonly unitId?: string | null;
}

/**
 * What a unit account may do on its unit's orders: the unit's own steps. Dispatching, approving,
 * closing, merging, urging and whistling stay with the hall.
 */
export const UNIT_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>([
  'signed',
  'contacted',
  'progressed',
  'replied',
  'return_requested',
  'extension_requested',
  'reported_in',
]);

/** The permission `who` lacks for `action` (role enough, permission missing), or null. */
export function missingPermission(who: Actor, action: ActionType): Permission | null {
  const need = ACTION_PERMISSIONS[action];
  if (!need || roleAtLeast(who.role, ALL_PERMISSIONS_FROM) || (who.permissions ?? []).includes(need))
    return null;
  return need;
}

/** Whether `who` may take `action` (role, then permission): the core and the desk's buttons agree. */
export function mayTakeAction(who: Actor, action: ActionType): boolean {
  if (who.unitId && !UNIT_ACTIONS.has(action)) return false;
  if (!roleAtLeast(who.role, ACTION_ROLES[action])) return false;
  const need = ACTION_PERMISSIONS[action];
  if (!need) return true;
  return roleAtLeast(who.role, ALL_PERMISSIONS_FROM) || (who.permissions ?? []).includes(need);
}
