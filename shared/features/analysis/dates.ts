/** Date arithmetic on China dates ('YYYY-MM-DD') for the analysis buckets. Pure. */
import { addDays, weekday } from '../../kernel/calendar';

export { addDays };

function _parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function _fmt(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function _monthDays(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The same day `months` months away, clamped to the month's last day (03-31 − 1 month = 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = _parts(date);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return _fmt(ny, nm, Math.min(d, _monthDays(ny, nm)));
}

/** First day of the date's month. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Last day of the date's month. */
export function monthEnd(date: string): string {
  const [y, m] = _parts(date);
  return _fmt(y, m, _monthDays(y, m));
}

/** The Monday on or before the date (weeks start on Monday in China). */
export function weekStart(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
