/**
 * Pure checks of the reply-template form and where the core's refusals show, so the rules are
 * unit-tested. Limits follow the contract (TemplateSaveInput): title 1–60, body 1–2000.
 */
import type { ApiErrorData } from '../../../../shared/kernel/api-error';
import { hasScriptMarkup } from '../../../../shared/features/orders/safe-text';

export type TemplateField = 'categoryCode' | 'title' | 'body';

export interface TemplateDraft {
  /** true = 通用 (any category). */
  readonly general: boolean;
  readonly categoryCode: string | null;
  readonly title: string;
  readonly body: string;
}

export interface TemplateProblem {
  readonly field: TemplateField;
  readonly key: string;
}

export const TITLE_MAX = 60;
export const BODY_MAX = 2000;

/** Every problem, in form order. */
export function checkTemplate(d: TemplateDraft): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (!d.general && d.categoryCode === null)
    out.push({ field: 'categoryCode', key: 'templates.problem.needCategory' });
  const title = d.title.trim();
  if (title === '') out.push({ field: 'title', key: 'templates.problem.needTitle' });
  else if (title.length > TITLE_MAX) out.push({ field: 'title', key: 'templates.problem.titleLong' });
  else if (hasScriptMarkup(title)) out.push({ field: 'title', key: 'templates.problem.markup' });
  const body = d.body.trim();
  if (body === '') out.push({ field: 'body', key: 'templates.problem.needBody' });
  else if (body.length > BODY_MAX) out.push({ field: 'body', key: 'templates.problem.bodyLong' });
  else if (hasScriptMarkup(body)) out.push({ field: 'body', key: 'templates.problem.markup' });
  return out;
}

export type TemplateRefusal =
  | { readonly kind: 'field'; readonly field: TemplateField }
  | { readonly kind: 'gone' }
  | { readonly kind: 'general' };

/** A refusal of templates.save/delete: next to a field, "deleted meanwhile", or the general line. */
export function templateRefusal(err: Pick<ApiErrorData, 'reason' | 'field'>): TemplateRefusal {
  if (err.reason === 'record_not_found') return { kind: 'gone' };
  const f = err.field?.split('.')[0];
  if (err.reason === 'invalid_input' && (f === 'title' || f === 'body' || f === 'categoryCode'))
    return { kind: 'field', field: f };
  return { kind: 'general' };
}
