/**
 * Migration 23: scheduled ledgers (issue 16 item 3). A schedule per job kind (the monthly ledger
 * on day D at hour H, China time) with the slot it last queued — a start after the app was off
 * queues the latest missed slot once — and the job's own slot, so the jobs list shows scheduled runs.
 */
import type { WritableDb } from '../types';

export function migration0023ScheduledLedgers(db: WritableDb): void {
  db.exec(`
    CREATE TABLE job_schedule (
      kind       TEXT PRIMARY KEY,
      enabled    INTEGER NOT NULL,
      day        INTEGER NOT NULL CHECK (day BETWEEN 1 AND 28),
      hour       INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
      last_slot  INTEGER,
      set_by     TEXT NOT NULL,
      set_role   TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE job ADD COLUMN scheduled_for INTEGER;
  `);
}
