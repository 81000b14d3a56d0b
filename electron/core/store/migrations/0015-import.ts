/**
 * Issue 14 (h14b): the 台账 import's runs. Imported orders themselves are ordinary events
 * (a `created` with `imported`), keyed by a stable id per row, so a repeat adds nothing.
 */
import type { WritableDb } from '../types';

export function migration0015Import(db: WritableDb): void {
  db.exec(`
    CREATE TABLE import_job (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      actor TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
      total INTEGER NOT NULL DEFAULT 0,
      added INTEGER NOT NULL DEFAULT 0,
      already INTEGER NOT NULL DEFAULT 0,
      refused INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `);
}
