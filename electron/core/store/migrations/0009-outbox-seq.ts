/**
 * Migration 9: the outbox remembers each event's local sequence (order_event.seq), and the push
 * reads it in that order. Ordered by (created, event_id), events written in the same millisecond
 * — a batch of local actions, 72 h of outage work replayed — went out in random id order: the hub
 * and every hall then met a `dispatched` before its `created` and re-folded whole orders instead
 * of applying each event once. seq is also a rowid: the push joins order_event by it directly.
 */
import type { WritableDb } from '../types';

export function migration0009OutboxSeq(db: WritableDb): void {
  db.exec(`
    ALTER TABLE outbox ADD COLUMN event_seq INTEGER;
    UPDATE outbox SET event_seq = (SELECT seq FROM order_event WHERE id = outbox.event_id);
    DROP INDEX outbox_order;
    CREATE INDEX outbox_seq ON outbox(event_seq);
  `);
}
