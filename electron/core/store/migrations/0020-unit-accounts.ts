/**
 * Migration 20: unit accounts (issue 15). An account may belong to a unit of the street (a
 * department, a community office …): it then sees the orders and whistles its unit is on,
 * acknowledges its own summonses, and sees a citizen's name and phone only on orders it is the
 * 主办 of. NULL = a hall account (the duty officers), as before.
 */
import type { WritableDb } from '../types';

export function migration0020UnitAccounts(db: WritableDb): void {
  db.exec(`ALTER TABLE account ADD COLUMN unit_id TEXT`);
}
