import { describe, expect, it } from 'vitest';
import {
  chinaWeekMinute,
  minuteLabel,
  occurrenceAt,
  onDutyAt,
  type DutyShift,
} from '../../../../../shared/features/duty/duty';

// 2026-03-10 is a Tuesday; 10:00 China time = 02:00 UTC.
const at = (day: number, h: number, m = 0) => Date.UTC(2026, 2, day, h - 8, m);
const shift = (over: Partial<DutyShift>): DutyShift => ({
  id: 's',
  person: '王',
  role: 'officer',
  weekdays: [1, 2, 3, 4, 5],
  startMin: 8 * 60,
  endMin: 20 * 60,
  unitId: null,
  ...over,
});

describe('duty roster', () => {
  it('reads the China weekday and minute', () => {
    expect(chinaWeekMinute(at(10, 10))).toMatchObject({ weekday: 2, minute: 600 });
    expect(chinaWeekMinute(at(15, 23, 30))).toMatchObject({ weekday: 7, minute: 23 * 60 + 30 });
  });
  it('finds a day shift on its weekdays only', () => {
    const s = shift({});
    expect(occurrenceAt(s, at(10, 10))).toEqual([at(10, 8), at(10, 20)]);
    expect(occurrenceAt(s, at(10, 20))).toBeNull(); // the end is not inside
    expect(occurrenceAt(s, at(14, 10))).toBeNull(); // Saturday
  });
  it('runs a night shift past midnight into the next day', () => {
    const night = shift({ id: 'n', startMin: 20 * 60, endMin: 8 * 60, weekdays: [5] }); // Friday night
    expect(occurrenceAt(night, at(14, 2))).toEqual([at(13, 20), at(14, 8)]); // Saturday 02:00
    expect(occurrenceAt(night, at(14, 21))).toBeNull(); // Saturday night is not rostered
    expect(onDutyAt([shift({}), night], at(13, 21)).map((d) => d.shift.id)).toEqual(['n']);
  });
  it('labels minutes', () => {
    expect(minuteLabel(8 * 60 + 5)).toBe('08:05');
  });
});
