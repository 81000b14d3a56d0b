/**
 * Time formatting for the hall. The hall runs on Beijing time whatever the machine's zone,
 * so every display goes through Asia/Shanghai explicitly (UTC+8, no daylight saving).
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;

function parts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const t = new Date(ms + BEIJING_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** 2026-03-05 14:07 */
export function formatDateTime(ms: number): string {
  const x = parts(ms);
  return `${x.y}-${p2(x.mo)}-${p2(x.d)} ${p2(x.h)}:${p2(x.mi)}`;
}

/** 03-05 14:07 — compact, for table cells. */
export function formatShortDateTime(ms: number): string {
  const x = parts(ms);
  return `${p2(x.mo)}-${p2(x.d)} ${p2(x.h)}:${p2(x.mi)}`;
}

/** 14:07:09 */
export function formatClock(ms: number): string {
  const x = parts(ms);
  return `${p2(x.h)}:${p2(x.mi)}:${p2(x.s)}`;
}

/** 2026-03-05 */
export function formatDate(ms: number): string {
  const x = parts(ms);
  return `${x.y}-${p2(x.mo)}-${p2(x.d)}`;
}

/** "2026-03" — the Beijing month containing `ms` (the stats.month key). */
export function beijingMonth(ms: number): string {
  const x = parts(ms);
  return `${x.y}-${p2(x.mo)}`;
}

/**
 * An `<input type="date">` value (YYYY-MM-DD) as epoch ms at Beijing midnight; with
 * `endOfDay`, the last millisecond of that day. Returns null for an empty or malformed value.
 */
export function dateInputToEpoch(value: string, endOfDay = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const start = Date.UTC(y, mo - 1, d) - BEIJING_OFFSET_MS;
  if (Number.isNaN(start) || start < 0) return null;
  // Reject 2026-02-31 style dates that Date.UTC would silently roll over.
  if (parts(start).d !== d) return null;
  return endOfDay ? start + 86_400_000 - 1 : start;
}

export interface DurationParts {
  readonly negative: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** Splits a signed duration into whole days/hours/minutes (rounded toward zero to the minute). */
export function splitDuration(ms: number): DurationParts {
  const negative = ms < 0;
  const totalMin = Math.floor(Math.abs(ms) / 60_000);
  return {
    negative,
    days: Math.floor(totalMin / 1440),
    hours: Math.floor((totalMin % 1440) / 60),
    minutes: totalMin % 60,
  };
}

/** Fraction 0..1 as a percentage with one decimal, or null. */
export function percent(fraction: number | null | undefined): string | null {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return null;
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}
