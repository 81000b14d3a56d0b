/**
 * The SQL of MBTiles files: SQLite databases that are not ours (imported basemaps), opened
 * read-only and distrusted. The basemap adapter decides what the rows mean; only this file speaks
 * SQL to them.
 *
 * A hostile file can carry SQL of its own: a `tiles` VIEW over an endless `WITH RECURSIVE`, a
 * trigger, a generated column that allocates a gigabyte per row. Nothing of that may ever run:
 * `schemaProblem` reads only sqlite_master and the column lists (no row of the file is touched)
 * and accepts exactly the two tables an MBTiles needs, plain columns, plain indexes, and the
 * statistics tables SQLite writes itself — before any other query is made.
 */
import Database from 'better-sqlite3';

export type ForeignDb = Database.Database;

export function openForeignReadOnly(path: string, nativeBinding?: string): ForeignDb {
  const db = new Database(path, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    // Functions in the file's schema (views, triggers, defaults) may not call anything risky, and
    // a damaged page is found instead of read.
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    db.pragma('query_only = ON');
    db.pragma('mmap_size = 0');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** SQLite's own quick check: 'ok', or the first problem it found. */
export function quickCheck(db: ForeignDb): string {
  return String(db.pragma('quick_check', { simple: true }));
}

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  metadata: ['name', 'value'],
  tiles: ['zoom_level', 'tile_column', 'tile_row', 'tile_data'],
};
/** Tables SQLite itself may have written into a file (ANALYZE, AUTOINCREMENT). */
const SQLITE_OWN = new Set(['sqlite_stat1', 'sqlite_stat4', 'sqlite_sequence']);
/** `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON tiles|metadata (plain column list)`. */
const PLAIN_INDEX =
  /^CREATE\s+(UNIQUE\s+)?INDEX\s+(IF\s+NOT\s+EXISTS\s+)?["`[]?[\w-]+["`\]]?\s+ON\s+["`[]?(tiles|metadata)["`\]]?\s*\(\s*["`[]?\w+["`\]]?(\s+(ASC|DESC))?(\s*,\s*["`[]?\w+["`\]]?(\s+(ASC|DESC))?)*\s*\)\s*$/i;

/**
 * What is wrong with the file's schema, as a Chinese sentence, or null when it is exactly an
 * MBTiles: the tables `metadata` and `tiles` with their plain columns, plain indexes on them,
 * nothing else — no views, no triggers, no virtual tables, no generated columns.
 */
export function schemaProblem(db: ForeignDb): string | null {
  const rows = db.prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master').all() as Array<{
    type: string;
    name: string;
    tbl: string;
    sql: string | null;
  }>;
  if (rows.length > 64) return `数据库对象过多 (${rows.length} 个)，不是 MBTiles 文件`;
  for (const r of rows) {
    const name = String(r.name).slice(0, 40);
    if (r.type === 'view') return `文件中含有视图 ${name}：MBTiles 只能包含 metadata 和 tiles 两张表`;
    if (r.type === 'trigger') return `文件中含有触发器 ${name}：不接受带触发器的文件`;
    if (r.type === 'table') {
      if (SQLITE_OWN.has(r.name)) continue;
      if (!(r.name in REQUIRED))
        return `文件中含有多余的表 ${name}：MBTiles 只能包含 metadata 和 tiles 两张表`;
      if (r.sql && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(r.sql)) return `${name} 是虚拟表，不接受`;
      continue;
    }
    if (r.type === 'index') {
      if (!(r.tbl in REQUIRED)) return `文件中含有其他表的索引 ${name}`;
      // Automatic indexes (PRIMARY KEY, UNIQUE) have no SQL; others must be plain column lists.
      if (r.sql !== null && !PLAIN_INDEX.test(r.sql.trim())) return `索引 ${name} 含有表达式或条件，不接受`;
      continue;
    }
    return `文件中含有无法识别的对象 ${name} (${String(r.type).slice(0, 20)})`;
  }
  for (const [table, cols] of Object.entries(REQUIRED)) {
    if (!rows.some((r) => r.type === 'table' && r.name === table))
      return `缺少 ${table} 表，不是 MBTiles 文件`;
    const info = db.pragma(`table_xinfo(${table})`) as Array<{ name: string; hidden: number }>;
    if (info.some((c) => c.hidden !== 0)) return `${table} 表含有计算列或隐藏列，不接受`;
    const names = new Set(info.map((c) => c.name));
    const missing = cols.filter((c) => !names.has(c));
    if (missing.length) return `${table} 表缺少 ${missing.join(' / ')} 列`;
  }
  return null;
}

const TILE_SQL = 'SELECT tile_data AS d FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?';

/** True when SQLite answers a tile lookup through an index, not by scanning every tile. */
export function tileLookupIndexed(db: ForeignDb): boolean {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${TILE_SQL}`).all(0, 0, 0) as Array<{ detail: string }>;
  return plan.some(
    (p) => /^SEARCH\b/i.test(p.detail) && /USING (COVERING )?INDEX|PRIMARY KEY/i.test(p.detail),
  );
}

/** The metadata table as name → value (its first 1,000 rows). */
export function metadataRows(db: ForeignDb): Map<string, string> {
  const rows = db.prepare('SELECT name, value FROM metadata LIMIT 1000').all() as Array<{
    name: unknown;
    value: unknown;
  }>;
  return new Map(rows.map((r) => [String(r.name).slice(0, 100), String(r.value).slice(0, 100_000)]));
}

/** Lowest and highest zoom, the number of tiles and the largest tile's bytes. */
export function zoomStats(db: ForeignDb): {
  lo: number | null;
  hi: number | null;
  n: number;
  maxBytes: number | null;
} {
  return db
    .prepare(
      'SELECT min(zoom_level) AS lo, max(zoom_level) AS hi, count(*) AS n, max(length(tile_data)) AS maxBytes FROM tiles',
    )
    .get() as { lo: number | null; hi: number | null; n: number; maxBytes: number | null };
}

/** A reader of one tile by its TMS row. */
export function tileReader(db: ForeignDb): (z: number, x: number, tmsY: number) => Buffer | null {
  const get = db.prepare(TILE_SQL);
  return (z, x, tmsY) => {
    const row = get.get(z, x, tmsY) as { d: unknown } | undefined;
    return row && Buffer.isBuffer(row.d) ? row.d : null;
  };
}
