/**
 * Issue 16 (helper h16b): background jobs (exports) and the evaluation settings.
 * - `job`: one row per background job (an export): its kind, the caller who started it, progress,
 *   and the file it wrote under `<dataDir>/exports/`. Progress is written by the writer only.
 * - `evaluation_setting`: the composite score's weights and the targets (admin-edited), as JSON.
 */
import type { WritableDb } from '../types';

export function migration0018Evaluation(db: WritableDb): void {
  db.exec(`
    CREATE TABLE job (
      id          TEXT PRIMARY KEY,
      kind        TEXT NOT NULL,
      title       TEXT NOT NULL,
      params      TEXT NOT NULL,
      caller      TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','cancelled')),
      done        INTEGER NOT NULL DEFAULT 0,
      total       INTEGER,
      file_name   TEXT,
      bytes       INTEGER,
      rows        INTEGER,
      error       TEXT,
      created_at  INTEGER NOT NULL,
      started_at  INTEGER,
      finished_at INTEGER
    );
    CREATE INDEX job_created ON job (created_at DESC);
    CREATE TABLE evaluation_setting (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `);
}
