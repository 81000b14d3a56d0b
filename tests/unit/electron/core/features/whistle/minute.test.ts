import { describe, expect, it } from 'vitest';
import { parseMinuteMs } from '../../../../../../electron/core/features/whistle/minute';

describe('whistle deadline minute (test knob HALL_WHISTLE_MINUTE_MS)', () => {
  it('is a real minute unless the knob is set to a whole number of ms within 1 s … 60 s', () => {
    expect(parseMinuteMs(undefined)).toBe(60_000);
    expect(parseMinuteMs('')).toBe(60_000);
    expect(parseMinuteMs('20000')).toBe(20_000);
    expect(parseMinuteMs('1000')).toBe(1_000);
    for (const bad of ['0', '999', '60001', '-5000', '2.5e3x', 'abc', '1500.5'])
      expect(parseMinuteMs(bad), bad).toBe(60_000);
  });
});
