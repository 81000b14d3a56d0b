/** Reply templates (reply_template): the admins' knowledge base of 办结 answers. */
import type { ReplyTemplate } from '../../../../shared/features/templates/contract';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

const COLS =
  'id, category_code AS categoryCode, title, body, updated_at AS updatedAt, updated_by AS updatedBy';

export function allTemplates(db: ReadableDb): ReplyTemplate[] {
  return stmt(
    db,
    `SELECT ${COLS} FROM reply_template ORDER BY category_code IS NULL, category_code, title`,
  ).all() as ReplyTemplate[];
}

/** Templates of these category codes (a leaf and its ancestors) and the general ones. */
export function templatesFor(db: ReadableDb, codes: readonly string[]): ReplyTemplate[] {
  return stmt(
    db,
    `SELECT ${COLS} FROM reply_template
      WHERE category_code IS NULL OR category_code IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(codes)) as ReplyTemplate[];
}

export function getTemplate(db: ReadableDb, id: string): ReplyTemplate | null {
  return (
    (stmt(db, `SELECT ${COLS} FROM reply_template WHERE id = ?`).get(id) as ReplyTemplate | undefined) ?? null
  );
}

export function putTemplate(db: WritableDb, t: ReplyTemplate): void {
  stmt(
    db,
    `INSERT INTO reply_template(id, category_code, title, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET category_code = excluded.category_code, title = excluded.title,
       body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(t.id, t.categoryCode, t.title, t.body, t.updatedAt, t.updatedBy);
}

export function deleteTemplate(db: WritableDb, id: string): boolean {
  return stmt(db, 'DELETE FROM reply_template WHERE id = ?').run(id).changes > 0;
}

export function templateCount(db: ReadableDb): number {
  return stmt(db, 'SELECT count(*) FROM reply_template').pluck().get() as number;
}
