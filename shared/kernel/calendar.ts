/**
 * China's working-day calendar with statutory holidays and 调休 make-up working days.
 *
 * Source: the npm package `chinese-days` (follows the State Council's yearly notice). Years the
 * package does not cover yet (2027 with 1.5.7) fall back to the statutory rules
 * (全国年节及纪念日放假办法, 2025 revision) *without* 调休, marked 'estimated'; an administrator
 * loads the official arrangement with `withOverrides` once it is published.
 *
 * All dates are China Standard Time (UTC+8, no DST), as 'YYYY-MM-DD'.
 *
 * Why not call `chinese-days`' isWorkday('YYYY-MM-DD') directly: it parses such strings as UTC
 * midnight and reads them back with local-time getters, so on a machine west of UTC it answers
 * for the previous day. We only ever hand it local-noon Date objects (correct in every zone), and
 * do weekday arithmetic ourselves.
 *
 * Import: the default export works both with Node's CJS interop (tests, Electron main) and with the
 * package's ES module in Vite (renderer); named imports fail under Node ESM.
 */
import chineseDays from 'chinese-days';
import { CHINA_OFFSET_MS, DAY_MS, chinaDate, dayNumberDate } from './china-time';

export { chinaDate } from './china-time';

export interface WorkCalendar {
  /** `date` is 'YYYY-MM-DD' in China Standard Time (UTC+8). */
  isWorkingDay(date: string): boolean;
}

