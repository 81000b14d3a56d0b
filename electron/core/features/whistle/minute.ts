/**
 * How long one minute of a whistle's report-in deadline lasts: 60 000 ms.
 *
 * Test knob, HALL_WHISTLE_MINUTE_MS (1 000 … 60 000): the e2e hosts (tests/e2e/global-setup.ts)
 * set it to 20 000 so that the 1-minute deadline of tests/e2e/whistle.spec.ts passes in 20 s and
 * the 超时 path — the loop's scan, the alarm, the timeline — is walked by the real host without a
 * real minute's wait (CI is near its time limit). Only the deadline of a new whistle is scaled;
 * the loop, the alarm and everything else run as in a hall. A hall never sets it; a value outside
 * the range is ignored.
 */
export const WHISTLE_MINUTE_MS = parseMinuteMs(process.env.HALL_WHISTLE_MINUTE_MS);

export function parseMinuteMs(raw: string | undefined): number {
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1_000 && n <= 60_000 ? n : 60_000;
}
