import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarCoverage,
  chinaCalendar,
  chinaDate,
  chinaMidnight,
  estimatedHolidays,
  statisticsDate,
  weekday,
  withOverrides,
} from '../../../../shared/kernel/calendar';

const work = (d: string) => chinaCalendar.isWorkingDay(d);
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('China time helpers', () => {
  it('chinaDate uses UTC+8', () => {
    expect(chinaDate(Date.UTC(2026, 1, 14, 15, 59, 59, 999))).toBe('2026-02-14');
    expect(chinaDate(Date.UTC(2026, 1, 14, 16, 0, 0))).toBe('2026-02-15');
    expect(chinaDate(Date.UTC(2025, 11, 31, 16, 0))).toBe('2026-01-01');
  });
  it('chinaMidnight is 16:00 UTC the day before', () => {
    expect(chinaMidnight('2026-02-15')).toBe(Date.UTC(2026, 1, 14, 16));
    expect(chinaDate(chinaMidnight('2024-02-29'))).toBe('2024-02-29');
  });
  it('addDays and weekday', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-02-15')).toBe(0);
  });
  it('statisticsDate with a 12:00 cut-off', () => {
    const at = (h: number) => Date.UTC(2026, 2, 2, h - 8); // China hour h on 2026-03-02
    expect(statisticsDate(at(11))).toBe('2026-03-02');
    expect(statisticsDate(at(11), 12)).toBe('2026-03-02');
    expect(statisticsDate(at(12), 12)).toBe('2026-03-03');
    expect(statisticsDate(at(23), 12)).toBe('2026-03-03');
  });
  it('rejects malformed dates', () => {
    expect(() => work('2026-2-1')).toThrow(/YYYY-MM-DD/);
  });
});

describe('2026 (official, from chinese-days)', () => {
  it('Spring Festival: 02-15..02-23 off, make-up Saturdays 02-14 and 02-28', () => {
    for (const d of range('2026-02-15', '2026-02-23')) expect(work(d), d).toBe(false);
    expect(work('2026-02-14')).toBe(true);
    expect(work('2026-02-28')).toBe(true);
    expect(work('2026-02-13')).toBe(true);
    expect(work('2026-02-24')).toBe(true);
    expect(chinaCalendar.holidayName('2026-02-17')).toBe('春节');
  });
  it('National Day: 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) working', () => {
    for (const d of range('2026-10-01', '2026-10-07')) expect(work(d), d).toBe(false);
    expect(work('2026-09-20')).toBe(true);
    expect(work('2026-10-10')).toBe(true);
    expect(work('2026-10-08')).toBe(true);
  });
  it('New Year, Labour Day and its make-up Saturday', () => {
    expect(work('2026-01-01')).toBe(false);
    expect(work('2026-01-02')).toBe(false);
    expect(work('2026-01-04')).toBe(true); // Sunday make-up
    for (const d of range('2026-05-01', '2026-05-05')) expect(work(d), d).toBe(false);
    expect(work('2026-05-09')).toBe(true);
  });
  it('ordinary weekends and weekdays', () => {
    expect(work('2026-03-07')).toBe(false); // Sat
    expect(work('2026-03-08')).toBe(false); // Sun
    expect(work('2026-03-09')).toBe(true); // Mon
    expect(chinaCalendar.holidayName('2026-03-09')).toBeNull();
  });
  it('is covered officially', () => {
    expect(calendarCoverage(2026)).toBe('official');
  });
});

