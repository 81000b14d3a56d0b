/** The first schema: event log, projection, outbox, HLC/meta, reference, audit, rollups, search. */
import type { WritableDb } from '../types';

export function migration0001Initial(db: WritableDb): void {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

    -- The truth: append-only. seq is local arrival order; id is globally unique.
    CREATE TABLE order_event (
      seq      INTEGER PRIMARY KEY,
      id       TEXT NOT NULL UNIQUE,
      order_id TEXT NOT NULL,
      type     TEXT NOT NULL,
      payload  TEXT NOT NULL,
      actor    TEXT NOT NULL,
      node     TEXT NOT NULL,
      hlc      TEXT NOT NULL,
      at       INTEGER NOT NULL,
      -- 'rejected' when the reducer refused it: kept for a person, never dropped.
      flag     TEXT
    );
    CREATE INDEX order_event_by_order ON order_event(order_id, hlc, id);
    CREATE INDEX order_event_flagged ON order_event(flag) WHERE flag IS NOT NULL;

    -- The projection. rowid = receivedAt * 1024 + k, so rowid order is received order:
    -- newest-first lists, keyset cursors and FTS hits all walk the same integer key.
    CREATE TABLE work_order (
      rowid           INTEGER PRIMARY KEY,
      id              TEXT NOT NULL UNIQUE,
      version         INTEGER NOT NULL,
      last_hlc        TEXT NOT NULL,
      status          TEXT NOT NULL,
      is_open         INTEGER NOT NULL,
      urgency         TEXT NOT NULL,
      source          TEXT NOT NULL,
      category_code   TEXT NOT NULL,
      community_code  TEXT,
      grid_code       TEXT,
      unit_id         TEXT,
      title           TEXT NOT NULL,
      address         TEXT NOT NULL,
      received_at     INTEGER NOT NULL,
      finish_deadline INTEGER,
      json            TEXT NOT NULL
    );
    CREATE INDEX work_order_status ON work_order(status);
    CREATE INDEX work_order_urgency ON work_order(urgency);
    CREATE INDEX work_order_category ON work_order(category_code);
    CREATE INDEX work_order_community ON work_order(community_code);
    CREATE INDEX work_order_grid ON work_order(grid_code);
    -- Only open orders can be overdue; the partial index stays small.
    CREATE INDEX work_order_overdue ON work_order(finish_deadline) WHERE is_open = 1;

    CREATE TABLE outbox (
      event_id TEXT PRIMARY KEY,
      created  INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) WITHOUT ROWID;

    CREATE TABLE audit_log (
      seq      INTEGER PRIMARY KEY,
      at       INTEGER NOT NULL,
      actor    TEXT NOT NULL,
      action   TEXT NOT NULL,
      order_id TEXT,
      event_id TEXT,
      detail   TEXT
    );
    CREATE INDEX audit_log_order ON audit_log(order_id) WHERE order_id IS NOT NULL;

    -- Counters per month (China time) kept in the same transaction as the events.
    CREATE TABLE rollup (
      month  TEXT NOT NULL,
      metric TEXT NOT NULL,
      n      INTEGER NOT NULL,
      PRIMARY KEY (month, metric)
    ) WITHOUT ROWID;

    -- Search: trigram for queries of 3+ characters, and a second index over
    -- 2-character tokens (plus the last character of each run) for 1- and 2-character
    -- queries, which trigram MATCH silently answers with 0 rows.
    CREATE VIRTUAL TABLE order_fts USING fts5(
      title, description, address,
      tokenize = 'trigram', content = '', contentless_delete = 1, detail = 'full'
    );
    CREATE VIRTUAL TABLE order_fts_short USING fts5(
      grams, tokenize = 'ascii', content = '', contentless_delete = 1, prefix = '1', detail = 'none'
    );
    -- Each ingest commit writes one small segment per index; merging 8 of a level at a time
    -- (default 4) does a third less merge work on the ingest path, and queries still meet
    -- only a few dozen segments (measured: no change in query time at 200k orders).
    INSERT INTO order_fts(order_fts, rank) VALUES ('automerge', 8);
    INSERT INTO order_fts_short(order_fts_short, rank) VALUES ('automerge', 8);

    -- Reference data: key columns for joins and lookups, json for the full record.
    CREATE TABLE street (code TEXT PRIMARY KEY, json TEXT NOT NULL);
    CREATE TABLE community (
      code TEXT PRIMARY KEY,
      street_code TEXT NOT NULL REFERENCES street(code) DEFERRABLE INITIALLY DEFERRED,
      json TEXT NOT NULL
    );
    CREATE TABLE grid (
      code TEXT PRIMARY KEY,
      community_code TEXT NOT NULL REFERENCES community(code) DEFERRABLE INITIALLY DEFERRED,
      json TEXT NOT NULL
    );
    CREATE TABLE building (
      code TEXT PRIMARY KEY,
      grid_code TEXT NOT NULL REFERENCES grid(code) DEFERRABLE INITIALLY DEFERRED,
      json TEXT NOT NULL
    );
    CREATE INDEX building_grid ON building(grid_code);
    CREATE TABLE road (id TEXT PRIMARY KEY, json TEXT NOT NULL);
    CREATE TABLE unit (id TEXT PRIMARY KEY, kind TEXT NOT NULL, json TEXT NOT NULL);
    CREATE TABLE person (id TEXT PRIMARY KEY, unit_id TEXT, grid_code TEXT, json TEXT NOT NULL);
    CREATE TABLE party_org (id TEXT PRIMARY KEY, parent_id TEXT, json TEXT NOT NULL);
    CREATE TABLE site (id TEXT PRIMARY KEY, community_code TEXT, json TEXT NOT NULL);
    CREATE TABLE category (code TEXT PRIMARY KEY, parent_code TEXT, json TEXT NOT NULL);
    CREATE TABLE responsibility (
      id TEXT PRIMARY KEY, category_code TEXT NOT NULL, community_code TEXT, unit_id TEXT NOT NULL,
      json TEXT NOT NULL
    );
    CREATE TABLE sla_policy (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, json TEXT NOT NULL);
  `);
}
