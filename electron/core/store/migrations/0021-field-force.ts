/**
 * Issue 15 item 4 (helper h15c): field force positions.
 * - `field_position`: the latest position per person (what the map draws), one row each.
 * - `field_position_history`: recent reports, keyed (person, time) so a repeated report is a
 *   no-op; bounded per person by the ingest (FIELD.md).
 * - `field_setting`: the fade / hide minutes (admin-edited), as key → integer.
 */
import type { WritableDb } from '../types';

export function migration0021FieldForce(db: WritableDb): void {
  db.exec(`
    CREATE TABLE field_position (
      person_id   TEXT PRIMARY KEY,
      lng         REAL NOT NULL,
      lat         REAL NOT NULL,
      accuracy_m  REAL NOT NULL,
      at          INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      source      TEXT NOT NULL CHECK (source IN ('api','upstream','demo'))
    );
    CREATE INDEX field_position_at ON field_position (at);
    CREATE TABLE field_position_history (
      person_id   TEXT NOT NULL,
      at          INTEGER NOT NULL,
      lng         REAL NOT NULL,
      lat         REAL NOT NULL,
      accuracy_m  REAL NOT NULL,
      source      TEXT NOT NULL,
      PRIMARY KEY (person_id, at)
    ) WITHOUT ROWID;
    CREATE TABLE field_setting (
      key   TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    );
  `);
}
