/**
 * The basemap routes both hosts answer (HTTP host and Electron's app:// protocol):
 *   GET /basemap/<name>/<z>/<x>/<y>.<pbf|png|jpg|webp>  one tile (204 when the file has none)
 *   GET /basemap/<name>.pmtiles                          the raw file (byte ranges by the host)
 * Names are checked against BASEMAP_NAME and looked up in the catalogue: no path is ever built
 * from the URL, so there is nothing to traverse.
 */
import type { BasemapCatalog } from './catalog';
import { findBasemapFile } from './catalog';
import { CONTENT_TYPES, type TileFormat } from './tile-source';

const BASEMAP_PREFIX = '/basemap/';

export type BasemapAnswer =
  | { readonly kind: 'tile'; readonly data: Buffer; readonly contentType: string; readonly gzipped: boolean }
  | { readonly kind: 'file'; readonly path: string; readonly size: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'not_found' };

const TILE_PATH =
  /^\/basemap\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})\.(pbf|mvt|png|jpg|webp)$/;
const FILE_PATH = /^\/basemap\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.pmtiles$/;

export function isBasemapPath(pathname: string): boolean {
  return pathname.startsWith(BASEMAP_PREFIX);
}

export async function answerBasemap(catalog: BasemapCatalog, pathname: string): Promise<BasemapAnswer> {
  const file = FILE_PATH.exec(pathname);
  if (file) {
    const f = await findBasemapFile(catalog.dirs, file[1] as string);
    return f && f.kind === 'pmtiles' ? { kind: 'file', path: f.path, size: f.size } : { kind: 'not_found' };
  }
  const m = TILE_PATH.exec(pathname);
  if (!m) return { kind: 'not_found' };
  const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (z > 24) return { kind: 'not_found' };
  let source;
  try {
    source = await catalog.source(m[1] as string);
  } catch {
    // A file that cannot be read answers like a missing one; the import check reports why.
    return { kind: 'not_found' };
  }
  if (!source) return { kind: 'not_found' };
  const ext = m[5] === 'mvt' ? 'pbf' : (m[5] as TileFormat);
  if (ext !== source.info.format) return { kind: 'not_found' };
  const tile = await source.tile(z, x, y);
  if (!tile) return { kind: 'empty' };
  return {
    kind: 'tile',
    data: tile.data,
    contentType: CONTENT_TYPES[source.info.format],
    gzipped: tile.gzipped,
  };
}
