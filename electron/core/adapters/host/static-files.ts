/**
 * Maps a request path onto a file of the built renderer, for both hosts. Refuses anything that
 * would leave the root (`..`, encoded separators, NUL, backslashes, symlinks pointing out).
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/**
 * Sends a file, or the single byte range the request asks for (PMTiles basemaps are read
 * piecewise). `rangesAllowed` is false for the app's index.html fallback.
 */
export function sendFileRange(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  size: number,
  headers: Record<string, string>,
  rangesAllowed: boolean,
): void {
  headers['Accept-Ranges'] = 'bytes';
  let start = 0;
  let end = size - 1;
  let status = 200;
  const range = req.headers.range;
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (range && m && rangesAllowed && (m[1] !== '' || m[2] !== '')) {
    if (m[1] === '') {
      start = Math.max(0, size - Number(m[2]));
    } else {
      start = Number(m[1]);
      if (m[2] !== '') end = Math.min(end, Number(m[2]));
    }
    if (start > end || start >= size) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
      res.end();
      return;
    }
    status = 206;
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  }
  headers['Content-Length'] = String(size === 0 ? 0 : end - start + 1);
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(filePath, { start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
