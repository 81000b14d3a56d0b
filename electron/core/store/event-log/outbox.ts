/** The outbox: locally written events waiting to be pushed upstream (the sync issue drains it). */
import { stmt } from '../statements';
import type { ReadableDb, WritableDb } from '../types';

export function outboxPending(db: ReadableDb): number {
  return (stmt(db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/** Upstream acknowledged these events: they leave the outbox (one statement for the batch). */
export function outboxAck(db: WritableDb, eventIds: readonly string[]): void {
  stmt(db, 'DELETE FROM outbox WHERE event_id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(eventIds),
  );
}

/**
 * The next `limit` outbox events after local sequence `afterSeq`, oldest first (the order they
 * were written here, so a batch never carries a `dispatched` ahead of its `created`), as a ready
 * JSON array: payloads are stored as JSON text and are spliced in as they are (no parse and
 * re-stringify per event). Returns the ids and the last event's seq (the key of the next batch,
 * so a batch can be read while the previous one is still unacknowledged).
 */
export function outboxEventsJson(
  db: ReadableDb,
  limit: number,
  afterSeq = -1,
): { ids: string[]; json: string; lastSeq: number } {
  const rows = stmt(
    db,
    `SELECT e.id, e.order_id, e.type, e.payload, e.actor, e.node, e.hlc, e.at, o.event_seq
     FROM outbox o JOIN order_event e ON e.id = o.event_id WHERE o.event_seq > ? ORDER BY o.event_seq LIMIT ?`,
  )
    .raw()
    .all(afterSeq, limit) as Array<[string, string, string, string, string, string, string, number, number]>;
  const ids: string[] = new Array<string>(rows.length);
  const parts: string[] = new Array<string>(rows.length);
  const q = JSON.stringify;
  let lastSeq = afterSeq;
  for (let i = 0; i < rows.length; i++) {
    const [id, orderId, type, payload, actor, node, hlc, at, seq] = rows[i] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      number,
      number,
    ];
    ids[i] = id;
    lastSeq = seq;
    parts[i] =
      `{"id":${q(id)},"orderId":${q(orderId)},"type":${q(type)},"payload":${payload},"actor":${q(actor)},"node":${q(node)},"hlc":${q(hlc)},"at":${at}}`;
  }
  return { ids, json: `[${parts.join(',')}]`, lastSeq };
}
