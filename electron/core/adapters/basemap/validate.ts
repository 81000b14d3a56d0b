/**
 * Checks a basemap file before it is offered to the map: PMTiles v3 or MBTiles (pbf/png/jpg/webp),
 * with a readable structure and at least one tile. The report says in Chinese what is wrong.
 *
 * These checks run in the file's own thread (isolated.ts runs them in a worker with a time
 * limit): a hostile file must never hold the thread that answers calls.
 */
import { open } from 'node:fs/promises';
import { openForeignReadOnly, quickCheck, schemaProblem, type ForeignDb } from '../../store/mbtiles';
import { inspectMbtiles } from './mbtiles-source';
import { parsePmtiles } from './pmtiles-source';
import { PMTILES_MAGIC, TILE_TYPE } from './pmtiles';
import type { BasemapInfo, TileFormat } from './tile-source';
import { vectorLayerIds } from './tile-source';

const SQLITE_MAGIC = 'SQLite format 3\0';

export type BasemapCheck =
  | { readonly ok: true; readonly info: BasemapInfo }
  | { readonly ok: false; readonly errors: readonly string[] };

export function sniffKind(head: Buffer): 'pmtiles' | 'mbtiles' | null {
  if (head.toString('latin1', 0, 7) === PMTILES_MAGIC) return 'pmtiles';
  if (head.toString('latin1', 0, 16) === SQLITE_MAGIC) return 'mbtiles';
  return null;
}

const PM_FORMATS: Partial<Record<number, TileFormat>> = {
  [TILE_TYPE.mvt]: 'pbf',
  [TILE_TYPE.png]: 'png',
  [TILE_TYPE.jpeg]: 'jpg',
  [TILE_TYPE.webp]: 'webp',
};

async function checkPmtiles(path: string): Promise<BasemapCheck> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const { header, metadata } = await parsePmtiles(fh, size, { deep: true });
    const meta = (metadata ?? {}) as { name?: unknown };
    return {
      ok: true,
      info: {
        kind: 'pmtiles',
        format: PM_FORMATS[header.tileType] ?? 'pbf',
        minzoom: header.minZoom,
        maxzoom: header.maxZoom,
        bounds: header.bounds,
        center: header.center,
        vectorLayers: vectorLayerIds(metadata),
        title: typeof meta.name === 'string' ? meta.name : null,
      },
    };
  } finally {
    await fh.close();
  }
}

function checkMbtiles(path: string, nativeBinding?: string): BasemapCheck {
  let db: ForeignDb;
  try {
    db = openForeignReadOnly(path, nativeBinding);
  } catch {
    return { ok: false, errors: ['无法以 SQLite 数据库打开，文件可能已损坏'] };
  }
  try {
    // The schema first, from sqlite_master alone: a view or trigger is refused before any query.
    const schema = schemaProblem(db);
    if (schema) return { ok: false, errors: [schema] };
    const integrity = quickCheck(db);
    if (integrity !== 'ok')
      return { ok: false, errors: [`SQLite 完整性检查未通过: ${String(integrity).slice(0, 120)}`] };
    return { ok: true, info: inspectMbtiles(db).info };
  } finally {
    db.close();
  }
}

/** Validates one file on disk; never throws for a bad file (only for a missing one). */
export async function checkBasemapFile(path: string, nativeBinding?: string): Promise<BasemapCheck> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(16);
  let size: number;
  try {
    size = (await fh.stat()).size;
    await fh.read(head, 0, 16, 0);
  } finally {
    await fh.close();
  }
  if (size === 0) return { ok: false, errors: ['文件为空'] };
  const kind = sniffKind(head);
  if (!kind)
    return { ok: false, errors: ['文件既不是 PMTiles (开头应为 "PMTiles") 也不是 MBTiles (SQLite 数据库)'] };
  try {
    return kind === 'pmtiles' ? await checkPmtiles(path) : checkMbtiles(path, nativeBinding);
  } catch (err) {
    const label = kind === 'pmtiles' ? 'PMTiles' : 'MBTiles';
    return { ok: false, errors: [`${label}: ${err instanceof Error ? err.message : String(err)}`] };
  }
}
