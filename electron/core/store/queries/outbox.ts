/** The outbox: locally written events waiting to be pushed upstream (the sync issue drains it). */
import { stmt } from '../statements';
import type { ReadableDb, WritableDb } from '../types';

export function outboxPending(db: ReadableDb): number {
  return (stmt(db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

export function outboxBatch(db: ReadableDb, limit: number): string[] {
  return (
    stmt(db, 'SELECT event_id FROM outbox ORDER BY created, event_id LIMIT ?').all(limit) as Array<{
      event_id: string;
    }>
  ).map((r) => r.event_id);
}

/** Upstream acknowledged these events: they leave the outbox. */
export function outboxAck(db: WritableDb, eventIds: readonly string[]): void {
  const del = stmt(db, 'DELETE FROM outbox WHERE event_id = ?');
  db.transaction(() => {
    for (const id of eventIds) del.run(id);
  })();
}

/**
 * The next `limit` outbox events as a ready JSON array: payloads are stored as JSON text and are
 * spliced in as they are (no parse and re-stringify per event). Returns the ids too.
 */
export function outboxEventsJson(db: ReadableDb, limit: number): { ids: string[]; json: string } {
  const rows = stmt(
    db,
    `SELECT e.id, e.order_id, e.type, e.payload, e.actor, e.node, e.hlc, e.at
     FROM outbox o JOIN order_event e ON e.id = o.event_id ORDER BY o.created, o.event_id LIMIT ?`,
  )
    .raw()
    .all(limit) as Array<[string, string, string, string, string, string, string, number]>;
  const ids: string[] = new Array<string>(rows.length);
  const parts: string[] = new Array<string>(rows.length);
  const q = JSON.stringify;
  for (let i = 0; i < rows.length; i++) {
    const [id, orderId, type, payload, actor, node, hlc, at] = rows[i] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      number,
    ];
    ids[i] = id;
    parts[i] =
      `{"id":${q(id)},"orderId":${q(orderId)},"type":${q(type)},"payload":${payload},"actor":${q(actor)},"node":${q(node)},"hlc":${q(hlc)},"at":${at}}`;
  }
  return { ids, json: `[${parts.join(',')}]` };
}
