/**
 * The import's baseline, measured in the same run: the orders the import wrote, copied with plain
 * better-sqlite3 into a fresh store of the same schema. Prepared single-row INSERTs into
 * order_event, work_order (with all its indexes) and both FTS tables, COPY_TXN rows a
 * transaction, nothing else on the connection. Rows are read and their short grams built before
 * the clock starts: only the inserts are timed. It leaves out what the import does besides
 * (reading and checking the file, the reducer, the rollups) and its short transactions that give
 * the writer back to a dispatcher — so it is the ceiling of this schema on this machine, not a
 * rival design.
 */
import { join } from 'node:path';
import { openDb, openReader } from '../../electron/core/store/db';
import { writeReference } from '../../electron/core/store/reference';
import { shortGrams } from '../../electron/core/store/event-log/projection';

const COPY_TXN = 10_000;

const EVENT_COLS = 'id, order_id, type, payload, actor, node, hlc, at';
const ORDER_COLS =
  'rowid, id, version, last_hlc, status, is_open, urgency, source, category_code, community_code, grid_code, unit_id, title, address, received_at, finish_deadline, closed_at, callback_due, json, lng, lat, volunteer_id, assists';

type Cell = string | number | null;

interface CopyRows {
  readonly events: Cell[][];
  readonly orders: Cell[][];
  readonly fts: Array<[number, string, string, string]>;
  readonly grams: Array<[number, string]>;
}

/** Rows per second of the raw copy of the imported orders in `fromDir` (ids starting `imp-`). */
export function rawCopyRate(
  fromDir: string,
  ref: Parameters<typeof writeReference>[1],
): { rows: number; rate: number } {
  const from = openReader(fromDir);
  const to = openDb(join(fromDir, 'raw-copy'));
  writeReference(to, ref);
  const read = from
    .prepare(
      `SELECT ${ORDER_COLS.split(', ')
        .map((c) => `w.${c}`)
        .join(', ')}, e.${EVENT_COLS.split(', ').join(', e.')}, json_extract(e.payload, '$.description') AS d
       FROM work_order w JOIN order_event e ON e.order_id = w.id AND e.type = 'created'
       WHERE w.id LIKE 'imp-%' AND w.rowid > ? ORDER BY w.rowid LIMIT ?`,
    )
    .raw();
  const insEvent = to.prepare(
    `INSERT INTO order_event(${EVENT_COLS}) VALUES (${EVENT_COLS.replace(/\w+/g, '?')})`,
  );
  const insOrder = to.prepare(
    `INSERT INTO work_order(${ORDER_COLS}) VALUES (${ORDER_COLS.replace(/\w+/g, '?')})`,
  );
  const insFts = to.prepare('INSERT INTO order_fts(rowid, title, description, address) VALUES (?, ?, ?, ?)');
  const insGrams = to.prepare('INSERT INTO order_fts_short(rowid, grams) VALUES (?, ?)');
  const nOrder = ORDER_COLS.split(', ').length;
  let after = -Infinity;
  let rows = 0;
  let ms = 0;
  try {
    for (;;) {
      const batch: CopyRows = { events: [], orders: [], fts: [], grams: [] };
      for (const r of read.all(after, COPY_TXN) as Cell[][]) {
        const order = r.slice(0, nOrder);
        const [rowid, , , , , , , , , , , , title, address] = order as [number, ...Cell[]];
        const d = String(r[r.length - 1] ?? '');
        batch.orders.push(order);
        batch.events.push(r.slice(nOrder, r.length - 1));
        batch.fts.push([rowid, String(title), d, String(address)]);
        batch.grams.push([rowid, shortGrams(String(title), d, String(address))]);
        after = rowid;
      }
      if (batch.orders.length === 0) break;
      const t = performance.now();
      to.transaction(() => {
        for (const e of batch.events) insEvent.run(...e);
        for (const o of batch.orders) insOrder.run(...o);
        for (const f of batch.fts) insFts.run(...f);
        for (const g of batch.grams) insGrams.run(...g);
      })();
      ms += performance.now() - t;
      rows += batch.orders.length;
    }
  } finally {
    from.close();
    to.close();
  }
  return { rows, rate: rows / (ms / 1000) };
}
