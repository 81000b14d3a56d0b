/**
 * Maps a request path onto a file of the built renderer, for both hosts. Refuses anything that
 * would leave the root (`..`, encoded separators, NUL, backslashes, symlinks pointing out).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type StaticResolution =
  | { readonly kind: 'file'; readonly path: string; readonly size: number; readonly fallback: boolean }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not_found' };

/**
 * Decodes a URL pathname into a path inside root, or null when it would escape root.
 * Pure (no I/O) so both hosts and the unit tests share it.
 */
export function safeJoin(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return null;
  const absRoot = path.resolve(root);
  const full = path.resolve(absRoot, '.' + path.posix.normalize('/' + decoded));
  if (full !== absRoot && !full.startsWith(absRoot + path.sep)) return null;
  return full;
}

async function fileSize(p: string): Promise<number | null> {
  try {
    const st = await fs.stat(p);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

async function insideRealRoot(root: string, p: string): Promise<boolean> {
  try {
    const [r, f] = await Promise.all([fs.realpath(root), fs.realpath(p)]);
    return f === r || f.startsWith(r + path.sep);
  } catch {
    return false;
  }
}

/**
 * Resolves a request path: the file itself, `index.html` for `/` and for extension-less paths
 * (the single-page app's routes), not_found for a missing asset, forbidden for an escape.
 */
export async function resolveStatic(root: string, pathname: string): Promise<StaticResolution> {
  const joined = safeJoin(root, pathname);
  if (joined === null) return { kind: 'forbidden' };
  const candidates: Array<[string, boolean]> = [];
  if (!pathname.endsWith('/')) candidates.push([joined, false]);
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  // Only route-like paths fall back to the app; a missing /assets/x.js must be a 404, not HTML.
  if (!last.includes('.')) candidates.push([path.join(path.resolve(root), 'index.html'), true]);
  for (const [p, fallback] of candidates) {
    const size = await fileSize(p);
    if (size === null) continue;
    if (!(await insideRealRoot(root, p))) return { kind: 'forbidden' };
    return { kind: 'file', path: p, size, fallback };
  }
  return { kind: 'not_found' };
}
