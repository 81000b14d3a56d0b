/** An MBTiles file (SQLite; tile_row counts from the south, TMS) opened read-only. */
import {
  metadataRows,
  openForeignReadOnly,
  schemaProblem,
  tileLookupIndexed,
  tileReader,
  zoomStats,
  type ForeignDb,
} from '../../store/mbtiles';
import { isGzip, vectorLayerIds, type BasemapInfo, type TileFormat, type TileSource } from './tile-source';

const FORMATS: Record<string, TileFormat> = {
  pbf: 'pbf',
  mvt: 'pbf',
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  webp: 'webp',
};

export interface MbtilesParsed {
  readonly info: BasemapInfo;
}

function numberOr(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v !== undefined && v.trim() !== '' && Number.isFinite(n) ? n : fallback;
}

function parseList(v: string | undefined, len: number): number[] | null {
  if (!v) return null;
  const parts = v.split(',').map((s) => Number(s.trim()));
  return parts.length >= len && parts.every(Number.isFinite) ? parts : null;
}

/** The largest tile accepted: a tile bigger than this is not a map tile. */
export const MAX_TILE_BYTES = 8 * 1024 * 1024;

/**
 * Checks the schema (before anything else: no SQL of the file may run), the tile index, the
 * metadata and the tiles; throws a Chinese sentence saying what is wrong.
 */
export function inspectMbtiles(db: ForeignDb): MbtilesParsed {
  const schema = schemaProblem(db);
  if (schema) throw new Error(schema);
  if (!tileLookupIndexed(db))
    throw new Error('tiles 表没有 (zoom_level, tile_column, tile_row) 索引：每读一块瓦片都要扫描全表');
  let meta: Map<string, string>;
  try {
    meta = metadataRows(db);
  } catch {
    throw new Error('metadata 表缺少 name / value 列');
  }
  const rawFormat = meta.get('format');
  if (!rawFormat) throw new Error('metadata 中缺少 format (应为 pbf 或 png)');
  const format = FORMATS[rawFormat.toLowerCase()];
  if (!format) throw new Error(`不支持的瓦片格式 "${rawFormat.slice(0, 20)}"，支持 pbf、png、jpg、webp`);
  let zooms: { lo: number | null; hi: number | null; n: number; maxBytes: number | null };
  try {
    zooms = zoomStats(db);
  } catch {
    throw new Error('tiles 表缺少 zoom_level / tile_column / tile_row / tile_data 列');
  }
  if (zooms.n === 0) throw new Error('tiles 表中没有任何瓦片');
  if ((zooms.maxBytes ?? 0) > MAX_TILE_BYTES)
    throw new Error(`有瓦片大于 ${MAX_TILE_BYTES / 1024 / 1024} MB (${zooms.maxBytes} 字节)，不是地图瓦片`);
  const minzoom = numberOr(meta.get('minzoom'), zooms.lo ?? 0);
  const maxzoom = numberOr(meta.get('maxzoom'), zooms.hi ?? 0);
  if (minzoom > maxzoom || maxzoom > 24 || minzoom < 0)
    throw new Error(`缩放级别范围无效: ${minzoom}–${maxzoom}`);
  const b = parseList(meta.get('bounds'), 4);
  if (b && (b[0]! < -180 || b[2]! > 180 || b[1]! < -90 || b[3]! > 90 || b[0]! > b[2]! || b[1]! > b[3]!))
    throw new Error(`bounds 超出经纬度范围: ${meta.get('bounds')?.slice(0, 60)}`);
  const c = parseList(meta.get('center'), 2);
  let layers: string[] = [];
  const json = meta.get('json');
  if (json) {
    try {
      layers = vectorLayerIds(JSON.parse(json) as unknown);
    } catch {
      throw new Error('metadata 中的 json 字段不是合法的 JSON');
    }
  }
  return {
    info: {
      kind: 'mbtiles',
      format,
      minzoom,
      maxzoom,
      bounds: b ? [b[0]!, b[1]!, b[2]!, b[3]!] : null,
      center: c ? [c[0]!, c[1]!] : null,
      vectorLayers: layers,
      title: meta.get('name') ?? null,
    },
  };
}

export function openMbtiles(path: string, nativeBinding?: string): TileSource {
  const db = openForeignReadOnly(path, nativeBinding);
  try {
    const { info } = inspectMbtiles(db);
    const get = tileReader(db);
    return {
      info,
      tile(z, x, y) {
        const n = 2 ** z;
        if (x < 0 || y < 0 || x >= n || y >= n) return Promise.resolve(null);
        const d = get(z, x, n - 1 - y);
        return Promise.resolve(d ? { data: d, gzipped: isGzip(d) } : null);
      },
      close() {
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
