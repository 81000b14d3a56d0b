/** SQL of 每月一题: the orders a clustering reads, and the problem bank's rows (migration 0022). */
import type { ClusterOrder } from '../../../../shared/features/problems/cluster';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

const COLS = `id, received_at AS receivedAt, source, category_code AS categoryCode,
  community_code AS communityCode, address, title,
  COALESCE(json_extract(json, '$.description'), '') AS description,
  json_extract(json, '$.lng') AS lng, json_extract(json, '$.lat') AS lat,
  json_extract(json, '$.callback.satisfaction') AS satisfaction,
  (COALESCE(json_extract(json, '$.reworkCount'), 0) + COALESCE(json_extract(json, '$.reopenCount'), 0)) > 0
    AS reworked`;

type Row = Omit<ClusterOrder, 'reworked'> & { reworked: number };

function _rows(rows: Row[]): ClusterOrder[] {
  return rows.map((r) => ({ ...r, reworked: r.reworked === 1 }));
}

/**
 * Orders received in [fromMs, toMs), merged ones left out (a merged report is the same case).
 * rowid is receivedAt·1024 + k: a range scan of the received-time key.
 */
export function ordersBetween(db: ReadableDb, fromMs: number, toMs: number): ClusterOrder[] {
  return _rows(
    stmt(
      db,
      `SELECT ${COLS} FROM work_order WHERE rowid >= ? AND rowid < ? AND status != 'merged' ORDER BY rowid`,
    ).all(fromMs * 1024, toMs * 1024) as Row[],
  );
}

/** The same, of one community (its index gives a range scan). */
export function communityOrdersBetween(
  db: ReadableDb,
  community: string,
  fromMs: number,
  toMs: number,
): ClusterOrder[] {
  return _rows(
    stmt(
      db,
      `SELECT ${COLS} FROM work_order
        WHERE community_code = ? AND rowid >= ? AND rowid < ? AND status != 'merged' ORDER BY rowid`,
    ).all(community, fromMs * 1024, toMs * 1024) as Row[],
  );
}

export interface ProblemRow {
  readonly id: string;
  readonly version: number;
  readonly json: string;
}

export function problemRows(db: ReadableDb): ProblemRow[] {
  return stmt(
    db,
    'SELECT id, version, json FROM problem ORDER BY month DESC, created_at DESC, id',
  ).all() as ProblemRow[];
}

export function problemRow(db: ReadableDb, id: string): ProblemRow | undefined {
  return stmt(db, 'SELECT id, version, json FROM problem WHERE id = ?').get(id) as ProblemRow | undefined;
}

export function insertProblem(
  db: WritableDb,
  p: { id: string; month: string; status: string; at: number; json: string },
): void {
  stmt(
    db,
    `INSERT INTO problem(id, month, status, version, created_at, updated_at, json)
      VALUES (?, ?, ?, 1, ?, ?, ?)`,
  ).run(p.id, p.month, p.status, p.at, p.at, p.json);
}

/** Writes a new version; false when the row moved on (another edit got in first). */
export function updateProblem(
  db: WritableDb,
  p: { id: string; status: string; expectedVersion: number; at: number; json: string },
): boolean {
  return (
    stmt(
      db,
      `UPDATE problem SET status = ?, version = version + 1, updated_at = ?, json = ?
        WHERE id = ? AND version = ?`,
    ).run(p.status, p.at, p.json, p.id, p.expectedVersion).changes === 1
  );
}
