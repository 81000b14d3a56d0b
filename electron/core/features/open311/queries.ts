/** The Open311 connector's settings, state, request links, delivery queue and log (SQL only). */
import {
  Open311SettingsSchema,
  type Open311LogLine,
  type Open311Settings,
  type Open311WaitingWindow,
} from '../../../../shared/features/open311/contract';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

const LOG_KEEP = 200;

export function readOpen311Settings(db: ReadableDb): Open311Settings {
  const row = stmt(db, 'SELECT settings FROM open311_config WHERE id = 1').get() as
    { settings: string } | undefined;
  if (!row) return Open311SettingsSchema.parse({});
  const parsed = Open311SettingsSchema.safeParse(JSON.parse(row.settings));
  // Settings written by this code always parse; a hand-edited row falls back to the defaults.
  return parsed.success ? parsed.data : Open311SettingsSchema.parse({});
}

export function readOpen311ApiKey(db: ReadableDb): string | null {
  const row = stmt(db, 'SELECT api_key FROM open311_config WHERE id = 1').get() as
    { api_key: string | null } | undefined;
  return row?.api_key ?? null;
}

/** apiKey: undefined keeps the stored key, null clears it. */
export function writeOpen311Settings(
  db: WritableDb,
  settings: Open311Settings,
  apiKey?: string | null,
): void {
  const key = apiKey === undefined ? readOpen311ApiKey(db) : apiKey;
  stmt(
    db,
    `INSERT INTO open311_config(id, settings, api_key) VALUES (1, ?, ?)
     ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, api_key = excluded.api_key`,
  ).run(JSON.stringify(settings), key);
}

/** The connector's progress, kept as one JSON row (written in the same transaction as the batch). */
export interface Open311State {
  /** The next requests.json window starts here (epoch ms), before the overlap. */
  readonly windowStart: number | null;
  /** Newest updated_datetime seen, and the request ids seen at exactly that instant. */
  readonly highWater: number | null;
  readonly seenAtHighWater: readonly string[];
  /** servicerequestupdates pulled up to (epoch ms). */
  readonly updatesStart: number | null;
  /** order_event.seq scanned for outbound status updates. */
  readonly pushSeq: number;
  readonly lastPullAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly nextPullAt: number | null;
  readonly pulledTotal: number;
  readonly createdTotal: number;
  readonly quarantinedTotal: number;
  /** Set by open311.pullNow; the loop clears it. */
  readonly kick: boolean;
  /** True once the server answered 404/400 to GET servicerequestupdates (extension not offered). */
  readonly updatesUnsupported: boolean;
  /** Failed cycles in a row: the pause before the next try grows with it (capped). */
  readonly failures: number;
  /** The window the pull waits on (kept, never skipped), while failures > 0. */
  readonly waiting: Omit<Open311WaitingWindow, 'nextAttemptAt'> | null;
  /**
   * Bumped by every settings change and cursor reset. A pull remembers it when it starts and
   * writes nothing once it moved: the old endpoint's cursor can never land in the new one's state.
   */
  readonly generation: number;
  /** Length of the last window read whole when the server made us narrow it (ms); null: windowDays. */
  readonly spanMs: number | null;
  /** What this server was seen to get wrong (reset with the endpoint). */
  readonly quirks: Open311Quirks;
  /** When GET services last ran (it runs hourly, not every pull). */
  readonly servicesCheckedAt: number | null;
}

export interface Open311Quirks {
  /** Page 2 came back equal to page 1: `page` is ignored. */
  readonly ignoresPaging: boolean;
  /** Items far outside the asked start/end dates came back: the window is ignored. */
  readonly ignoresDates: boolean;
  /** The last body in another charset than declared (what was done), or null. */
  readonly charsetNote: string | null;
  /** Items the server returned at most per list when it ignores both (it cuts the rest off). */
  readonly cappedAt: number | null;
}

export const NO_QUIRKS: Open311Quirks = {
  ignoresPaging: false,
  ignoresDates: false,
  charsetNote: null,
  cappedAt: null,
};

