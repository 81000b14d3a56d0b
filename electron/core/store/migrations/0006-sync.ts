/**
 * Migration 6: sync with the upstream hub (issue 4). The quarantine table is shared by every
 * upstream source (hub, Open311); the sync feature adds its own tables here.
 */
import type { WritableDb } from '../types';

export function migration0006Sync(db: WritableDb): void {
  db.exec(`
    CREATE TABLE quarantine (
      id           INTEGER PRIMARY KEY,
      source       TEXT NOT NULL,
      received_at  INTEGER NOT NULL,
      reason       TEXT NOT NULL,
      excerpt      TEXT NOT NULL,
      ref          TEXT,
      dismissed_at INTEGER,
      dismissed_by TEXT
    );
    CREATE INDEX quarantine_open ON quarantine(received_at) WHERE dismissed_at IS NULL;
  `);
}