export type CalendarCoverage = 'official' | 'estimated';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(date);
  if (!match) throw new Error(`invalid date (expected YYYY-MM-DD): ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const fromUtcDays = dayNumberDate;

function toUtcDays(date: string): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The instant of 00:00 China time on `date`. */
export function chinaMidnight(date: string): number {
  return toUtcDays(date) * DAY_MS - CHINA_OFFSET_MS;
}

/** `date` shifted by whole days. */
export function addDays(date: string, days: number): string {
  return fromUtcDays(toUtcDays(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtcDays(date) * DAY_MS).getUTCDay();
}

/**
 * The statistics day an instant belongs to when days run `cutoffHour`:00 → `cutoffHour`:00
 * (PRODUCT.md: 12:00→12:00 setting). The window ending at cutoff on day D is labelled D;
 * cutoffHour 0 is the plain calendar day.
 */
export function statisticsDate(ms: number, cutoffHour = 0): string {
  return cutoffHour === 0 ? chinaDate(ms) : chinaDate(ms + (24 - cutoffHour) * 3_600_000);
}

/**
 * True where the package's own tables are keyed one day early: it builds them by parsing
 * 'Y-M-D' as UTC midnight and formatting with local getters, which slips back a day west of UTC.
 */
function pkgShiftsWest(date: string): boolean {
  const { y, m, d } = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getTimezoneOffset() > 0;
}

/** The Date to ask the package about `date`: local noon (its getters read that day in every zone), compensating its table shift. */
const pkgDate = (date: string): Date => {
  const { y, m, d } = parseDate(pkgShiftsWest(date) ? addDays(date, -1) : date);
  return new Date(y, m - 1, d, 12);
};

interface YearTable {
  readonly coverage: CalendarCoverage;
  /** Exceptions to the Monday–Friday rule: true = working day, false = day off. */
  readonly exceptions: ReadonlyMap<string, boolean>;
  /** Named holidays (official or estimated), for display. */
  readonly names: ReadonlyMap<string, string>;
}

function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

function officialTable(year: number): YearTable | null {
  const exceptions = new Map<string, boolean>();
  const names = new Map<string, string>();
  const festivals = new Set<string>();
  let date = `${year}-01-01`;
  while (date.startsWith(String(year))) {
    const detail = chineseDays.getDayDetail(pkgDate(date));
    // Named days carry "English,中文,days" and `work` from the tables alone; plain days carry
    // the weekday name (ignored: we do weekdays ourselves).
    const parts = detail.name.split(',');
    if (parts.length >= 2) {
      const cn = parts[1] ?? detail.name;
      names.set(date, cn);
      festivals.add(cn);
      if (detail.work === isWeekend(date)) exceptions.set(date, detail.work);
    }
    date = addDays(date, 1);
  }
  // A year is covered once the whole arrangement (春节 … 国庆) has been published.
  if (!festivals.has('春节') || !festivals.has('国庆节')) return null;
  return { coverage: 'official', exceptions, names };
}

/** Solar date of a lunar date, through chinese-days' conversion. */
function lunarToSolar(lunarYear: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(new Date(lunarYear, month - 1, day, 12)).date;
}

/** 清明: the day of the solar term, from the package's term formula. */
function qingming(year: number): string {
  const s = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  // Same UTC-parse/local-format slip as the holiday tables.
  return pkgShiftsWest(s) ? addDays(s, 1) : s;
}

/** Statutory holidays from the rules, no 调休 (estimated years). */
export function estimatedHolidays(year: number): Map<string, string> {
  const h = new Map<string, string>();
  h.set(`${year}-01-01`, '元旦');
  const chuyi = lunarToSolar(year, 1, 1);
  for (let i = -1; i <= 2; i++) h.set(addDays(chuyi, i), '春节');
  h.set(qingming(year), '清明');
  h.set(`${year}-05-01`, '劳动节');
  h.set(`${year}-05-02`, '劳动节');
  h.set(lunarToSolar(year, 5, 5), '端午');
  h.set(lunarToSolar(year, 8, 15), '中秋');
  for (let d = 1; d <= 3; d++) h.set(`${year}-10-0${d}`, '国庆节');
  return h;
}

function estimatedTable(year: number): YearTable {
  const names = estimatedHolidays(year);
  const exceptions = new Map<string, boolean>();
  for (const date of names.keys()) if (!isWeekend(date)) exceptions.set(date, false);
  return { coverage: 'estimated', exceptions, names };
}

export interface ChinaCalendar extends WorkCalendar {
  coverage(year: number): CalendarCoverage;
  /** Holiday name (中文) of a date, or null for a plain working day or weekend. */
  holidayName(date: string): string | null;
}

/** A fresh calendar (its per-year tables are built lazily and cached). */
export function createChinaCalendar(): ChinaCalendar {
  const tables = new Map<number, YearTable>();
  const table = (year: number): YearTable => {
    let t = tables.get(year);
    if (!t) {
      t = officialTable(year) ?? estimatedTable(year);
      tables.set(year, t);
    }
    return t;
  };
  return {
    isWorkingDay(date: string): boolean {
      const t = table(parseDate(date).y);
      return t.exceptions.get(date) ?? !isWeekend(date);
    },
    coverage: (year: number) => table(year).coverage,
    holidayName: (date: string) => table(parseDate(date).y).names.get(date) ?? null,
  };
}

export const chinaCalendar: ChinaCalendar = createChinaCalendar();

/** Whether `year` comes from the published arrangement or from the statutory rules alone. */
export function calendarCoverage(year: number): CalendarCoverage {
  return chinaCalendar.coverage(year);
}

export interface CalendarOverrides {
  /** Extra days off ('YYYY-MM-DD'). */
  readonly holidays: readonly string[];
  /** Extra working days, e.g. 调休 Saturdays ('YYYY-MM-DD'). Wins over `holidays`. */
  readonly workdays: readonly string[];
}

/** `base` with an administrator's arrangement on top (e.g. the official 2027 notice). */
export function withOverrides(base: WorkCalendar, o: CalendarOverrides): WorkCalendar {
  for (const d of [...o.holidays, ...o.workdays]) parseDate(d);
  const off = new Set(o.holidays);
  const on = new Set(o.workdays);
  return {
    isWorkingDay(date: string): boolean {
      if (on.has(date)) return true;
      if (off.has(date)) return false;
      return base.isWorkingDay(date);
    },
  };
}
