/**
 * Migration 26 — member accounts and 协办党员 (issue 15, docs/PARTY.md). An account may be linked
 * to a 双报到 party member (`account.member_id`, NULL = not a member's account): it then sees and
 * works only its own volunteer tasks and the orders it assists on. A partial index finds the
 * orders with 协办党员 (the projection's `assistMembers`, null when none) without reading every
 * order.
 */
import type { WritableDb } from '../types';

export function migration0026MemberAccounts(db: WritableDb): void {
  db.exec(`
    ALTER TABLE account ADD COLUMN member_id TEXT;
    CREATE INDEX work_order_assist ON work_order(received_at)
      WHERE json_extract(json, '$.assistMembers') IS NOT NULL;
  `);
}
