/**
 * 现场力量 (field force): the pure rules of position reports — who may report, the box around the
 * street a position must lie in, how old a position may be before it fades or disappears, and the
 * distance from a site. No I/O.
 */
import type { PersonRole } from '../reference/organisation';
import type { LngLat } from '../reference/jurisdiction';

/** The people whose positions the hall accepts and draws: 网格员 and 双报到党员. */
export const FIELD_ROLES = ['grid_worker', 'party_member'] as const satisfies readonly PersonRole[];
export type FieldRole = (typeof FIELD_ROLES)[number];

export function isFieldRole(role: PersonRole): role is FieldRole {
  return (FIELD_ROLES as readonly PersonRole[]).includes(role);
}

/** Defaults of the two ages (minutes): older than `fade` is drawn faint, older than `hide` is not drawn. */
export const DEFAULT_FADE_MINUTES = 10;
export const DEFAULT_HIDE_MINUTES = 60;
/** A report more than this far ahead of the hall's clock is refused (a device with a wrong clock). */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;
/** Reports older than this are ignored outright (a device that kept a day of fixes offline). */
export const HISTORY_HORIZON_MS = 24 * 3_600_000;
/** History rows kept per person (the newest); the map draws only the latest. */
export const HISTORY_PER_PERSON = 120;
/** How far outside the street's bounding box a position may lie (degrees, ~1.1 km). */
export const BOX_MARGIN_DEG = 0.01;

export interface Box {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
}

/** The street's bounding box grown by `BOX_MARGIN_DEG` on each side: a worker may stand on a border road. */
export function saneBox(boundary: readonly LngLat[]): Box {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const [x, y] of boundary) {
    minLng = Math.min(minLng, x);
    minLat = Math.min(minLat, y);
    maxLng = Math.max(maxLng, x);
    maxLat = Math.max(maxLat, y);
  }
  return {
    minLng: minLng - BOX_MARGIN_DEG,
    minLat: minLat - BOX_MARGIN_DEG,
    maxLng: maxLng + BOX_MARGIN_DEG,
    maxLat: maxLat + BOX_MARGIN_DEG,
  };
}

export function inBox(box: Box, lng: number, lat: number): boolean {
  return lng >= box.minLng && lng <= box.maxLng && lat >= box.minLat && lat <= box.maxLat;
}

export type Freshness = 'fresh' | 'faded' | 'hidden';

/** How a position of age `ageMs` is drawn under the settings. */
export function freshness(ageMs: number, fadeMinutes: number, hideMinutes: number): Freshness {
  if (ageMs > hideMinutes * 60_000) return 'hidden';
  if (ageMs > fadeMinutes * 60_000) return 'faded';
  return 'fresh';
}

/** Great-circle distance in metres (haversine; exact enough over a few kilometres). */
export function distanceM(a: LngLat, b: LngLat): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The age of a position as a person says it: 刚刚, 3 分钟前, 2 小时前 (zh); callers translate `unit`. */
export function ageParts(ageMs: number): { readonly unit: 'now' | 'minutes' | 'hours'; readonly n: number } {
  const min = Math.floor(Math.max(0, ageMs) / 60_000);
  if (min < 1) return { unit: 'now', n: 0 };
  if (min < 60) return { unit: 'minutes', n: min };
  return { unit: 'hours', n: Math.floor(min / 60) };
}