describe('2024 and 2025 (official)', () => {
  it('2024 Spring Festival 02-10..02-17 with make-up 02-04 (Sun) and 02-18 (Sun)', () => {
    for (const d of range('2024-02-10', '2024-02-17')) expect(work(d), d).toBe(false);
    expect(work('2024-02-04')).toBe(true);
    expect(work('2024-02-18')).toBe(true);
  });
  it('2024 National Day with make-up 09-29 and 10-12', () => {
    for (const d of range('2024-10-01', '2024-10-07')) expect(work(d), d).toBe(false);
    expect(work('2024-09-29')).toBe(true);
    expect(work('2024-10-12')).toBe(true);
  });
  it('2025 Spring Festival 01-28..02-04 with make-up 01-26 and 02-08', () => {
    for (const d of range('2025-01-28', '2025-02-04')) expect(work(d), d).toBe(false);
    expect(work('2025-01-26')).toBe(true);
    expect(work('2025-02-08')).toBe(true);
  });
  it('2025 National Day + Mid-Autumn 10-01..10-08 with make-up 09-28 and 10-11', () => {
    for (const d of range('2025-10-01', '2025-10-08')) expect(work(d), d).toBe(false);
    expect(work('2025-09-28')).toBe(true);
    expect(work('2025-10-11')).toBe(true);
    expect(calendarCoverage(2024)).toBe('official');
    expect(calendarCoverage(2025)).toBe('official');
  });
});

describe('2027 fallback (estimated from the statutory rules, no 调休)', () => {
  it('is marked estimated', () => {
    expect(calendarCoverage(2027)).toBe('estimated');
  });
  it('computes the statutory holidays', () => {
    expect([...estimatedHolidays(2027).entries()]).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'], // 除夕
      ['2027-02-06', '春节'], // 初一
      ['2027-02-07', '春节'],
      ['2027-02-08', '春节'],
      ['2027-04-05', '清明'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-06-09', '端午'],
      ['2027-09-15', '中秋'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ]);
  });
  it('the rules reproduce the statutory days of an official year (2025)', () => {
    for (const d of estimatedHolidays(2025).keys()) expect(work(d), d).toBe(false);
  });
  it('holidays are off, weekends off, no make-up days', () => {
    expect(work('2027-01-01')).toBe(false); // Fri
    expect(work('2027-02-05')).toBe(false); // Fri 除夕
    expect(work('2027-02-08')).toBe(false); // Mon 初三
    expect(work('2027-02-09')).toBe(true);
    expect(work('2027-06-09')).toBe(false); // Wed 端午
    expect(work('2027-09-15')).toBe(false); // Wed 中秋
    expect(work('2027-10-04')).toBe(true); // Mon: no 调休 estimated
    expect(work('2027-02-20')).toBe(false); // plain Saturday
    expect(chinaCalendar.holidayName('2027-04-05')).toBe('清明');
  });
  it('withOverrides loads an official arrangement on top', () => {
    const cal = withOverrides(chinaCalendar, {
      holidays: ['2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      workdays: ['2027-09-26', '2027-10-09'],
    });
    for (const d of range('2027-10-01', '2027-10-07')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2027-09-26')).toBe(true); // Sunday made working
    expect(cal.isWorkingDay('2027-10-09')).toBe(true);
    expect(cal.isWorkingDay('2027-10-08')).toBe(true); // untouched → base
    expect(cal.isWorkingDay('2027-10-16')).toBe(false); // untouched weekend
    expect(chinaCalendar.isWorkingDay('2027-10-04')).toBe(true); // base unchanged
  });
  it('withOverrides: workdays win over holidays, bad dates are refused', () => {
    const cal = withOverrides(chinaCalendar, { holidays: ['2026-03-09'], workdays: ['2026-03-09'] });
    expect(cal.isWorkingDay('2026-03-09')).toBe(true);
    expect(() => withOverrides(chinaCalendar, { holidays: ['2027/10/04'], workdays: [] })).toThrow();
  });
});

describe('independent of the host time zone', () => {
  // chinese-days keys its tables by local date; the calendar must answer the same everywhere.
  // TZ is read when a process starts, so each zone runs in its own child process.
  const probe = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));
  const run = (tz: string): unknown =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', probe], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      }),
    );
  const expected = {
    work: [true, false, false, true, false, true, true, false, false],
    names: ['春节', '春节', '春节', null, '国庆节', null, '国庆节', '春节', '清明'],
  };
  it.each(['America/Los_Angeles', 'Pacific/Pago_Pago', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'])(
    '%s',
    (tz) => {
      expect(run(tz)).toEqual(expected);
    },
  );
});
