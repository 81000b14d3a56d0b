/**
 * Bad input from upstream (hub or Open311) is kept here with its reason for an admin to see,
 * never dropped silently and never allowed to stop the rest of its batch.
 */
import type { QuarantineRow } from '../../../../shared/features/sync/contract';
import { quarantineItemKey } from '../../store/migrations/0010-upstream-repairs';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export type QuarantineSource = 'hub' | 'open311';
const EXCERPT_CHARS = 2_000;

export interface QuarantineItem {
  readonly source: QuarantineSource;
  /** What was wrong, in Chinese, naming the field. */
  readonly reason: string;
  /** The payload as received; only its first EXCERPT_CHARS characters are stored. */
  readonly payload: string;
  /** The upstream id of the item when one could be read (event id, service_request_id). */
  readonly ref?: string | null;
  readonly at: number;
}

/**
 * Quarantines an item, once: the same item again (same source, reason and payload — an upstream
 * window read again, a page repeated) only counts up `hits` and `last_seen_at` of its row. A
 * dismissed row stays dismissed (an admin has looked at exactly this item). `fresh` is false for
 * a repeat.
 */
export function recordQuarantine(db: WritableDb, item: QuarantineItem): { id: number; fresh: boolean } {
  const reason = item.reason.slice(0, 500);
  const excerpt = item.payload.slice(0, EXCERPT_CHARS);
  const key = quarantineItemKey(item.source, reason, excerpt);
  const seen = stmt(
    db,
    'UPDATE quarantine SET hits = hits + 1, last_seen_at = max(coalesce(last_seen_at, 0), ?) WHERE item_key = ? RETURNING id',
  )
    .pluck()
    .get(item.at, key) as number | undefined;
  if (seen !== undefined) return { id: seen, fresh: false };
  const r = stmt(
    db,
    `INSERT INTO quarantine(source, received_at, reason, excerpt, ref, item_key, hits, last_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  ).run(item.source, item.at, reason, excerpt, item.ref ?? null, key, item.at);
  return { id: Number(r.lastInsertRowid), fresh: true };
}

export function quarantineOpenCount(db: ReadableDb): number {
  return (stmt(db, 'SELECT count(*) AS n FROM quarantine WHERE dismissed_at IS NULL').get() as { n: number })
    .n;
}

// ---- the admin's view (sync.quarantine / sync.dismissQuarantine) --------------------------------

const SELECT = `SELECT id, source, received_at AS receivedAt, reason, excerpt, ref, dismissed_at AS dismissedAt,
  hits, coalesce(last_seen_at, received_at) AS lastSeenAt FROM quarantine`;

export function listQuarantine(
  db: ReadableDb,
  opts: { includeDismissed: boolean; limit: number },
): QuarantineRow[] {
  const where = opts.includeDismissed ? '' : 'WHERE dismissed_at IS NULL';
  return stmt(
    db,
    `${SELECT} ${where} ORDER BY coalesce(last_seen_at, received_at) DESC, id DESC LIMIT ?`,
  ).all(opts.limit) as QuarantineRow[];
}

export function getQuarantine(db: ReadableDb, id: number): QuarantineRow | null {
  return (stmt(db, `${SELECT} WHERE id = ?`).get(id) as QuarantineRow | undefined) ?? null;
}

export function dismissQuarantine(db: WritableDb, id: number, by: string, at: number): void {
  stmt(
    db,
    'UPDATE quarantine SET dismissed_at = ?, dismissed_by = ? WHERE id = ? AND dismissed_at IS NULL',
  ).run(at, by, id);
}
