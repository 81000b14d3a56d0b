/**
 * Migration 29 — 历史分类: categories a hall creates for its imported 台账 (docs/IMPORT.md,
 * "history categories"). The catalogue is reference data the district platform sends whole and
 * replaces whole; these rows live beside it, survive its updates, and are merged into the
 * catalogue as it is read (store/reference.ts), flagged `historyOnly`: for statistics of the
 * imported history, never offered or accepted for a new order.
 */
import type { WritableDb } from '../types';

export function migration0029HistoryCategories(db: WritableDb): void {
  db.exec(`
    CREATE TABLE history_category (
      code        TEXT PRIMARY KEY,
      parent_code TEXT NOT NULL,
      json        TEXT NOT NULL,
      created_at  INTEGER NOT NULL,
      actor       TEXT NOT NULL
    );
  `);
}
