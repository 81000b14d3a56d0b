/**
 * Whether the page is a public wall (大屏模式) right now. Module state, not React state: the
 * transport reads it on every call so the core masks personal data (X-Hall-Wall / IPC flag).
 * It starts from the URL (`?wall=1`) so even the very first call of the page is masked.
 */

/** `?wall=1` (or `wall=true`) in the page's URL opens the wall straight away. */
export function wallFromSearch(search: string): boolean {
  const v = new URLSearchParams(search).get('wall');
  return v === '1' || v === 'true';
}

let masked = typeof window !== 'undefined' && wallFromSearch(window.location.search);
const listeners = new Set<(on: boolean) => void>();

export function wallMasked(): boolean {
  return masked;
}

export function setWallMasked(on: boolean): void {
  if (on === masked) return;
  masked = on;
  for (const fn of [...listeners]) fn(on);
}

export function onWallMasked(fn: (on: boolean) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The same URL with `wall=1` set or removed (kept across reloads of a wall PC). */
export function searchWithWall(search: string, on: boolean): string {
  const p = new URLSearchParams(search);
  if (on) p.set('wall', '1');
  else p.delete('wall');
  const s = p.toString();
  return s ? `?${s}` : '';
}
