/**
 * The SQL of MBTiles files: SQLite databases that are not ours (imported basemaps), opened
 * read-only. The basemap adapter decides what the rows mean; only this file speaks SQL to them.
 */
import Database from 'better-sqlite3';

export type ForeignDb = Database.Database;

export function openForeignReadOnly(path: string, nativeBinding?: string): ForeignDb {
  return new Database(path, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

/** SQLite's own quick check: 'ok', or the first problem it found. */
export function quickCheck(db: ForeignDb): string {
  return String(db.pragma('quick_check', { simple: true }));
}

/** Names of the tables and views in the file. */
export function schemaNames(db: ForeignDb): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view')").all() as Array<{
    name: string;
  }>;
  return new Set(rows.map((r) => r.name));
}

/** The metadata table as name → value; throws when its columns are missing. */
export function metadataRows(db: ForeignDb): Map<string, string> {
  const rows = db.prepare('SELECT name, value FROM metadata').all() as Array<{
    name: unknown;
    value: unknown;
  }>;
  return new Map(rows.map((r) => [String(r.name), String(r.value)]));
}

/** Lowest and highest zoom and the number of tiles; throws when the tiles table lacks its columns. */
export function zoomStats(db: ForeignDb): { lo: number | null; hi: number | null; n: number } {
  return db
    .prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi, count(*) AS n FROM tiles')
    .get() as {
    lo: number | null;
    hi: number | null;
    n: number;
  };
}

/** A reader of one tile by its TMS row. */
export function tileReader(db: ForeignDb): (z: number, x: number, tmsY: number) => Buffer | null {
  const get = db.prepare(
    'SELECT tile_data AS d FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
  );
  return (z, x, tmsY) => {
    const row = get.get(z, x, tmsY) as { d: unknown } | undefined;
    return row && Buffer.isBuffer(row.d) ? row.d : null;
  };
}
