/**
 * Bad input from upstream (hub or Open311) is kept here with its reason for an admin to see,
 * never dropped silently and never allowed to stop the rest of its batch.
 */
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export type QuarantineSource = 'hub' | 'open311';
export const EXCERPT_CHARS = 2_000;

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

export function recordQuarantine(db: WritableDb, item: QuarantineItem): number {
  const r = stmt(
    db,
    'INSERT INTO quarantine(source, received_at, reason, excerpt, ref) VALUES (?, ?, ?, ?, ?)',
  ).run(
    item.source,
    item.at,
    item.reason.slice(0, 500),
    item.payload.slice(0, EXCERPT_CHARS),
    item.ref ?? null,
  );
  return Number(r.lastInsertRowid);
}

export function quarantineOpenCount(db: ReadableDb): number {
  return (stmt(db, 'SELECT count(*) AS n FROM quarantine WHERE dismissed_at IS NULL').get() as { n: number })
    .n;
}
