/**
 * Triage (issue 14, item 3): 重复件 — a report linked as a repeat of an earlier one (open or
 * closed) without merging it. One row per link; the earlier order's side is read by `of_order_id`.
 */
import type { WritableDb } from '../types';

export function migration0025TriageRepeats(db: WritableDb): void {
  db.exec(`
    CREATE TABLE order_repeat (
      order_id    TEXT NOT NULL,
      of_order_id TEXT NOT NULL,
      linked_at   INTEGER NOT NULL,
      linked_by   TEXT NOT NULL,
      PRIMARY KEY (order_id, of_order_id)
    ) WITHOUT ROWID;
    CREATE INDEX order_repeat_of ON order_repeat(of_order_id, order_id);
    CREATE INDEX order_repeat_at ON order_repeat(linked_at);
  `);
}
