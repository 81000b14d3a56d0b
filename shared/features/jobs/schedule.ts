/**
 * Scheduled ledgers, pure: the slots of a monthly schedule (day D of each month at hour H, China
 * time). The runner queues a job when the latest slot at or before now is newer than the last it
 * queued — so a start after days off queues the latest missed slot once, not one per month missed.
 */
import { CHINA_OFFSET_MS, chinaParts } from '../../kernel/china-time';

/** The latest slot (epoch ms) at or before `now`. */
export function latestSlot(now: number, day: number, hour: number): number {
  const p = chinaParts(now);
  const at = (y: number, mo: number) => Date.UTC(y, mo - 1, day, hour) - CHINA_OFFSET_MS;
  const here = at(p.y, p.mo);
  if (here <= now) return here;
  return p.mo === 1 ? at(p.y - 1, 12) : at(p.y, p.mo - 1);
}

/** The first slot after `now`. */
export function nextSlot(now: number, day: number, hour: number): number {
  const p = chinaParts(latestSlot(now, day, hour));
  return Date.UTC(p.mo === 12 ? p.y + 1 : p.y, p.mo === 12 ? 0 : p.mo, day, hour) - CHINA_OFFSET_MS;
}

/** The month a slot's ledger covers: the month before the slot's China month ('YYYY-MM'). */
export function ledgerMonth(slot: number): string {
  const p = chinaParts(slot);
  const [y, m] = p.mo === 1 ? [p.y - 1, 12] : [p.y, p.mo - 1];
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Whether a schedule is due: its latest slot is newer than the last one queued. */
export function dueSlot(
  now: number,
  s: { readonly day: number; readonly hour: number; readonly lastSlot: number | null },
): number | null {
  const slot = latestSlot(now, s.day, s.hour);
  return s.lastSlot === null || slot > s.lastSlot ? slot : null;
}
