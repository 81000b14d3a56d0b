/**
 * GeoReport dates: W3C ISO 8601 with an offset, per the spec. Real servers send them with or
 * without milliseconds, `Z`, `+00:00`, `+0000` or no offset at all, and 1970-01-01 for "blank".
 */

export interface ParsedDate {
  /** Epoch ms, or null for missing/blank/unreadable. */
  readonly ms: number | null;
  /** Why ms is null, or that an offset had to be assumed. */
  readonly note: 'blank' | 'unreadable' | 'naive' | null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
/** Dates before this are a server's way of saying "none" (1970-01-01 and friends). */
const BLANK_BEFORE = Date.UTC(1971, 0, 1);

export function parseOpen311Date(value: unknown, naiveOffsetMinutes: number): ParsedDate {
  if (value === null || value === undefined) return { ms: null, note: 'blank' };
  const s = String(value).trim();
  if (s === '') return { ms: null, note: 'blank' };
  const m = ISO.exec(s);
  if (!m) return { ms: null, note: 'unreadable' };
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', off] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  if (!Number.isFinite(t) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 24 || Number(mi) > 59)
    return { ms: null, note: 'unreadable' };
  let note: ParsedDate['note'] = null;
  if (off === undefined) {
    t -= naiveOffsetMinutes * 60_000;
    note = 'naive';
  } else if (off !== 'Z' && off !== 'z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    t -= sign * minutes * 60_000;
  }
  if (t < BLANK_BEFORE) return { ms: null, note: 'blank' };
  return { ms: t, note };
}

/** For start_date/end_date: UTC, whole seconds (some servers refuse milliseconds). */
export function formatOpen311Date(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