const INITIAL_OPEN311_STATE: Open311State = {
  windowStart: null,
  highWater: null,
  seenAtHighWater: [],
  updatesStart: null,
  pushSeq: 0,
  lastPullAt: null,
  lastSuccessAt: null,
  lastError: null,
  nextPullAt: null,
  pulledTotal: 0,
  createdTotal: 0,
  quarantinedTotal: 0,
  kick: false,
  updatesUnsupported: false,
  failures: 0,
  waiting: null,
  generation: 0,
  spanMs: null,
  quirks: NO_QUIRKS,
  servicesCheckedAt: null,
};

export function readOpen311State(db: ReadableDb): Open311State {
  const row = stmt(db, 'SELECT state FROM open311_state WHERE id = 1').get() as { state: string } | undefined;
  if (!row) return INITIAL_OPEN311_STATE;
  return { ...INITIAL_OPEN311_STATE, ...(JSON.parse(row.state) as Partial<Open311State>) };
}

export function writeOpen311State(db: WritableDb, patch: Partial<Open311State>): Open311State {
  const next = { ...readOpen311State(db), ...patch };
  stmt(
    db,
    'INSERT INTO open311_state(id, state) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state',
  ).run(JSON.stringify(next));
  return next;
}

export function appendOpen311Log(db: WritableDb, line: Open311LogLine): void {
  const r = stmt(db, 'INSERT INTO open311_log(at, level, message) VALUES (?, ?, ?)').run(
    line.at,
    line.level,
    line.message.slice(0, 1000),
  );
  stmt(db, 'DELETE FROM open311_log WHERE id <= ?').run(Number(r.lastInsertRowid) - LOG_KEEP);
}

export function recentOpen311Log(db: ReadableDb, limit = 50): Open311LogLine[] {
  return stmt(db, 'SELECT at, level, message FROM open311_log ORDER BY id DESC LIMIT ?').all(
    limit,
  ) as Open311LogLine[];
}

export interface Open311RequestLink {
  readonly serviceRequestId: string;
  readonly orderId: string;
  readonly status: string | null;
  readonly updatedAt: number | null;
}

export function getOpen311Link(db: ReadableDb, serviceRequestId: string): Open311RequestLink | null {
  const r = stmt(
    db,
    'SELECT service_request_id, order_id, status, updated_at FROM open311_request WHERE service_request_id = ?',
  ).get(serviceRequestId) as
    | { service_request_id: string; order_id: string; status: string | null; updated_at: number | null }
    | undefined;
  return r
    ? {
        serviceRequestId: r.service_request_id,
        orderId: r.order_id,
        status: r.status,
        updatedAt: r.updated_at,
      }
    : null;
}

