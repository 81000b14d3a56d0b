/**
 * templates.*: the reply templates (办结答复模板) duty officers pick and admins edit. A category's
 * own templates come first (a leaf's before its parents'), then the general ones.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import type { ReplyTemplate } from '../../../../shared/features/templates/contract';
import { insertAudit } from '../../store/audit';
import type { WritableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';
import {
  allTemplates,
  deleteTemplate,
  getTemplate,
  putTemplate,
  templateCount,
  templatesFor,
} from './queries';

/** `01.02.003` → ['01.02.003', '01.02', '01'], most specific first. */
function _lineage(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

const list: Handler<'templates.list'> = (input, _call, env) => {
  if (!input.categoryCode) return allTemplates(env.db);
  const lineage = _lineage(input.categoryCode);
  const rank = (t: ReplyTemplate): number =>
    t.categoryCode === null ? lineage.length : lineage.indexOf(t.categoryCode);
  return templatesFor(env.db, lineage).sort(
    (a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'zh'),
  );
};

const save: Handler<'templates.save'> = (input, call, env, tools) => {
  const db: WritableDb = env.db;
  const saved = db
    .transaction((): ReplyTemplate => {
      if (input.id !== undefined && !getTemplate(db, input.id))
        throw new ApiError('record_not_found', { params: { id: input.id }, field: 'id' });
      const t: ReplyTemplate = {
        id: input.id ?? `tpl-${randomUUID()}`,
        categoryCode: input.categoryCode,
        title: input.title,
        body: input.body,
        updatedAt: env.now(),
        updatedBy: call.actor,
      };
      putTemplate(db, t);
      insertAudit(db, {
        at: t.updatedAt,
        actor: call.actor,
        action: input.id ? 'templates.update' : 'templates.create',
        detail: JSON.stringify({ id: t.id, categoryCode: t.categoryCode, title: t.title }),
      });
      return t;
    })
    .immediate();
  tools.hint({ topic: 'templates.changed' });
  return saved;
};

const remove: Handler<'templates.delete'> = (input, call, env, tools) => {
  const deleted = env.db
    .transaction(() => {
      const gone = deleteTemplate(env.db, input.id);
      if (gone)
        insertAudit(env.db, {
          at: env.now(),
          actor: call.actor,
          action: 'templates.delete',
          detail: input.id,
        });
      return gone;
    })
    .immediate();
  if (deleted) tools.hint({ topic: 'templates.changed' });
  return { deleted };
};

export function register(registry: HandlerRegistry): void {
  registry
    .register('templates.list', list)
    .register('templates.save', save)
    .register('templates.delete', remove);
}

/** Seeds templates into an empty table (the demo street's). */
export function seedTemplatesIfEmpty(db: WritableDb, templates: readonly ReplyTemplate[]): void {
  if (templateCount(db) > 0) return;
  for (const t of templates) putTemplate(db, t);
}
