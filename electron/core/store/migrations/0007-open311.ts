/**
 * Migration 7: the Open311 GeoReport v2 connector (issue 4). One settings row (the api key in
 * its own column so no view can leak it by accident), one state row (cursor, last pull, errors),
 * the link service_request_id → work order, the outbound delivery queue and a short log.
 */
import type { WritableDb } from '../types';

export function migration0007Open311(db: WritableDb): void {
  db.exec(`
    CREATE TABLE open311_config (
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      settings TEXT NOT NULL,
      api_key  TEXT
    );
    CREATE TABLE open311_state (
      id    INTEGER PRIMARY KEY CHECK (id = 1),
      state TEXT NOT NULL
    );
    -- One row per upstream request we turned into a work order.
    CREATE TABLE open311_request (
      service_request_id TEXT PRIMARY KEY,
      order_id           TEXT NOT NULL UNIQUE,
      status             TEXT,
      updated_at         INTEGER
    ) WITHOUT ROWID;
    -- Outbound status updates: one row per (order event, recipient); never shown as sent until
    -- the server said so.
    CREATE TABLE open311_delivery (
      event_id           TEXT NOT NULL,
      recipient          TEXT NOT NULL,
      service_request_id TEXT NOT NULL,
      status             TEXT NOT NULL,
      description        TEXT NOT NULL,
      updated_at         INTEGER NOT NULL,
      state              TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
      attempts           INTEGER NOT NULL DEFAULT 0,
      next_at            INTEGER NOT NULL,
      last_error         TEXT,
      sent_at            INTEGER,
      remote_update_id   TEXT,
      PRIMARY KEY (event_id, recipient)
    ) WITHOUT ROWID;
    CREATE INDEX open311_delivery_due ON open311_delivery(next_at) WHERE state != 'sent';
    CREATE TABLE open311_log (
      id      INTEGER PRIMARY KEY,
      at      INTEGER NOT NULL,
      level   TEXT NOT NULL,
      message TEXT NOT NULL
    );
  `);
}
