/**
 * Times as real 台账 hold them, read as China time (UTC+8, no daylight saving):
 * `2019/2/28 11:25:05`, `2019-02-28 11:25`, `2019年2月28日`, `2019年2月28日 11时25分`,
 * Excel serial days (`43419.6716666667`), and ISO strings with an offset. Pure.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** Excel's day 25569 is 1970-01-01 (its 1900 calendar counts a 29 Feb 1900 that never was). */
const EXCEL_EPOCH_DAYS = 25_569;

const DATE_TIME =
  /^(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?(?:\s*[T\s]\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*(?:分|秒)?)?$/;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Epoch ms of a China wall-clock time, or null when a part is out of range. */
export function chinaWallTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - CHINA_OFFSET_MS;
}

/** Parses one cell; null when it is not a time this importer knows. */
export function parseLedgerTime(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const days = Number(s);
    // 1990-01-01 … 2100-01-01 in Excel days: anything else is not a date.
    if (days < 32_874 || days > 73_051) return null;
    return Math.round((days - EXCEL_EPOCH_DAYS) * DAY_MS) - CHINA_OFFSET_MS;
  }
  const m = DATE_TIME.exec(s);
  if (m) {
    const n = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
    return chinaWallTime(n(1), n(2), n(3), n(4), n(5), n(6));
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}
