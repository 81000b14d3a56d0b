/**
 * Who may do what, beyond a procedure's base role: the order actions that are approvals or
 * overrides need a commander (值班长/指挥长). The core checks this table after the procedure's own
 * role; the renderer reads the same table to grey out buttons the user cannot use.
 */
import type { OrderEventType } from './order-events';
import { EVENT_NAMES } from './labels';
import type { Role } from '../../kernel/roles';

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
};

/** Chinese names of the actions as the role refusal says them (the glossary's nouns). */
export const ACTION_LABELS: Readonly<Record<ActionType, string>> = EVENT_NAMES;
