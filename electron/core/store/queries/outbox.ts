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
