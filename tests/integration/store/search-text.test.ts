/**
 * flushSearchText (store/event-log/search-text.ts) relies on FTS5 writing its pending terms out at
 * a SAVEPOINT. The import calls it between the steps of a long transaction so that its COMMIT stays
 * short; if a newer SQLite stopped doing so, the commit a dispatcher waits for would grow again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendInTransaction } from '../../../electron/core/store/event-log/events';
import { flushSearchText } from '../../../electron/core/store/event-log/search-text';
import type { WritableDb } from '../../../electron/core/store/types';
import { T0, closedHistory, openTinyStore } from './fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Rows of the FTS5 index's segment table: what has been written out so far. */
function written(db: WritableDb): number {
  return db.prepare('SELECT count(*) FROM order_search_data').pluck().get() as number;
}

function match(db: WritableDb, q: string): number {
  return db.prepare('SELECT count(*) FROM order_search WHERE order_search MATCH ?').pluck().get(q) as number;
}

describe('flushSearchText', () => {
  it('writes the pending search terms out inside the transaction, not only at COMMIT', () => {
    const db = openTinyStore(cleanups);
    const begin = written(db);
    const mid: number[] = [];
    db.transaction(() => {
      appendInTransaction(db, closedHistory('o1', T0, { title: '楼道堆物占用消防通道' }), {
        source: 'local',
      });
      mid.push(written(db));
      flushSearchText(db);
      mid.push(written(db));
    })();
    // Nothing written while the terms are pending; written at the flush; none left for COMMIT.
    expect(mid[0]).toBe(begin);
    expect(mid[1]).toBeGreaterThan(begin);
    expect(written(db)).toBe(mid[1]);
    expect(match(db, '"消防 防通 通道"')).toBe(1);
  });
});
