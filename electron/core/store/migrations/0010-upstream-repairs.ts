/**
 * Migration 10: upstream repairs (issue 12).
 * - quarantine: one row per bad item with a count. Re-reading an upstream window brings the same
 *   bad item again; it used to add a row every cycle (14 rows for 2 items in a minute). Each row
 *   now has a key (sha256 of source, reason and excerpt), `hits` and `last_seen_at`; the rows
 *   already there are folded by that key (the oldest row stays, with the sum of hits).
 * - open311_delivery: the ids a GeoReport server gave our posted updates are looked up on every
 *   pulled update (our own updates are not read back as upstream changes).
 */
import { createHash } from 'node:crypto';
import type { WritableDb } from '../types';

/** The key of a quarantined item; features/sync/queries-quarantine.ts computes the same. */
export function quarantineItemKey(source: string, reason: string, excerpt: string): string {
  return createHash('sha256').update(`${source}\u0000${reason}\u0000${excerpt}`).digest('hex');
}

export function migration0010UpstreamRepairs(db: WritableDb): void {
  db.exec(`
    ALTER TABLE quarantine ADD COLUMN item_key TEXT;
    ALTER TABLE quarantine ADD COLUMN hits INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE quarantine ADD COLUMN last_seen_at INTEGER;
    UPDATE quarantine SET last_seen_at = received_at;
  `);
  const rows = db
    .prepare('SELECT id, source, reason, excerpt, received_at FROM quarantine ORDER BY id')
    .all() as Array<{
    id: number;
    source: string;
    reason: string;
    excerpt: string;
    received_at: number;
  }>;
  const kept = new Map<string, { id: number; hits: number; last: number }>();
  const drop: number[] = [];
  for (const r of rows) {
    const key = quarantineItemKey(r.source, r.reason, r.excerpt);
    const k = kept.get(key);
    if (k) {
      k.hits++;
      k.last = Math.max(k.last, r.received_at);
      drop.push(r.id);
    } else kept.set(key, { id: r.id, hits: 1, last: r.received_at });
  }
  const setKey = db.prepare('UPDATE quarantine SET item_key = ?, hits = ?, last_seen_at = ? WHERE id = ?');
  for (const [key, k] of kept) setKey.run(key, k.hits, k.last, k.id);
  const del = db.prepare('DELETE FROM quarantine WHERE id = ?');
  for (const id of drop) del.run(id);
  db.exec(`
    CREATE UNIQUE INDEX quarantine_item ON quarantine(item_key) WHERE item_key IS NOT NULL;
    CREATE INDEX open311_delivery_remote ON open311_delivery(remote_update_id)
      WHERE remote_update_id IS NOT NULL;
    CREATE INDEX open311_delivery_request ON open311_delivery(service_request_id, sent_at);
  `);
}
