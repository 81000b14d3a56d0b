/** The monthly schedule's slots (China time), the month a slot's ledger covers, and when one is due. */
import { describe, expect, it } from 'vitest';
import { dueSlot, latestSlot, ledgerMonth, nextSlot } from '../../../../../shared/features/jobs/schedule';

const china = (s: string) => Date.parse(`${s}+08:00`);

describe('jobs schedule', () => {
  it('finds the latest and next slot across month and year ends', () => {
    expect(latestSlot(china('2026-12-01T07:59:59'), 1, 8)).toBe(china('2026-11-01T08:00:00'));
    expect(latestSlot(china('2026-12-01T08:00:00'), 1, 8)).toBe(china('2026-12-01T08:00:00'));
    expect(latestSlot(china('2027-01-01T03:00:00'), 1, 8)).toBe(china('2026-12-01T08:00:00'));
    expect(nextSlot(china('2026-12-15T00:00:00'), 1, 8)).toBe(china('2027-01-01T08:00:00'));
    expect(nextSlot(china('2026-12-01T08:00:00'), 1, 8)).toBe(china('2027-01-01T08:00:00'));
    expect(latestSlot(china('2026-03-28T23:30:00'), 28, 23)).toBe(china('2026-03-28T23:00:00'));
  });

  it('covers the month before the slot and is due once per slot', () => {
    expect(ledgerMonth(china('2027-01-01T08:00:00'))).toBe('2026-12');
    expect(ledgerMonth(china('2026-12-01T08:00:00'))).toBe('2026-11');
    const s = { day: 1, hour: 8, lastSlot: china('2026-11-01T08:00:00') };
    expect(dueSlot(china('2026-11-30T23:00:00'), s)).toBeNull();
    expect(dueSlot(china('2027-02-15T00:00:00'), s)).toBe(china('2027-02-01T08:00:00'));
    expect(
      dueSlot(china('2027-02-15T00:00:00'), { ...s, lastSlot: china('2027-02-01T08:00:00') }),
    ).toBeNull();
  });
});
