/**
 * Migration 8: the map's settings and basemap uploads, and an index (grid_code, status) over all
 * orders, so the per-grid counts of map.orders are a covering-index scan. (Open orders are read
 * through the existing partial index of open orders, work_order_overdue; a covering index with
 * the position as json_extract expressions was measured: SQLite still reads the rows, so it was
 * not worth its cost on the ingest path.)
 */
import type { WritableDb } from '../types';

export function migration0008Basemap(db: WritableDb): void {
  db.exec(`
    CREATE TABLE map_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    -- A basemap upload in progress: chunks go to <dataDir>/basemaps/.uploads/<id>.part.
    CREATE TABLE map_upload (
      id        TEXT PRIMARY KEY,
      name      TEXT NOT NULL,
      file_name TEXT NOT NULL,
      size      INTEGER NOT NULL,
      received  INTEGER NOT NULL,
      created   INTEGER NOT NULL,
      actor     TEXT NOT NULL
    );
    CREATE INDEX work_order_grid_status ON work_order(grid_code, status);
  `);
}
