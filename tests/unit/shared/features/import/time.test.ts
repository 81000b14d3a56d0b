import { describe, expect, it } from 'vitest';
import { parseLedgerTime } from '../../../../../shared/features/import/time';

const china = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s) - 8 * 3600_000;

describe('parseLedgerTime', () => {
  it('reads the formats of real 台账 as China time', () => {
    expect(parseLedgerTime('2019/2/28 11:25:05')).toBe(china(2019, 2, 28, 11, 25, 5));
    expect(parseLedgerTime('2019-02-28 11:25')).toBe(china(2019, 2, 28, 11, 25));
    expect(parseLedgerTime('2019年2月28日')).toBe(china(2019, 2, 28));
    expect(parseLedgerTime('2019年2月28日 11时25分')).toBe(china(2019, 2, 28, 11, 25));
    expect(parseLedgerTime('2019.2.28')).toBe(china(2019, 2, 28));
    expect(parseLedgerTime('2019-02-28T03:25:00Z')).toBe(Date.UTC(2019, 1, 28, 3, 25));
  });
  it('reads Excel serial days (1900 system)', () => {
    expect(parseLedgerTime('43419.6716666667')).toBe(china(2018, 11, 15, 16, 7, 12));
    expect(parseLedgerTime('43466')).toBe(china(2019, 1, 1));
  });
  it('refuses what is not a time', () => {
    for (const bad of [
      '2019/13/45',
      '2019/2/30',
      '2019-02-28 25:00',
      'abc',
      '12345',
      '99999',
      '2019/2/28 11:60',
    ])
      expect(parseLedgerTime(bad), bad).toBeNull();
  });
});
