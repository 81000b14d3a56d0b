/** The SQL of triage: closed orders to learn from, and the earlier orders near a report. */
import type { OrderStatus } from '../../../../shared/features/orders/order';
import { stmt } from '../../store/statements';
import type { ReadableDb } from '../../store/types';

export interface LearnRow {
  readonly seq: number;
  readonly categoryCode: string;
  readonly title: string;
  readonly description: string;
}

/**
 * Orders closed after event `seq` (the model's watermark), oldest first, with their filed
 * category and text now: 结案 by a close (12345) or by a passed verification (grid, IoT). Walks
 * the partial index of those events (migration 0014). An order closed twice (reopened) is
 * learned twice.
 */
export function closedSince(db: ReadableDb, seq: number, limit: number): LearnRow[] {
  return stmt(
    db,
    `SELECT e.seq AS seq, w.category_code AS categoryCode, w.title AS title,
            COALESCE(json_extract(w.json, '$.description'), '') AS description
       FROM order_event e INDEXED BY order_event_closed_seq JOIN work_order w ON w.id = e.order_id
      WHERE e.type IN ('closed', 'verified') AND e.seq > ? AND w.status = 'closed'
      ORDER BY e.seq LIMIT ?`,
  ).all(seq, limit) as LearnRow[];
}

export interface NearRow {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly address: string;
  readonly categoryCode: string;
  readonly status: OrderStatus;
  readonly isOpen: number;
  readonly communityCode: string | null;
  readonly receivedAt: number;
  readonly version: number;
  readonly lng: number | null;
  readonly lat: number | null;
}

const NEAR_COLS = `id, title, COALESCE(json_extract(json, '$.description'), '') AS description, address,
  category_code AS categoryCode, status, is_open AS isOpen, community_code AS communityCode,
  received_at AS receivedAt, version, lng, lat`;

/**
 * A unit account's scope (docs/UNIT-ACCOUNTS.md): the orders whose 主办, 协办 or summoned (吹哨)
 * units include it — the same rule as orders.list. `?` is the unit id, three times.
 */
const IN_UNIT = `(unit_id = ? OR EXISTS (SELECT 1 FROM json_each(json, '$.coUnitIds') WHERE value = ?)
  OR EXISTS (SELECT 1 FROM json_each(json, '$.whistle') WHERE json_extract(value, '$.unitId') = ?))`;

/**
 * Orders of a community received in [from, to], merged ones left out (and, for a unit account,
 * those its unit is not on), newest first: a range of the index (community, received time, point).
 * With `box` [west, south, east, north], only orders inside it or without a point, filtered in
 * that index (migration 27): the far ones — most of a community's ~1,300 orders in the window on
 * a 1 M-order store — are never read, let alone parsed from JSON.
 */
export function ordersInCommunity(
  db: ReadableDb,
  communityCode: string,
  from: number,
  to: number,
  limit: number,
  unitId: string | null = null,
  box: readonly [number, number, number, number] | null = null,
): NearRow[] {
  const args: unknown[] = [communityCode, from, to];
  let where = '';
  if (box) {
    where += ' AND (lng IS NULL OR lat IS NULL OR (lng BETWEEN ? AND ? AND lat BETWEEN ? AND ?))';
    args.push(box[0], box[2], box[1], box[3]);
  }
  if (unitId) {
    where += ` AND ${IN_UNIT}`;
    args.push(unitId, unitId, unitId);
  }
  args.push(limit);
  return stmt(
    db,
    `SELECT ${NEAR_COLS} FROM work_order
      WHERE community_code = ? AND received_at BETWEEN ? AND ? AND status != 'merged'${where}
      ORDER BY received_at DESC LIMIT ?`,
  ).all(...args) as NearRow[];
}

/** Orders by id (merged ones left out; for a unit account only those its unit is on). */
export function ordersByIds(db: ReadableDb, ids: readonly string[], unitId: string | null = null): NearRow[] {
  const one = unitId
    ? stmt(db, `SELECT ${NEAR_COLS} FROM work_order WHERE id = ? AND status != 'merged' AND ${IN_UNIT}`)
    : stmt(db, `SELECT ${NEAR_COLS} FROM work_order WHERE id = ? AND status != 'merged'`);
  const out: NearRow[] = [];
  for (const id of ids) {
    const r = (unitId ? one.get(id, unitId, unitId, unitId) : one.get(id)) as NearRow | undefined;
    if (r) out.push(r);
  }
  return out;
}

/** Whether a unit is on an order (主办, 协办 or summoned); null when there is no such order. */
export function orderInUnitScope(db: ReadableDb, orderId: string, unitId: string): boolean | null {
  const r = stmt(db, `SELECT ${IN_UNIT} AS inScope FROM work_order WHERE id = ?`).get(
    unitId,
    unitId,
    unitId,
    orderId,
  ) as { inScope: number } | undefined;
  return r ? r.inScope === 1 : null;
}

export interface EvalRow {
  readonly id: string;
  readonly address: string;
  readonly categoryCode: string;
  readonly title: string;
  readonly description: string;
  readonly status: OrderStatus;
  readonly mergedInto: string | null;
  readonly communityCode: string | null;
  readonly receivedAt: number;
  readonly lng: number | null;
  readonly lat: number | null;
}

/** Every order with its text, place and merge target (the evaluation; not on a request path). */
export function ordersForEval(db: ReadableDb): EvalRow[] {
  return stmt(
    db,
    `SELECT id, address, category_code AS categoryCode, title,
            COALESCE(json_extract(json, '$.description'), '') AS description, status,
            json_extract(json, '$.mergedInto') AS mergedInto, community_code AS communityCode,
            received_at AS receivedAt, json_extract(json, '$.lng') AS lng, json_extract(json, '$.lat') AS lat
       FROM work_order ORDER BY rowid`,
  ).all() as EvalRow[];
}
