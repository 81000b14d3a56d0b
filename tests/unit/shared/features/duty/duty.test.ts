import { describe, expect, it } from 'vitest';
import {
  chinaWeekMinute,
  minuteLabel,
  occurrenceAt,
  onDutyAt,
  unitDutyAt,
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
  it('resolves a unit group to the person on duty, the latest shift when two overlap, else nobody', () => {
    const shifts = [
      shift({ id: 'a', person: '张三', unitId: 'u1', startMin: 8 * 60, endMin: 20 * 60 }),
      shift({ id: 'b', person: '李四', unitId: 'u1', startMin: 19 * 60, endMin: 8 * 60 }),
      shift({ id: 'c', person: '王五', unitId: 'u2', weekdays: [6, 7] }),
      shift({ id: 'd', person: '无组', unitId: null }),
    ];
    const ten = unitDutyAt(shifts, at(10, 10));
    expect(ten.get('u1')?.onDuty?.person).toBe('张三');
    expect(ten.get('u2')).toEqual({ onDuty: null });
    expect(ten.has('u3')).toBe(false);
    expect(ten.size).toBe(2);
    // 19:30 both u1 shifts run: the night shift has taken over.
    expect(unitDutyAt(shifts, at(10, 19, 30)).get('u1')?.onDuty).toMatchObject({
      person: '李四',
      from: at(10, 19),
      to: at(11, 8),
    });
  });
});
