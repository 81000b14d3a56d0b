/** SQL of 分析研判: reads of the analysis rollups (migration 0017) and a hotspot's orders. */
import { CELL_DEG } from '../../../../shared/features/analysis/cells';
import type { AnalysisCubeCell } from '../../../../shared/features/analysis/cube';
import type { PlaceCount } from '../../../../shared/features/analysis/hotspot';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';
import { orderKeyFrom } from '../../store/event-log/order-key';

export interface RollupFilter {
  readonly category?: string | undefined;
  readonly community?: string | undefined;
}

function _filter(f: RollupFilter, args: unknown[]): string {
  let sql = '';
  if (f.category !== undefined) {
    sql += ' AND category = ?';
    args.push(f.category);
  }
  if (f.community !== undefined) {
    sql += ' AND community = ?';
    args.push(f.community);
  }
  return sql;
}

/** Orders received per China date in [from, to] (inclusive), filtered. */
export function dailyCounts(db: ReadableDb, from: string, to: string, f: RollupFilter): Map<string, number> {
  const args: unknown[] = [from, to];
  const where = _filter(f, args);
  const rows = stmt(
    db,
    `SELECT day, sum(n) AS n FROM analysis_day WHERE day >= ? AND day <= ?${where} GROUP BY day`,
  ).all(...args) as Array<{ day: string; n: number }>;
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Category × community × month cells over China dates [from, to]. */
export function cubeCells(db: ReadableDb, from: string, to: string, f: RollupFilter): AnalysisCubeCell[] {
  const args: unknown[] = [from, to];
  const where = _filter(f, args);
  return stmt(
    db,
    `SELECT substr(day, 1, 7) AS month, category, community, sum(n) AS n FROM analysis_day
      WHERE day >= ? AND day <= ?${where}
      GROUP BY month, category, community HAVING sum(n) > 0 ORDER BY month, category, community`,
  ).all(...args) as AnalysisCubeCell[];
}

/** Orders per place cell × category over China dates [from, to]. */
export function placeCounts(db: ReadableDb, from: string, to: string, category?: string): PlaceCount[] {
  const args: unknown[] = [from, to];
  const where = _filter({ category }, args);
  return stmt(
    db,
    `SELECT cx, cy, category, sum(n) AS n FROM analysis_cell WHERE day >= ? AND day <= ?${where}
      GROUP BY cx, cy, category`,
  ).all(...args) as PlaceCount[];
}

/**
 * Ids of the orders received in [fromMs, toMs) whose point lies in cell (cx, cy), newest first.
 * A scan of the received-time key range (one window of orders), only on a click.
 */
export function spotOrderIds(
  db: ReadableDb,
  fromMs: number,
  toMs: number,
  cx: number,
  cy: number,
  category: string | undefined,
  limit: number,
): string[] {
  const args: unknown[] = [orderKeyFrom(fromMs), orderKeyFrom(toMs), cx, cy];
  let where = '';
  if (category !== undefined) {
    where = ' AND substr(category_code, 1, 2) = ?';
    args.push(category);
  }
  args.push(limit);
  return (
    stmt(
      db,
      `SELECT id FROM work_order WHERE rowid >= ? AND rowid < ?
          AND CAST(json_extract(json, '$.lng') / ${CELL_DEG} AS INTEGER) = ?
          AND CAST(json_extract(json, '$.lat') / ${CELL_DEG} AS INTEGER) = ?${where}
        ORDER BY rowid DESC LIMIT ?`,
    ).all(...args) as Array<{ id: string }>
  ).map((r) => r.id);
}

/** Day × category × community counts in two date ranges (this year's window and last year's). */
export function windowCells(
  db: ReadableDb,
  a: readonly [string, string],
  b: readonly [string, string],
): Array<{ day: string; category: string; community: string; n: number }> {
  return stmt(
    db,
    `SELECT day, category, community, n FROM analysis_day
      WHERE ((day >= ? AND day <= ?) OR (day >= ? AND day <= ?)) AND n != 0`,
  ).all(a[0], a[1], b[0], b[1]) as Array<{ day: string; category: string; community: string; n: number }>;
}

/** Orders per day × category over [from, to]. */
export function dailyByCategory(
  db: ReadableDb,
  from: string,
  to: string,
): Array<{ day: string; category: string; n: number }> {
  return stmt(
    db,
    `SELECT day, category, sum(n) AS n FROM analysis_day WHERE day >= ? AND day <= ?
      GROUP BY day, category`,
  ).all(from, to) as Array<{ day: string; category: string; n: number }>;
}

/** The first China date the store has orders for, or null. */
export function firstDay(db: ReadableDb): string | null {
  const r = stmt(db, 'SELECT min(day) AS d FROM analysis_day').get() as { d: string | null };
  return r.d;
}

/** The playbooks admins saved (JSON as written; the handler parses them). */
export function storedPlaybooks(db: ReadableDb): string[] {
  return (stmt(db, 'SELECT json FROM analysis_playbook ORDER BY id').all() as Array<{ json: string }>).map(
    (r) => r.json,
  );
}

export function writePlaybook(db: WritableDb, id: string, json: string, at: number, by: string): void {
  stmt(
    db,
    `INSERT INTO analysis_playbook(id, json, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(id, json, at, by);
}
