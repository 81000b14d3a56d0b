/**
 * China Standard Time (UTC+8, no daylight saving), the hall's clock whatever the machine's zone:
 * calendar dates, months and their bounds as epoch milliseconds. One definition for the core,
 * the store's rollups and the renderer.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Calendar fields of an instant in China time. */
export function chinaParts(ms: number): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
} {
  const t = new Date(ms + CHINA_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

/** Days since 1970-01-01 of an instant's China date. */
function chinaDayNumber(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number (chinaDayNumber). */
export function dayNumberDate(days: number): string {
  const dt = new Date(days * DAY_MS);
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** The China-time calendar date of an instant, 'YYYY-MM-DD'. */
export function chinaDate(ms: number): string {
  return dayNumberDate(chinaDayNumber(ms));
}

/** The instant of 00:00 China time on a 'YYYY-MM-DD' date (UTC day arithmetic, any y/m/d). */
function chinaMidnightOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS;
}

const monthOfDay = new Map<number, string>();

/** 'YYYY-MM' of an instant in China time (memoised per day: the ingest asks often). */
export function chinaMonth(ms: number): string {
  const day = chinaDayNumber(ms);
  let m = monthOfDay.get(day);
  if (m === undefined) {
    m = dayNumberDate(day).slice(0, 7);
    if (monthOfDay.size < 100_000) monthOfDay.set(day, m);
  }
  return m;
}

/** [start, end) of a 'YYYY-MM' month in China time, epoch ms. */
export function chinaMonthRange(month: string): [number, number] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return [chinaMidnightOf(y, m, 1), chinaMidnightOf(y, m + 1, 1)];
}

/** 'HH:mm' in China time, or 'MM-DD HH:mm' when not today (relative to `now`). */
export function formatChinaTime(ms: number, now: number): string {
  const p = chinaParts(ms);
  const pad2 = (n: number): string => String(n).padStart(2, '0');
  const hm = `${pad2(p.h)}:${pad2(p.mi)}`;
  return chinaDayNumber(ms) === chinaDayNumber(now) ? hm : `${pad2(p.mo)}-${pad2(p.d)} ${hm}`;
}
