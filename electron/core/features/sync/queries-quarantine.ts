/**
 * Bad input from upstream (hub or Open311) is kept here with its reason for an admin to see,
 * never dropped silently and never allowed to stop the rest of its batch.
 */
import type { QuarantineRow } from '../../../../shared/features/sync/contract';
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

// ---- the admin's view (sync.quarantine / sync.dismissQuarantine) --------------------------------

const SELECT =
  'SELECT id, source, received_at AS receivedAt, reason, excerpt, ref, dismissed_at AS dismissedAt FROM quarantine';

export function listQuarantine(
  db: ReadableDb,
  opts: { includeDismissed: boolean; limit: number },
): QuarantineRow[] {
  const where = opts.includeDismissed ? '' : 'WHERE dismissed_at IS NULL';
  return stmt(db, `${SELECT} ${where} ORDER BY received_at DESC, id DESC LIMIT ?`).all(
    opts.limit,
  ) as QuarantineRow[];
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
