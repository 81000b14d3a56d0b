/**
 * The basemap routes both hosts answer (HTTP host and Electron's app:// protocol):
 *   GET /basemap/<name>/<z>/<x>/<y>.<pbf|png|jpg|webp>  one tile (204 when the file has none)
 *   GET /basemap/<name>.pmtiles                          the raw file (byte ranges by the host)
 * Names are checked against BASEMAP_NAME and looked up in the catalogue: no path is ever built
 * from the URL, so there is nothing to traverse.
 */
import type { BasemapCatalog } from './catalog';
import { CONTENT_TYPES, type TileFormat } from './tile-source';

const BASEMAP_PREFIX = '/basemap/';

export type BasemapAnswer =
  | { readonly kind: 'tile'; readonly data: Buffer; readonly contentType: string; readonly gzipped: boolean }
  | { readonly kind: 'file'; readonly path: string; readonly size: number }
  | { readonly kind: 'empty' }
  /** The read failed or missed its deadline: try again later (503). */
  | { readonly kind: 'busy' }
  | { readonly kind: 'not_found' };

const TILE_PATH =
  /^\/basemap\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})\.(pbf|mvt|png|jpg|webp)$/;
const FILE_PATH = /^\/basemap\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.pmtiles$/;

export function isBasemapPath(pathname: string): boolean {
  return pathname.startsWith(BASEMAP_PREFIX);
}

/**
 * The answer to one `/basemap/...` path. Files are served only once they passed their check; the
 * tile is read in the basemap worker (`unzip`: inflated there, for Electron's app://). A file that
 * fails, times out or cannot be read answers like a missing one; a slow read answers `busy`.
 */
export async function answerBasemap(
  catalog: BasemapCatalog,
  pathname: string,
  opts: { readonly unzip?: boolean } = {},
): Promise<BasemapAnswer> {
  const file = FILE_PATH.exec(pathname);
  if (file) {
    const s = await catalog.served(file[1] as string);
    return s && s.file.kind === 'pmtiles'
      ? { kind: 'file', path: s.file.path, size: s.file.size }
      : { kind: 'not_found' };
  }
  const m = TILE_PATH.exec(pathname);
  if (!m) return { kind: 'not_found' };
  const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (z > 24) return { kind: 'not_found' };
  let served;
  try {
    served = await catalog.served(m[1] as string);
  } catch {
    return { kind: 'not_found' };
  }
  if (!served) return { kind: 'not_found' };
  const ext = m[5] === 'mvt' ? 'pbf' : (m[5] as TileFormat);
  if (ext !== served.info.format) return { kind: 'not_found' };
  let tile;
  try {
    tile = await catalog.tile(served, z, x, y, opts.unzip === true);
  } catch {
    return { kind: 'busy' };
  }
  if (!tile) return { kind: 'empty' };
  return {
    kind: 'tile',
    data: tile.data,
    contentType: CONTENT_TYPES[served.info.format],
    gzipped: tile.gzipped,
  };
}
