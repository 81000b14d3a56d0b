/**
 * Migration 30 — one search index instead of two (docs/STORE.md, "search"; docs/IMPORT.md, tenth
 * pass). order_fts (trigram, for runs of 3+ characters) and order_fts_short (the set of 2-character
 * windows, for 1- and 2-character queries) become order_search: each order's 2-character windows
 * in order, with positions, so that a longer run is the phrase of its windows. The same queries
 * find the same orders, and every order's text is indexed once instead of twice: at 200 k demo
 * texts, 66 → 45 µs an order.
 */
import { searchGrams } from '../event-log/projection';
import type { WritableDb } from '../types';

/** Orders read per query while re-indexing (an open iterator would hold the connection). */
const CHUNK = 5_000;

export function migration0030OneSearchIndex(db: WritableDb): void {
  db.exec(`
    DROP TABLE order_fts;
    DROP TABLE order_fts_short;
    CREATE VIRTUAL TABLE order_search USING fts5(
      grams, tokenize = 'ascii', content = '', contentless_delete = 1, prefix = '1', detail = 'full'
    );
    INSERT INTO order_search(order_search, rank) VALUES ('automerge', 8);
  `);
  const read = db
    .prepare(
      `SELECT rowid, title, coalesce(json_extract(json, '$.description'), ''), address
       FROM work_order WHERE rowid > ? ORDER BY rowid LIMIT ?`,
    )
    .raw();
  const insert = db.prepare('INSERT INTO order_search(rowid, grams) VALUES (?, ?)');
  let after = -Infinity;
  for (;;) {
    const rows = read.all(after, CHUNK) as Array<[number, string, string, string]>;
    for (const [rowid, title, description, address] of rows)
      insert.run(rowid, searchGrams(title, description, address));
    const last = rows[rows.length - 1];
    if (!last || rows.length < CHUNK) break;
    after = last[0];
  }
}
