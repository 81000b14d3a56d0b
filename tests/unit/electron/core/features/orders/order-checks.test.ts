import { describe, expect, it } from 'vitest';
import { extensionLimit } from '../../../../../../electron/core/features/orders/order-checks';
import type { SlaRule } from '../../../../../../shared/features/orders/sla-policy';
import { DEFAULT_SLA_POLICY } from '../../../../../../shared/features/orders/sla-policy';

const finish = { amount: 7, unit: 'calendar_days' } as const;

describe('extensionLimit', () => {
  it('has none where the rule allows none', () => {
    expect(extensionLimit(DEFAULT_SLA_POLICY.byUrgency.P0)).toBeNull();
    expect(extensionLimit(DEFAULT_SLA_POLICY.byUrgency.P1)).toBeNull();
    expect(extensionLimit(DEFAULT_SLA_POLICY.bySource.iot as SlaRule)).toBeNull();
  });

  it('reads the default policy in the days the SLA clock will add', () => {
    expect(extensionLimit(DEFAULT_SLA_POLICY.byUrgency.P2)).toEqual({ maxDays: 7, unit: 'calendar_days' });
    expect(extensionLimit(DEFAULT_SLA_POLICY.byUrgency.P3)).toEqual({ maxDays: 15, unit: 'calendar_days' });
    expect(extensionLimit(DEFAULT_SLA_POLICY.bySource.grid as SlaRule)).toEqual({
      maxDays: 1,
      unit: 'working_days',
    });
  });

  it('counts working days when the finish timer does, and whole 24-hour days of an hour limit', () => {
    const wd: SlaRule = {
      finish: { amount: 5, unit: 'working_days' },
      extension: { amount: 3, unit: 'calendar_days' },
    };
    expect(extensionLimit(wd)).toEqual({ maxDays: 3, unit: 'working_days' });
    expect(extensionLimit({ finish, extension: { amount: 72, unit: 'hours' } })).toEqual({
      maxDays: 3,
      unit: 'calendar_days',
    });
    expect(extensionLimit({ finish, extension: { amount: 12, unit: 'hours' } })).toBeNull();
    expect(extensionLimit({ finish, extension: { amount: 2880, unit: 'minutes' } })?.maxDays).toBe(2);
  });
});
