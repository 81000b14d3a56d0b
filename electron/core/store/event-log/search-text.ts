/**
 * The search index's upkeep for projection writes: order_search, one FTS5 table of each order's
 * 2-character windows in order (docs/STORE.md, "search"), by work_order rowid.
 */
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { stmt } from '../statements';
import type { WritableDb } from '../types';
import { searchGrams } from './projection';

/** Whether two versions of an order index the same text (no re-index needed). */
export function sameText(a: WorkOrder, b: WorkOrder): boolean {
  return a.title === b.title && a.description === b.description && a.address === b.address;
}

/** A change of one rowid's indexed text: the order whose text to index, or null to remove it. */
export type TextChange = readonly [rowid: number, order: WorkOrder | null];

/**
 * Writes a batch's changes in their order (a removal before a re-insert of the same rowid), after
 * all its projections: FTS5 inserts between work_order's make the two compete for the same
 * caches, and together they cost less (docs/STORE.md, "statement journals and the FTS indexes").
 */
export function writeTextChanges(db: WritableDb, changes: readonly TextChange[]): void {
  for (const [rowid, o] of changes) {
    if (o === null) _unindex(db, rowid);
    else _index(db, rowid, o);
  }
}

function _index(db: WritableDb, rowid: number, o: WorkOrder): void {
  stmt(db, 'INSERT INTO order_search(rowid, grams) VALUES (?, ?)').run(
    rowid,
    searchGrams(o.title, o.description, o.address),
  );
}

function _unindex(db: WritableDb, rowid: number): void {
  stmt(db, 'DELETE FROM order_search WHERE rowid = ?').run(rowid);
}

/**
 * Writes the FTS5 index's pending terms out now, as a segment each, instead of at COMMIT: FTS5
 * does so at every SAVEPOINT. A bulk writer calls it between the steps of a long transaction, so
 * the COMMIT that a call arriving mid-transaction waits for stays short (docs/IMPORT.md, seventh
 * pass: left to the COMMIT, the import's commit p95 was 27 ms; written out, 10 ms).
 */
export function flushSearchText(db: WritableDb): void {
  db.exec('SAVEPOINT flush_search_text; RELEASE flush_search_text');
}
