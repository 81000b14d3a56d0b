/** The SQL of triage: closed orders to learn from, and the earlier orders near a report. */
import type { OrderStatus } from '../../../../shared/features/orders/order';
import type { CommunityReach, NearArea } from '../../../../shared/features/triage/duplicates';
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

/**
 * An order compared with a report, as the lookup reads it: a row of values, not an object, and
 * only what the scoring reads (title and description as one text, the way matchDuplicate takes
 * it); the address and open flag only when the report names a 部件 (NEAR_ASSET_COLS), else null.
 * At 1 M orders a lookup compares ~200 orders and shows 5: the rest of what it shows is read for
 * those 5 (orderCard).
 */
export type NearTuple = readonly [
  id: string,
  text: string,
  categoryCode: string,
  communityCode: string | null,
  receivedAt: number,
  lng: number | null,
  lat: number | null,
  address: string | null,
  isOpen: number | null,
];

const NEAR_COLS = `id, title || ' ' || COALESCE(json_extract(json, '$.description'), ''), category_code,
  community_code, received_at, lng, lat, NULL, NULL`;
const NEAR_ASSET_COLS = `id, title || ' ' || COALESCE(json_extract(json, '$.description'), ''), category_code,
  community_code, received_at, lng, lat, address, is_open`;

/**
 * A unit account's scope (docs/UNIT-ACCOUNTS.md): the orders whose 主办, 协办 or summoned (吹哨)
 * units include it — the same rule as orders.list. `?` is the unit id, three times.
 */
const IN_UNIT = `(unit_id = ? OR EXISTS (SELECT 1 FROM json_each(json, '$.coUnitIds') WHERE value = ?)
  OR EXISTS (SELECT 1 FROM json_each(json, '$.whistle') WHERE json_extract(value, '$.unitId') = ?))`;

/**
 * Orders of a community received in [from, to], merged ones left out (and, for a unit account,
 * those its unit is not on), newest first: a range of the index (community, received time, point).
 * With `near`, only orders inside its disc (nearArea: the box, then the distance in local metres)
 * or without a point, filtered in that index (migration 27): the far ones — most of a
 * community's ~1,000 orders in the window on a 1 M-order store, and the box's corners — are
 * never read from the table, let alone parsed from JSON.
 */
export function ordersInCommunity(
  db: ReadableDb,
  communityCode: string,
  from: number,
  to: number,
  limit: number,
  opts: {
    readonly unitId?: string | null;
    readonly near?: NearArea | null;
    /** A report without a point or 部件 at `at`: only the orders that can reach the score. */
    readonly reach?: { readonly at: number; readonly of: CommunityReach } | null;
    /** Read the address and open flag (a report naming a 部件). */
    readonly withAsset?: boolean;
  } = {},
): NearTuple[] {
  const { unitId = null, near = null, reach = null, withAsset = false } = opts;
  const args: unknown[] = [communityCode, from, to];
  let where = '';
  if (near) {
    where += ` AND (lng IS NULL OR lat IS NULL OR (lng BETWEEN ? AND ? AND lat BETWEEN ? AND ?
      AND (lng - ?) * (lng - ?) * ? + (lat - ?) * (lat - ?) * ? <= ?))`;
    const [w, s, e, n] = near.box;
    args.push(w, e, s, n, near.lng, near.lng, near.kx ** 2, near.lat, near.lat, near.ky ** 2, near.r2);
  }
  if (reach) {
    // The class as matchDuplicate compares it (up to the second '.'): the code itself, or the
    // code followed by '.' when the class has two levels. The 48 hours get 1 ms of slack.
    const { recentMs, classOf } = reach.of;
    const ors: string[] = [];
    if (recentMs !== null) {
      ors.push('received_at BETWEEN ? AND ?');
      args.push(reach.at - recentMs - 1, reach.at + recentMs + 1);
    }
    if (classOf !== null) {
      ors.push('category_code = ?');
      args.push(classOf);
      if (classOf.includes('.')) {
        ors.push('substr(category_code, 1, ?) = ?');
        args.push(classOf.length + 1, `${classOf}.`);
      }
    }
    where += ` AND (${ors.join(' OR ')})`;
  }
  if (unitId) {
    where += ` AND ${IN_UNIT}`;
    args.push(unitId, unitId, unitId);
  }
  args.push(limit);
  return stmt(
    db,
    `SELECT ${withAsset ? NEAR_ASSET_COLS : NEAR_COLS} FROM work_order
      WHERE community_code = ? AND received_at BETWEEN ? AND ? AND status != 'merged'${where}
      ORDER BY received_at DESC LIMIT ?`,
  )
    .raw(true)
    .all(...args) as NearTuple[];
}

/** Orders by id (merged ones left out; for a unit account only those its unit is on), with the 部件 columns. */
export function ordersByIds(
  db: ReadableDb,
  ids: readonly string[],
  unitId: string | null = null,
): NearTuple[] {
  const one = (
    unitId
      ? stmt(
          db,
          `SELECT ${NEAR_ASSET_COLS} FROM work_order WHERE id = ? AND status != 'merged' AND ${IN_UNIT}`,
        )
      : stmt(db, `SELECT ${NEAR_ASSET_COLS} FROM work_order WHERE id = ? AND status != 'merged'`)
  ).raw(true);
  const out: NearTuple[] = [];
  for (const id of ids) {
    const r = (unitId ? one.get(id, unitId, unitId, unitId) : one.get(id)) as NearTuple | undefined;
    if (r) out.push(r);
  }
  return out;
}

export interface OrderCard {
  readonly title: string;
  readonly address: string;
  readonly categoryCode: string;
  readonly status: OrderStatus;
  readonly isOpen: number;
  readonly version: number;
}

/** What a candidate shows of an order (the few the lookup keeps), by id. */
export function orderCard(db: ReadableDb, id: string): OrderCard | undefined {
  return stmt(
    db,
    `SELECT title, address, category_code AS categoryCode, status, is_open AS isOpen, version
       FROM work_order WHERE id = ?`,
  ).get(id) as OrderCard | undefined;
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
