import { describe, expect, it } from 'vitest';
import {
  beijingMonth,
  dateInputToEpoch,
  formatClock,
  formatDateTime,
  formatShortDateTime,
  percent,
  splitDuration,
} from '../../../../../../renderer/src/platform/format/time';

// 2026-01-31 16:30:05 UTC = 2026-02-01 00:30:05 in Beijing.
const T = Date.UTC(2026, 0, 31, 16, 30, 5);

describe('Beijing time formatting', () => {
  it('formats in UTC+8 whatever the machine zone', () => {
    expect(formatDateTime(T)).toBe('2026-02-01 00:30');
    expect(formatShortDateTime(T)).toBe('02-01 00:30');
    expect(formatClock(T)).toBe('00:30:05');
  });
  it('puts the month boundary at Beijing midnight', () => {
    expect(beijingMonth(T)).toBe('2026-02');
    expect(beijingMonth(T - 31 * 60_000)).toBe('2026-01');
  });
});

describe('dateInputToEpoch', () => {
  it('maps a date to Beijing midnight, or the last ms of the day', () => {
    expect(dateInputToEpoch('2026-02-01')).toBe(Date.UTC(2026, 0, 31, 16));
    expect(dateInputToEpoch('2026-02-01', true)).toBe(Date.UTC(2026, 1, 1, 16) - 1);
  });
  it('rejects empty, malformed and impossible dates', () => {
    expect(dateInputToEpoch('')).toBeNull();
    expect(dateInputToEpoch('2026-2-1')).toBeNull();
    expect(dateInputToEpoch('2026-02-31')).toBeNull();
    expect(dateInputToEpoch('2026-13-01')).toBeNull();
  });
});

describe('splitDuration and percent', () => {
  it('splits signed durations to the minute', () => {
    expect(splitDuration((2 * 1440 + 3 * 60 + 7) * 60_000 + 59_000)).toEqual({
      negative: false,
      days: 2,
      hours: 3,
      minutes: 7,
    });
    expect(splitDuration(-90 * 60_000)).toEqual({ negative: true, days: 0, hours: 1, minutes: 30 });
  });
  it('formats fractions as percentages with one decimal', () => {
    expect(percent(0.9234)).toBe('92.3%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBeNull();
    expect(percent(Number.NaN)).toBeNull();
  });
});
