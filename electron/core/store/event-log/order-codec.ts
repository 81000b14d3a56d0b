/**
 * The stored form of a WorkOrder projection: work_order's key columns plus a JSON of the rest.
 *
 * The JSON leaves out what the row already holds in columns and every field still at the value
 * `created` gives it (null, 0, false, []): a typical order shrinks from ~1.1 KB to ~0.4 KB, which
 * makes the ingest's stringify, the row insert, the WAL and every table scan cheaper.
 * Decoding puts the fields back in the reducer's key order, so a decoded order equals
 * reduceOrder's. A field this table does not know (added to WorkOrder later) is always stored.
 */
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { OrderEventSchema } from '../../../../shared/features/orders/order-events';
import { applyEvent } from '../../../../shared/features/orders/order-reducer';

/** work_order columns the decoder reads. */
export interface OrderRow {
  readonly id: string;
  readonly version: number;
  readonly last_hlc: string;
  readonly status: string;
  readonly urgency: string;
  readonly source: string;
  readonly category_code: string;
  readonly community_code: string | null;
  readonly grid_code: string | null;
  readonly unit_id: string | null;
  readonly title: string;
  readonly address: string;
  readonly received_at: number;
  readonly json: string;
}

export const ORDER_ROW_COLS =
  'id, version, last_hlc, status, urgency, source, category_code, community_code, grid_code, unit_id, title, address, received_at, json';

type Field = keyof WorkOrder;

/** Fields held in columns: never in the JSON. */
const IN_COLUMNS: ReadonlySet<string> = new Set<Field>([
  'id',
  'version',
  'lastHlc',
  'status',
  'urgency',
  'source',
  'categoryCode',
  'communityCode',
  'gridCode',
  'unitId',
  'title',
  'address',
  'receivedAt',
]);

type Default = null | 0 | false | 'list';

/**
 * What `created` gives a new order, taken from the reducer itself so the two cannot drift: a
 * created event with every optional payload field empty. Its key order is the reducer's.
 */
const NEW_ORDER = ((): Record<string, unknown> => {
  const created = OrderEventSchema.parse({
    id: 'codec-sample',
    orderId: 'codec-sample',
    hlc: '000000000000000:00000:codec',
    at: 0,
    actor: 'system',
    node: 'codec',
    type: 'created',
    payload: {
      source: 'hotline',
      appealType: 'consult',
      categoryCode: '01',
      urgency: 'P2',
      title: 'x',
      lng: 116,
      lat: 40,
    },
  });
  const res = applyEvent(null, created);
  if (!res.ok) throw new Error(`order codec: the sample created event was refused: ${res.reason}`);
  return res.order as unknown as Record<string, unknown>;
})();

/**
 * The reducer's key order. Encoding walks this list (then any other fields, sorted), so the JSON
 * does not depend on the key order of the object handed in, and decoded orders list their keys
 * the same way.
 */
const KEY_ORDER: readonly string[] = Object.keys(NEW_ORDER);

/** Fields left out of the JSON while they hold the empty value `created` gives them. */
const DEFAULT_OF = new Map<string, Default>(
  Object.entries(NEW_ORDER).flatMap(([k, v]): Array<[string, Default]> => {
    if (Array.isArray(v)) return v.length === 0 ? [[k, 'list']] : [];
    return v === null || v === 0 || v === false ? [[k, v]] : [];
  }),
);
const KNOWN: ReadonlySet<string> = new Set<string>(KEY_ORDER);

function _isDefault(d: Default | undefined, v: unknown): boolean {
  if (d === undefined) return false;
  if (d === 'list') return Array.isArray(v) && v.length === 0;
  return v === d;
}

/** The JSON column of an order. */
export function encodeOrderJson(o: WorkOrder): string {
  const src = o as unknown as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    if (IN_COLUMNS.has(k)) continue;
    const v = src[k];
    if (v === undefined || _isDefault(DEFAULT_OF.get(k), v)) continue;
    rest[k] = v;
  }
  let extra: string[] | null = null;
  for (const k in src) if (!KNOWN.has(k)) (extra ??= []).push(k);
  if (extra) for (const k of extra.sort()) rest[k] = src[k];
  return JSON.stringify(rest);
}

/** The order back from its row. */
export function decodeOrder(r: OrderRow): WorkOrder {
  const rest = JSON.parse(r.json) as Record<string, unknown>;
  const cols: Record<string, unknown> = {
    id: r.id,
    version: r.version,
    lastHlc: r.last_hlc,
    status: r.status,
    urgency: r.urgency,
    source: r.source,
    categoryCode: r.category_code,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    unitId: r.unit_id,
    title: r.title,
    address: r.address,
    receivedAt: r.received_at,
  };
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    if (k in cols) out[k] = cols[k];
    else if (k in rest) out[k] = rest[k];
    else {
      const d = DEFAULT_OF.get(k);
      if (d !== undefined) out[k] = d === 'list' ? [] : d;
    }
  }
  for (const k in rest) if (!KNOWN.has(k)) out[k] = rest[k];
  return out as unknown as WorkOrder;
}
