/**
 * The wall's carousel of panels: which panels rotate, and the interval (configurable, kept in
 * localStorage; `?carousel=<seconds>` in the URL overrides it for a wall PC; 0 = off).
 */

/** The panels a wall rotates through (shell/panels.ts ids): 指挥调度 is a work tool, not wall content. */
export const CAROUSEL_PANELS = ['awareness', 'analysis', 'evaluation'] as const;
export type CarouselPanel = (typeof CAROUSEL_PANELS)[number];

export const CAROUSEL_STORAGE_KEY = 'hall.wall.carouselMs';
export const DEFAULT_CAROUSEL_MS = 60_000;
/** The choices offered in the header (ms); 0 = no rotation. */
export const CAROUSEL_CHOICES: readonly number[] = [0, 15_000, 30_000, 60_000, 120_000, 300_000];
const MIN_MS = 5_000;
const MAX_MS = 3_600_000;

/** The panel after `current`; from a panel that does not rotate, the first one. */
export function nextCarouselPanel(current: string): CarouselPanel {
  const i = (CAROUSEL_PANELS as readonly string[]).indexOf(current);
  return CAROUSEL_PANELS[(i + 1) % CAROUSEL_PANELS.length] ?? 'awareness';
}

/** A sane interval or null: 0 (off) or 5 s … 1 h. */
export function clampCarouselMs(ms: number): number | null {
  if (!Number.isFinite(ms) || ms < 0) return null;
  if (ms === 0) return 0;
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.round(ms)));
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readCarouselMs(storage: StorageLike | null, search: string): number {
  const fromUrl = new URLSearchParams(search).get('carousel');
  if (fromUrl !== null && fromUrl !== '') {
    const ms = clampCarouselMs(Number(fromUrl) * 1000);
    if (ms !== null) return ms;
  }
  const stored = storage?.getItem(CAROUSEL_STORAGE_KEY);
  if (stored !== null && stored !== undefined) {
    const ms = clampCarouselMs(Number(stored));
    if (ms !== null) return ms;
  }
  return DEFAULT_CAROUSEL_MS;
}

export function saveCarouselMs(storage: StorageLike | null, ms: number): void {
  const v = clampCarouselMs(ms);
  if (v === null) return;
  try {
    storage?.setItem(CAROUSEL_STORAGE_KEY, String(v));
  } catch {
    // Private mode / full storage: the setting lasts for this page only.
  }
}
