/**
 * Migration 27 — an order's point as columns (issue 14, the duplicate lookup at 1 M orders).
 * `triage.duplicates` reads a community's orders of ±7 days and keeps those within 150 m: with
 * the point only inside the JSON, SQLite parsed ~1,300 JSON documents per lookup on a 1 M-order
 * store (16 ms against a 5 ms budget). The projection now writes `lng`/`lat` beside the JSON, and
 * an index on (community, received time, point) answers the lookup's filter without the rows.
 */
import type { WritableDb } from '../types';

export function migration0027OrderPoint(db: WritableDb): void {
  db.exec(`
    ALTER TABLE work_order ADD COLUMN lng REAL;
    ALTER TABLE work_order ADD COLUMN lat REAL;
    UPDATE work_order SET lng = json_extract(json, '$.lng'), lat = json_extract(json, '$.lat')
      WHERE json_extract(json, '$.lng') IS NOT NULL;
    -- Covers the lookup's filter: the far orders are skipped in the index, never read.
    CREATE INDEX work_order_community_point ON work_order(community_code, received_at, lng, lat);
  `);
}
