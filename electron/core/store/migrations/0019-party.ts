/**
 * Migration 19 — the party network as a dispatch force (issue 15 item 3, docs/PARTY.md).
 * `party_member`: when each 双报到 member can serve (slots: 工作日白天 / 工作日晚间 / 周末); the
 * member's identity, skills and community stay in the reference data (`person`). The volunteer
 * loop itself lives in the orders' events; an expression index finds the orders given to a member
 * or a site (the projection's `volunteer.id`) without reading every order.
 */
import type { WritableDb } from '../types';

export function migration0019Party(db: WritableDb): void {
  db.exec(`
    CREATE TABLE party_member (
      person_id  TEXT PRIMARY KEY,
      slots      TEXT NOT NULL DEFAULT '[]',
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX work_order_volunteer ON work_order(json_extract(json, '$.volunteer.id'))
      WHERE json_extract(json, '$.volunteer.id') IS NOT NULL;
  `);
}
