/**
 * Migration 6: sync with the upstream hub (issue 4). The quarantine table is shared by every
 * upstream source (hub, Open311); the sync feature adds its own tables here. The hub (server
 * role) opens the same schema, so its tables live here too and stay empty in a hall.
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

    -- Hall: settings and progress of the link (cursor, hub URL, tokens, last success).
    CREATE TABLE sync_kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

    -- Hall: the 冲突 list. Refused or concurrent events, kept for a person to resolve.
    CREATE TABLE sync_conflict (
      id          INTEGER PRIMARY KEY,
      order_id    TEXT NOT NULL,
      event_id    TEXT NOT NULL,
      event_type  TEXT NOT NULL,
      kind        TEXT NOT NULL,
      reason      TEXT NOT NULL,
      node        TEXT NOT NULL,
      actor       TEXT NOT NULL,
      at          INTEGER NOT NULL,
      detected_at INTEGER NOT NULL,
      resolved_at INTEGER,
      resolved_by TEXT,
      resolution  TEXT,
      note        TEXT,
      UNIQUE (event_id, kind)
    );
    CREATE INDEX sync_conflict_open ON sync_conflict(detected_at) WHERE resolved_at IS NULL;

    -- Hub: registered halls; only the sha256 of each bearer token is kept.
    CREATE TABLE hub_node (
      node          TEXT PRIMARY KEY,
      token_hash    TEXT NOT NULL,
      registered_at INTEGER NOT NULL,
      last_seen     INTEGER
    ) WITHOUT ROWID;

    -- Hub: the feed. seq is the monotonic sequence halls pull after; body is the item's JSON.
    CREATE TABLE hub_feed (
      seq             INTEGER PRIMARY KEY,
      kind            TEXT NOT NULL,
      event_id        TEXT UNIQUE,
      order_id        TEXT,
      origin          TEXT NOT NULL,
      body            TEXT NOT NULL,
      concurrent_with TEXT
    );
    CREATE INDEX hub_feed_order ON hub_feed(order_id, seq) WHERE order_id IS NOT NULL;

    -- Hub: pushed events it would not store (invalid, or content the hall does not own), kept.
    CREATE TABLE hub_refused (
      id          INTEGER PRIMARY KEY,
      node        TEXT NOT NULL,
      event_id    TEXT,
      reason      TEXT NOT NULL,
      excerpt     TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      UNIQUE (node, event_id)
    );

    -- Hub: attachments by sha256, uploaded resumably (bytes live in files beside the database).
    CREATE TABLE hub_attachment (
      sha256     TEXT PRIMARY KEY,
      size       INTEGER NOT NULL,
      complete   INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- The push reads the outbox oldest first, 2,000 at a time: without this index every batch
    -- sorted the whole outbox (5,000 actions after an outage: a sort per batch).
    CREATE INDEX outbox_order ON outbox(created, event_id);
  `);
}
