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
  received_at AS receivedAt, version, json_extract(json, '$.lng') AS lng, json_extract(json, '$.lat') AS lat`;

/**
 * Orders of a community received in [from, to], merged ones left out. rowid is
 * receivedAt·1024 + k, so the community index (community_code, rowid) gives a range scan.
 */
export function ordersInCommunity(
  db: ReadableDb,
  communityCode: string,
  from: number,
  to: number,
  limit: number,
): NearRow[] {
  return stmt(
    db,
    `SELECT ${NEAR_COLS} FROM work_order
      WHERE community_code = ? AND rowid BETWEEN ? AND ? AND status != 'merged'
      ORDER BY rowid DESC LIMIT ?`,
  ).all(communityCode, from * 1024, to * 1024 + 1023, limit) as NearRow[];
}

export interface EvalRow {
  readonly id: string;
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
    `SELECT id, category_code AS categoryCode, title,
            COALESCE(json_extract(json, '$.description'), '') AS description, status,
            json_extract(json, '$.mergedInto') AS mergedInto, community_code AS communityCode,
            received_at AS receivedAt, json_extract(json, '$.lng') AS lng, json_extract(json, '$.lat') AS lat
       FROM work_order ORDER BY rowid`,
  ).all() as EvalRow[];
}