export function upsertOpen311Link(db: WritableDb, link: Open311RequestLink): void {
  stmt(
    db,
    `INSERT INTO open311_request(service_request_id, order_id, status, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(service_request_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
  ).run(link.serviceRequestId, link.orderId, link.status, link.updatedAt);
}

export interface OutboundEventRow {
  readonly seq: number;
  readonly id: string;
  readonly orderId: string;
  readonly type: string;
  readonly payload: string;
  readonly at: number;
  readonly serviceRequestId: string;
}

/**
 * This node's unflagged events, after `afterSeq`, on orders that came from Open311: the
 * candidates for outbound status updates.
 */
export function outboundCandidates(
  db: ReadableDb,
  node: string,
  afterSeq: number,
  limit: number,
): OutboundEventRow[] {
  return stmt(
    db,
    `SELECT e.seq, e.id, e.order_id AS orderId, e.type, e.payload, e.at, r.service_request_id AS serviceRequestId
       FROM order_event e JOIN open311_request r ON r.order_id = e.order_id
      WHERE e.seq > ? AND e.node = ? AND e.flag IS NULL
      ORDER BY e.seq LIMIT ?`,
  ).all(afterSeq, node, limit) as OutboundEventRow[];
}

export function maxEventSeq(db: ReadableDb): number {
  return (stmt(db, 'SELECT coalesce(max(seq), 0) AS n FROM order_event').get() as { n: number }).n;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface DeliveryRow {
  readonly eventId: string;
  readonly recipient: string;
  readonly serviceRequestId: string;
  readonly status: string;
  readonly description: string;
  readonly updatedAt: number;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAt: number;
  readonly lastError: string | null;
  readonly sentAt: number | null;
  readonly remoteUpdateId: string | null;
}

const DELIVERY_COLS = `event_id AS eventId, recipient, service_request_id AS serviceRequestId, status,
  description, updated_at AS updatedAt, state, attempts, next_at AS nextAt, last_error AS lastError,
  sent_at AS sentAt, remote_update_id AS remoteUpdateId`;

export function enqueueDelivery(
  db: WritableDb,
  d: Pick<DeliveryRow, 'eventId' | 'recipient' | 'serviceRequestId' | 'status' | 'description' | 'updatedAt'>,
  now: number,
): void {
  stmt(
    db,
    `INSERT INTO open311_delivery(event_id, recipient, service_request_id, status, description, updated_at, state, next_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`,
  ).run(d.eventId, d.recipient, d.serviceRequestId, d.status, d.description, d.updatedAt, now);
}

/** Deliveries due now (pending or failed with next_at reached), oldest event first. */
export function dueDeliveries(db: ReadableDb, recipient: string, now: number, limit: number): DeliveryRow[] {
  return stmt(
    db,
    `SELECT ${DELIVERY_COLS} FROM open311_delivery
      WHERE state != 'sent' AND recipient = ? AND next_at <= ? ORDER BY updated_at, event_id LIMIT ?`,
  ).all(recipient, now, limit) as DeliveryRow[];
}

export function allDeliveries(db: ReadableDb): DeliveryRow[] {
  return stmt(
    db,
    `SELECT ${DELIVERY_COLS} FROM open311_delivery ORDER BY updated_at, event_id`,
  ).all() as DeliveryRow[];
}

export function markDeliverySent(
  db: WritableDb,
  eventId: string,
  recipient: string,
  now: number,
  remoteUpdateId: string | null,
): void {
  stmt(
    db,
    `UPDATE open311_delivery SET state = 'sent', attempts = attempts + 1, sent_at = ?, remote_update_id = ?,
            last_error = NULL WHERE event_id = ? AND recipient = ?`,
  ).run(now, remoteUpdateId, eventId, recipient);
}

export function markDeliveryFailed(
  db: WritableDb,
  eventId: string,
  recipient: string,
  error: string,
  nextAt: number,
): void {
  stmt(
    db,
    `UPDATE open311_delivery SET state = 'failed', attempts = attempts + 1, last_error = ?, next_at = ?
      WHERE event_id = ? AND recipient = ?`,
  ).run(error.slice(0, 500), nextAt, eventId, recipient);
}

/**
 * The status we last told the server for a request (a delivery it accepted), lower-case: when
 * requests.json shows exactly that, it is our own update read back, not news from upstream.
 */
export function lastSentStatus(db: ReadableDb, serviceRequestId: string): string | null {
  return (
    (stmt(
      db,
      `SELECT status FROM open311_delivery WHERE service_request_id = ? AND state = 'sent'
        ORDER BY sent_at DESC, updated_at DESC LIMIT 1`,
    )
      .pluck()
      .get(serviceRequestId) as string | undefined) ?? null
  );
}

/**
 * True when a pulled service-request update is one we posted: the server's id for it (kept when
 * it answered), our own update_id (the event id we sent), or — when the answer was lost — the
 * same request, status and text as one of our deliveries.
 */
export function isOwnUpdate(
  db: ReadableDb,
  u: { updateId: string; serviceRequestId: string; status: string; description: string },
): boolean {
  const hit = stmt(
    db,
    `SELECT 1 FROM open311_delivery WHERE remote_update_id = ?
     UNION ALL SELECT 1 FROM open311_delivery WHERE event_id = ?
     UNION ALL SELECT 1 FROM open311_delivery WHERE service_request_id = ? AND status = ? AND description = ?
     LIMIT 1`,
  )
    .pluck()
    .get(u.updateId, u.updateId, u.serviceRequestId, u.status.toLowerCase(), u.description);
  return hit !== undefined;
}

export function deliveryCounts(db: ReadableDb): { pending: number; failed: number; sent: number } {
  const rows = stmt(db, 'SELECT state, count(*) AS n FROM open311_delivery GROUP BY state').all() as Array<{
    state: DeliveryState;
    n: number;
  }>;
  const out = { pending: 0, failed: 0, sent: 0 };
  for (const r of rows) out[r.state] = r.n;
  return out;
}
