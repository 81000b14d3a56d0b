/**
 * Triage (issue 14, category suggestion and duplicates): the category model learns from orders
 * as they close, reading the event log past a watermark; this partial index makes "closing events
 * (closed, verified) after seq N" a range scan instead of a walk over every closed event.
 */
import type { WritableDb } from '../types';

export function migration0014Triage(db: WritableDb): void {
  db.exec(`CREATE INDEX order_event_closed_seq ON order_event(seq) WHERE type IN ('closed', 'verified')`);
}
