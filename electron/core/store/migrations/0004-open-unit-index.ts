/**
 * Current load per unit (dispatch recommendation) as a covering-index count: a partial index
 * of open orders by unit. Reads only open orders' index entries, never the table.
 */
import type { WritableDb } from '../types';

export function migration0004OpenUnitIndex(db: WritableDb): void {
  db.exec(
    'CREATE INDEX work_order_open_unit ON work_order(unit_id) WHERE is_open = 1 AND unit_id IS NOT NULL',
  );
}
