/** SQL of the import feature: its runs, which imported orders exist already, 历史分类. */
import type { Category } from '../../../../shared/features/reference/catalogue';
import type { ReadableDb, WritableDb } from '../../store/types';
import { stmt } from '../../store/statements';

export function insertImportJob(
  db: WritableDb,
  j: { id: string; fileName: string; actor: string; startedAt: number },
): void {
  stmt(
    db,
    "INSERT INTO import_job(id, file_name, actor, started_at, state) VALUES (?, ?, ?, ?, 'running')",
  ).run(j.id, j.fileName, j.actor, j.startedAt);
}

export function finishImportJob(
  db: WritableDb,
  j: {
    id: string;
    state: 'done' | 'cancelled' | 'failed';
    at: number;
    total: number;
    added: number;
    already: number;
    refused: number;
  },
): void {
  stmt(
    db,
    'UPDATE import_job SET state = ?, finished_at = ?, total = ?, added = ?, already = ?, refused = ? WHERE id = ?',
  ).run(j.state, j.at, j.total, j.added, j.already, j.refused, j.id);
}

/** The ids among `ids` that are orders already (an earlier import of the same rows). */
export function existingOrderIds(db: ReadableDb, ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  const CHUNK = 500;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = stmt(db, `SELECT id FROM work_order WHERE id IN (${part.map(() => '?').join(', ')})`)
      .pluck()
      .all(...part) as string[];
    for (const id of rows) out.add(id);
  }
  return out;
}

/** Every 历史分类 code under a catalogue class, shown or not (a code is never given twice). */
export function historyCategoryCodes(db: ReadableDb, parentCode: string): Set<string> {
  return new Set(
    stmt(db, 'SELECT code FROM history_category WHERE parent_code = ?').pluck().all(parentCode) as string[],
  );
}

export function insertHistoryCategory(db: WritableDb, c: Category, at: number, actor: string): void {
  stmt(
    db,
    'INSERT INTO history_category(code, parent_code, json, created_at, actor) VALUES (?, ?, ?, ?, ?)',
  ).run(c.code, c.parentCode, JSON.stringify(c), at, actor);
}
