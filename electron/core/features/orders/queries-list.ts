/**
 * The orders list: filters, full-text search and keyset pagination, newest first; or one work
 * queue of the desk, most urgent first (queues are small: offset pagination).
 */
import type { OrderSource, OrderStatus, Urgency } from '../../../../shared/features/orders/order';
import type { OrderListPage, OrderListRow } from '../../../../shared/features/orders/contract';
import { searchMatch } from '../../store/event-log/projection';
import type { ReadableDb } from '../../store/types';
import { orderKeyFrom, orderKeyThrough } from '../../store/event-log/order-key';
import type { QueueId } from '../../../../shared/features/orders/queues';
import { QUEUE_SQL, queueParams } from './queries-queues';

export interface OrderListQuery {
  readonly status?: readonly OrderStatus[];
  readonly urgency?: readonly Urgency[];
  readonly source?: readonly OrderSource[];
  readonly categoryCode?: string;
  readonly communityCode?: string;
  readonly gridCode?: string;
  readonly receivedFrom?: number;
  readonly receivedTo?: number;
  readonly overdueOnly?: boolean;
  readonly q?: string;
  /** Exactly these orders (a drill-down from 分析研判). */
  readonly ids?: readonly string[];
  readonly queue?: QueueId;
  /** A unit account's scope: orders its unit is 主办, 协办 or summoned (吹哨) on. */
  readonly unitScope?: string;
  readonly limit: number;
  /** rowid to continue below (exclusive), from the previous page's cursor (newest-first lists). */
  readonly beforeRowid?: number | null;
  /** Rows to skip, from the previous page's cursor (queues). */
  readonly offset?: number | null;
  readonly now: number;
}

const TOTAL_CAP = 10_000;

interface ListRowDb {
  rowid: number;
  id: string;
  title: string;
  status: OrderStatus;
  urgency: Urgency;
  source: OrderSource;
  category_code: string;
  community_code: string | null;
  grid_code: string | null;
  unit_id: string | null;
  address: string;
  received_at: number;
  finish_deadline: number | null;
  is_open: number;
}

const ROW_COLS =
  'w.rowid AS rowid, w.id, w.title, w.status, w.urgency, w.source, w.category_code, w.community_code, w.grid_code, w.unit_id, w.address, w.received_at, w.finish_deadline, w.is_open';

function _in(col: string, values: readonly string[], where: string[], args: unknown[]): void {
  if (values.length === 0) return;
  where.push(`${col} IN (${values.map(() => '?').join(', ')})`);
  args.push(...values);
}

function encodeCursor(rowid: number): string {
  return `r${rowid.toString(36)}`;
}

/** A list's cursor: below a rowid (newest first) or after an offset (a queue). */
export type ListCursor = { readonly rowid: number } | { readonly offset: number };

