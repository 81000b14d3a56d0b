/** Reading and dismissing the quarantine of bad upstream input (sync.quarantine for the admin). */
import type { QuarantineRow } from '../../../../shared/features/sync/contract';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

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
