/**
 * The import's baseline, measured in the same run: the orders the import wrote, copied with plain
 * better-sqlite3 into a fresh store of the same schema. Prepared single-row INSERTs into
 * order_event, work_order (with all its indexes) and the search index, a table at a time, with the
 * WAL folded by a thread as the import has it, and nothing else on the connection. Rows are read
 * and their search grams built before the clock starts: only the inserts are timed.
 * - COPY_TXN rows a transaction: the ceiling of this schema on this machine.
 * - COPY_TXN_SHORT rows a transaction: about what the import writes in one while nobody else
 *   writes (100 ms), so that a dispatcher's action arriving mid-transaction waits for little.
 * Both leave out what the import does besides the inserts: reading and checking the file, its
 * ids, the events, the reducer, the rollups.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, openReader, setAutoCheckpoint } from '../../electron/core/store/db';
import { WalFolder } from '../../electron/core/store/wal-folder';
import { writeReference } from '../../electron/core/store/reference';
import { searchGrams } from '../../electron/core/store/event-log/projection';

/** Orders a transaction: the ceiling; and the size a dispatcher can wait for (a commit ~20 ms). */
export const COPY_TXN = 10_000;
export const COPY_TXN_SHORT = 1_000;
/** The import's bound on the WAL before it waits for the folder (history-writer.ts): 64 MB. */
const MAX_WAL_FRAMES = 16_384;

const EVENT_COLS = 'id, order_id, type, payload, actor, node, hlc, at';
const ORDER_COLS =
  'rowid, id, version, last_hlc, status, is_open, urgency, source, category_code, community_code, grid_code, unit_id, title, address, received_at, finish_deadline, closed_at, callback_due, json, lng, lat, volunteer_id, assists';

type Cell = string | number | null;

interface CopyRows {
  readonly events: Cell[][];
  readonly orders: Cell[][];
  readonly grams: Array<[number, string]>;
}

/**
 * Rows per second of the raw copy of the imported orders in `fromDir` (ids starting `imp-`), `txn`
 * orders a transaction.
 */
export async function rawCopyRate(
  fromDir: string,
  ref: Parameters<typeof writeReference>[1],
  txn = COPY_TXN,
): Promise<{ rows: number; rate: number }> {
  const from = openReader(fromDir);
  const copyDir = join(fromDir, `raw-copy-${txn}`);
  const to = openDb(copyDir);
  writeReference(to, ref);
  // As the import writes (history-writer.ts): the WAL folded by a thread of its own, not by
  // whichever commit crosses the auto-checkpoint threshold.
  setAutoCheckpoint(to, 0);
  const folder = WalFolder.start(to.name);
  // `+e.type`: by type_at the planner would read every created event and sort them, per batch.
  const read = from
    .prepare(
      `SELECT ${ORDER_COLS.split(', ')
        .map((c) => `w.${c}`)
        .join(', ')}, e.${EVENT_COLS.split(', ').join(', e.')}, json_extract(e.payload, '$.description') AS d
       FROM work_order w JOIN order_event e ON e.order_id = w.id AND +e.type = 'created'
       WHERE w.id LIKE 'imp-%' AND w.rowid > ? ORDER BY w.rowid LIMIT ?`,
    )
    .raw();
  const insEvent = to.prepare(
    `INSERT INTO order_event(${EVENT_COLS}) VALUES (${EVENT_COLS.replace(/\w+/g, '?')})`,
  );
  const insOrder = to.prepare(
    `INSERT INTO work_order(${ORDER_COLS}) VALUES (${ORDER_COLS.replace(/\w+/g, '?')})`,
  );
  const insGrams = to.prepare('INSERT INTO order_search(rowid, grams) VALUES (?, ?)');
  const nOrder = ORDER_COLS.split(', ').length;
  let after = -Infinity;
  let rows = 0;
  let ms = 0;
  try {
    for (;;) {
      const batch: CopyRows = { events: [], orders: [], grams: [] };
      for (const r of read.all(after, txn) as Cell[][]) {
        const order = r.slice(0, nOrder);
        const [rowid, , , , , , , , , , , , title, address] = order as [number, ...Cell[]];
        const d = String(r[r.length - 1] ?? '');
        batch.orders.push(order);
        batch.events.push(r.slice(nOrder, r.length - 1));
        batch.grams.push([rowid, searchGrams(String(title), d, String(address))]);
        after = rowid;
      }
      if (batch.orders.length === 0) break;
      const t = performance.now();
      to.transaction(() => {
        for (const e of batch.events) insEvent.run(...e);
        for (const o of batch.orders) insOrder.run(...o);
        for (const g of batch.grams) insGrams.run(...g);
      })();
      if (folder.frames() > MAX_WAL_FRAMES) await folder.caughtUp();
      ms += performance.now() - t;
      rows += batch.orders.length;
      // The folder's reports arrive as messages: let them in (not timed).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await folder.stop();
    from.close();
    to.close();
    // Now: gigabytes of dirty pages left for the kernel to write back would slow the next figure.
    rmSync(copyDir, { recursive: true, force: true });
  }
  return { rows, rate: rows / (ms / 1000) };
}
