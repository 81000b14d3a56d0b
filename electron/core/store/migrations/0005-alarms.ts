/**
 * Migration 5: the wall (issue 3). Who acknowledged which urgent-order alarm and when, and an
 * index that counts today's events of one type (派遣 / 办结) without scanning the event log.
 */
import type { WritableDb } from '../types';

export function migration0005Alarms(db: WritableDb): void {
  db.exec(`
    -- One row per acknowledged P0/P1 order: the first acknowledgement wins (idempotent).
    CREATE TABLE alarm_ack (
      order_id TEXT PRIMARY KEY,
      at       INTEGER NOT NULL,
      actor    TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX alarm_ack_at ON alarm_ack(at);
    -- awareness.today: "dispatched today" is a range count on (type, at).
    CREATE INDEX order_event_type_at ON order_event(type, at);
  `);
}
