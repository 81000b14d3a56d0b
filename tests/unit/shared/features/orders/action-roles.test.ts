/** Who may take which order action: a unit account (issue 15) only the unit's own steps. */
import { describe, expect, it } from 'vitest';
import {
  ACTION_ROLES,
  UNIT_ACTIONS,
  mayTakeAction,
  type ActionType,
} from '../../../../../shared/features/orders/action-roles';

describe('mayTakeAction for unit accounts', () => {
  it('offers a unit account exactly the unit’s own steps, a hall officer every officer action', () => {
    const all = Object.keys(ACTION_ROLES) as ActionType[];
    const unit = all.filter((a) => mayTakeAction({ role: 'officer', unitId: 'u-cg' }, a));
    expect(unit.sort()).toEqual([...UNIT_ACTIONS].sort());
    expect(mayTakeAction({ role: 'officer', unitId: 'u-cg' }, 'dispatched')).toBe(false);
    expect(mayTakeAction({ role: 'officer' }, 'dispatched')).toBe(true);
    expect(mayTakeAction({ role: 'officer', unitId: null }, 'urged')).toBe(true);
  });
});
