/**
 * Migration 16: 吹哨报到 (issue 15). A whistle (standalone or from an order), one row per
 * summoned unit with its own delivery state and push attempts, the command timeline, and the
 * 会商纪要 decisions tracked as tasks. The order's own 吹哨/报到 events stay in the event log;
 * these tables hold what the order model does not (delivery, acknowledgements, positions).
 * Also the duty roster (值班表) and the handover reports (交接班).
 */
import type { WritableDb } from '../types';

export function migration0016Whistle(db: WritableDb): void {
  db.exec(`
    CREATE TABLE whistle (
      id               TEXT PRIMARY KEY,
      kind             TEXT NOT NULL,
      order_id         TEXT,
      title            TEXT NOT NULL,
      reason           TEXT NOT NULL,
      address          TEXT NOT NULL,
      lng              REAL NOT NULL,
      lat              REAL NOT NULL,
      radius_m         INTEGER NOT NULL,
      deadline_minutes INTEGER NOT NULL,
      created_at       INTEGER NOT NULL,
      created_by       TEXT NOT NULL,
      closed_at        INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX whistle_order ON whistle(order_id) WHERE order_id IS NOT NULL;
    CREATE INDEX whistle_created ON whistle(created_at);
    CREATE TABLE whistle_recipient (
      whistle_id      TEXT NOT NULL REFERENCES whistle(id),
      unit_id         TEXT NOT NULL,
      state           TEXT NOT NULL,
      summoned_at     INTEGER NOT NULL,
      deadline        INTEGER NOT NULL,
      attempts        INTEGER NOT NULL DEFAULT 0,
      last_attempt_at INTEGER,
      next_attempt_at INTEGER,
      delivered_at    INTEGER,
      read_at         INTEGER,
      ack_person      TEXT,
      ack_via         TEXT,
      ack_recorded_by TEXT,
      reported_at     INTEGER,
      report_person   TEXT,
      report_lng      REAL,
      report_lat      REAL,
      report_distance_m INTEGER,
      report_reason   TEXT,
      timed_out_at    INTEGER,
      alarm_ack_at    INTEGER,
      alarm_ack_by    TEXT,
      PRIMARY KEY (whistle_id, unit_id)
    ) WITHOUT ROWID;
    -- The delivery loop's two scans: pushes due, and deadlines passed without a 报到.
    CREATE INDEX whistle_recipient_push ON whistle_recipient(next_attempt_at)
      WHERE next_attempt_at IS NOT NULL;
    CREATE INDEX whistle_recipient_due ON whistle_recipient(deadline)
      WHERE reported_at IS NULL AND timed_out_at IS NULL;
    CREATE TABLE whistle_timeline (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      whistle_id TEXT NOT NULL,
      at         INTEGER NOT NULL,
      actor      TEXT NOT NULL,
      kind       TEXT NOT NULL,
      unit_id    TEXT,
      text       TEXT NOT NULL
    );
    CREATE INDEX whistle_timeline_of ON whistle_timeline(whistle_id, seq);
    CREATE TABLE whistle_task (
      id             TEXT PRIMARY KEY,
      whistle_id     TEXT NOT NULL REFERENCES whistle(id),
      decision       TEXT NOT NULL,
      owner_unit_id  TEXT NOT NULL,
      deadline       INTEGER NOT NULL,
      created_at     INTEGER NOT NULL,
      created_by     TEXT NOT NULL,
      done_at        INTEGER,
      done_by        TEXT
    ) WITHOUT ROWID;
    CREATE INDEX whistle_task_of ON whistle_task(whistle_id);
    -- 值班表: weekly shifts (weekdays as a JSON list of ISO weekdays, minutes after midnight).
    CREATE TABLE duty_shift (
      id         TEXT PRIMARY KEY,
      person     TEXT NOT NULL,
      role       TEXT NOT NULL,
      weekdays   TEXT NOT NULL,
      start_min  INTEGER NOT NULL,
      end_min    INTEGER NOT NULL,
      unit_id    TEXT,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) WITHOUT ROWID;
    -- 交接班: the report as generated (JSON) and the next shift's acknowledgement; both kept.
    CREATE TABLE duty_handover (
      id         TEXT PRIMARY KEY,
      shift_id   TEXT NOT NULL,
      report     TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      ack_at     INTEGER,
      ack_by     TEXT
    ) WITHOUT ROWID;
  `);
}
