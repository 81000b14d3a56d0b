/**
 * The dispatch desk (issue 13): work-queue columns of the projection, soft edit locks, reply
 * templates and the hall's own attachments (photos).
 * - `finish_deadline` is now kept only while the finish timer runs (not yet 办结): "open and past
 *   the deadline" is then 超期 exactly, one definition for every screen (shared/features/orders/queues.ts).
 * - `closed_at` + `callback_due` index the 待回访 queue (closed, no call-back yet, consent given).
 */
import type { WritableDb } from '../types';

export function migration0011DispatchDesk(db: WritableDb): void {
  db.exec(`
    ALTER TABLE work_order ADD COLUMN closed_at INTEGER;
    ALTER TABLE work_order ADD COLUMN callback_due INTEGER NOT NULL DEFAULT 0;
    UPDATE work_order SET finish_deadline = NULL
      WHERE status NOT IN ('received', 'dispatched', 'in_progress', 'return_requested');
    UPDATE work_order SET closed_at = json_extract(json, '$.closedAt') WHERE status = 'closed';
    UPDATE work_order SET callback_due = 1
      WHERE status = 'closed' AND json_extract(json, '$.callback') IS NULL
        AND coalesce(json_extract(json, '$.anonymous'), 0) = 0
        AND coalesce(json_extract(json, '$.callbackConsent'), 1) = 1;
    CREATE INDEX work_order_callback_due ON work_order(closed_at) WHERE callback_due = 1;

    CREATE TABLE order_lock (
      order_id    TEXT PRIMARY KEY,
      holder      TEXT NOT NULL,
      holder_name TEXT NOT NULL,
      purpose     TEXT NOT NULL DEFAULT '',
      since       INTEGER NOT NULL,
      expires_at  INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE reply_template (
      id            TEXT PRIMARY KEY,
      category_code TEXT,
      title         TEXT NOT NULL,
      body          TEXT NOT NULL,
      updated_at    INTEGER NOT NULL,
      updated_by    TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX reply_template_category ON reply_template(category_code);

    CREATE TABLE attachment (
      sha256     TEXT PRIMARY KEY,
      mime       TEXT NOT NULL,
      bytes      INTEGER NOT NULL,
      file_name  TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
