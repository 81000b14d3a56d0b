/**
 * Address matching and 部件 assets (issue 14, items 4–5; helper h14a):
 * - `road_range`: house-number ranges per road side (odd/even), for 门牌 interpolation;
 * - `landmark`: named landmarks the gazetteer lacks (bridges, aliases such as 富力城);
 * - `order_geocode`: what the matcher said about an order that came without a point — placed
 *   automatically (自动定位, with its confidence) or left for a person (待定位);
 * - `asset`: the street's 城市部件 (GB/T 30428), unique by asset code.
 */
import type { WritableDb } from '../types';

export function migration0024AddressAssets(db: WritableDb): void {
  db.exec(`
    CREATE TABLE road_range (
      road_id  TEXT NOT NULL,
      side     TEXT NOT NULL CHECK (side IN ('odd', 'even')),
      first_no INTEGER NOT NULL,
      last_no  INTEGER NOT NULL,
      PRIMARY KEY (road_id, side)
    ) WITHOUT ROWID;
    CREATE TABLE landmark (
      id      TEXT PRIMARY KEY,
      name    TEXT NOT NULL,
      kind    TEXT NOT NULL,
      lng     REAL NOT NULL,
      lat     REAL NOT NULL,
      aliases TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE order_geocode (
      order_id   TEXT PRIMARY KEY,
      status     TEXT NOT NULL CHECK (status IN ('auto', 'pending')),
      confidence REAL NOT NULL,
      match_json TEXT,
      at         INTEGER NOT NULL
    );
    CREATE TABLE asset (
      code           TEXT PRIMARY KEY,
      kind           TEXT NOT NULL,
      name           TEXT NOT NULL,
      lng            REAL NOT NULL,
      lat            REAL NOT NULL,
      community_code TEXT,
      grid_code      TEXT,
      road           TEXT,
      source         TEXT NOT NULL,
      updated_at     INTEGER NOT NULL
    );
    CREATE INDEX asset_lng ON asset(lng, lat);
  `);
}