/** Returns the position or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): ListCursor | null {
  const m = /^([ro])([0-9a-z]{1,13})$/.exec(cursor);
  if (!m) return null;
  const n = parseInt(m[2] ?? '', 36);
  if (!Number.isSafeInteger(n)) return null;
  return m[1] === 'r' ? { rowid: n } : { offset: n };
}

export function listOrders(db: ReadableDb, q: OrderListQuery): OrderListPage {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.status) _in('w.status', q.status, where, args);
  if (q.urgency) _in('w.urgency', q.urgency, where, args);
  if (q.source) _in('w.source', q.source, where, args);
  if (q.ids) _in('w.id', q.ids, where, args);
  if (q.categoryCode) {
    // '/' sorts right after '.', so [code, code + '/') is the code and all its descendants.
    where.push('w.category_code >= ? AND w.category_code < ?');
    args.push(q.categoryCode, `${q.categoryCode}/`);
  }
  if (q.communityCode) {
    where.push('w.community_code = ?');
    args.push(q.communityCode);
  }
  if (q.gridCode) {
    where.push('w.grid_code = ?');
    args.push(q.gridCode);
  }
  // A received-time range is a range of the projection's key.
  if (q.receivedFrom !== undefined) {
    where.push('w.rowid >= ?');
    args.push(orderKeyFrom(q.receivedFrom));
  }
  if (q.receivedTo !== undefined) {
    where.push('w.rowid <= ?');
    args.push(orderKeyThrough(q.receivedTo));
  }
  if (q.overdueOnly) {
    where.push('w.is_open = 1 AND w.finish_deadline < ?');
    args.push(q.now);
  }
  if (q.unitScope) {
    where.push(
      `(w.unit_id = ? OR EXISTS (SELECT 1 FROM json_each(w.json, '$.coUnitIds') WHERE value = ?)
        OR EXISTS (SELECT 1 FROM json_each(w.json, '$.whistle') WHERE json_extract(value, '$.unitId') = ?))`,
    );
    args.push(q.unitScope, q.unitScope, q.unitScope);
  }
  const queue = q.queue ? QUEUE_SQL[q.queue] : null;
  if (queue) where.push(`(${queue.where})`);

  const rowFilters = where.length > 0;
  const match = q.q ? searchMatch(q.q) : null;
  let from = queue && !match ? queue.from : 'work_order w';
  let countFrom = from;
  let key = 'w.rowid';
  const ftsArgs: unknown[] = [];
  if (match) {
    // Drive the query from the FTS index, walking its rowids newest first (no bm25 sort):
    // the first page stops after `limit` hits instead of ranking every match.
    from = 'order_search f CROSS JOIN work_order w ON w.rowid = f.rowid';
    // Every indexed rowid has its work_order row (same transaction), so without row filters the
    // total counts index hits alone: 10,000 hits of a 1-char query then cost no row lookups.
    countFrom = rowFilters ? from : 'order_search f';
    key = 'f.rowid';
    where.unshift('order_search MATCH ?');
    ftsArgs.push(match);
  } else if (q.q && q.q.trim().length > 0) {
    // Only punctuation: nothing can match.
    return { rows: [], total: 0, totalCapped: false, nextCursor: null };
  }
  // A queue's condition takes its values by name (:now, :since), after the positional ones.
  const allArgs: unknown[] = queue ? [...ftsArgs, ...args, queueParams(q.now)] : [...ftsArgs, ...args];
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  if (queue) return _queuePage(db, q, queue.order, from, whereSql, allArgs, countFrom);

  const pageWhere = q.beforeRowid != null ? `${whereSql ? `${whereSql} AND` : 'WHERE'} ${key} < ?` : whereSql;
  const pageArgs = q.beforeRowid != null ? [...allArgs, q.beforeRowid] : allArgs;
  const rows = db
    .prepare(`SELECT ${ROW_COLS} FROM ${from} ${pageWhere} ORDER BY ${key} DESC LIMIT ?`)
    .all(...pageArgs, q.limit + 1) as ListRowDb[];
  const more = rows.length > q.limit;
  if (more) rows.pop();
  const totalRow = db
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${countFrom} ${whereSql} LIMIT ?)`)
    .get(...allArgs, TOTAL_CAP + 1) as { n: number };
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) => _toRow(r, q.now)),
    total: Math.min(totalRow.n, TOTAL_CAP),
    totalCapped: totalRow.n > TOTAL_CAP,
    nextCursor: more && last ? encodeCursor(last.rowid) : null,
  };
}

/** One page of a work queue: its own order, offset pagination. */
function _queuePage(
  db: ReadableDb,
  q: OrderListQuery,
  order: string,
  from: string,
  whereSql: string,
  allArgs: readonly unknown[],
  countFrom: string,
): OrderListPage {
  const offset = q.offset ?? 0;
  const rows = db
    .prepare(`SELECT ${ROW_COLS} FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...allArgs.slice(0, -1), q.limit + 1, offset, allArgs[allArgs.length - 1]) as ListRowDb[];
  const more = rows.length > q.limit;
  if (more) rows.pop();
  const totalRow = db
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${countFrom} ${whereSql} LIMIT ?)`)
    .get(...allArgs.slice(0, -1), TOTAL_CAP + 1, allArgs[allArgs.length - 1]) as { n: number };
  return {
    rows: rows.map((r) => _toRow(r, q.now)),
    total: Math.min(totalRow.n, TOTAL_CAP),
    totalCapped: totalRow.n > TOTAL_CAP,
    nextCursor: more ? `o${(offset + rows.length).toString(36)}` : null,
  };
}

function _toRow(r: ListRowDb, now: number): OrderListRow {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    urgency: r.urgency,
    source: r.source,
    categoryCode: r.category_code,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    unitId: r.unit_id,
    address: r.address,
    receivedAt: r.received_at,
    finishDeadline: r.finish_deadline,
    overdue: r.is_open === 1 && r.finish_deadline !== null && r.finish_deadline < now,
  };
}
