/**
 * Migration 28 — the party indexes on columns, not on the JSON (review of migrations 19 and 26).
 * `work_order_volunteer` indexed `json_extract(json, '$.volunteer.id')` and `work_order_assist`
 * was partial on `json_extract(json, '$.assistMembers') IS NOT NULL`: SQLite evaluated both —
 * parsing the order's JSON four times — on every projection write, for the few orders they
 * cover. The projection now writes `volunteer_id` and `assists` beside the JSON (as migration 27
 * did for the point), and the same two indexes stand on them.
 */
import type { WritableDb } from '../types';

export function migration0028PartyColumns(db: WritableDb): void {
  db.exec(`
    DROP INDEX work_order_volunteer;
    DROP INDEX work_order_assist;
    ALTER TABLE work_order ADD COLUMN volunteer_id TEXT;
    ALTER TABLE work_order ADD COLUMN assists INTEGER;
    UPDATE work_order
       SET volunteer_id = json_extract(json, '$.volunteer.id'),
           assists = CASE WHEN json_extract(json, '$.assistMembers') IS NOT NULL THEN 1 END
     WHERE json_extract(json, '$.volunteer.id') IS NOT NULL
        OR json_extract(json, '$.assistMembers') IS NOT NULL;
    CREATE INDEX work_order_volunteer ON work_order(volunteer_id) WHERE volunteer_id IS NOT NULL;
    CREATE INDEX work_order_assist ON work_order(received_at) WHERE assists = 1;
  `);
}
