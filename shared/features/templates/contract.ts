/**
 * Reply templates (办结答复模板): a small knowledge base of answers per category that admins edit
 * and duty officers pick when they write an order's 办结 reply.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { SAFE_ID, SAFE_ID_MESSAGE, hasScriptMarkup, SCRIPT_MESSAGE } from '../orders/safe-text';

export interface ReplyTemplate {
  readonly id: string;
  /** The category it answers (any level: a parent class covers its leaves); null = any category. */
  readonly categoryCode: string | null;
  readonly title: string;
  readonly body: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

const CATEGORY_CODE = z.string().regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/, '分类编码格式不正确');
const plain = (max: number, empty: string) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max)
    .refine((s) => !hasScriptMarkup(s), SCRIPT_MESSAGE);

export const TemplateSaveInput = z.object({
  /** Omitted: a new template. */
  id: z.string().regex(SAFE_ID, SAFE_ID_MESSAGE).max(64).optional(),
  categoryCode: CATEGORY_CODE.nullable(),
  title: plain(60, '请填写模板名称'),
  body: plain(2000, '请填写答复内容'),
});

export const TEMPLATES_PROCS = {
  /**
   * Templates for a category: those of the category and its ancestors first (the most specific
   * first), then the general ones. Without `categoryCode`: every template (the admin's list).
   */
  'templates.list': query<readonly ReplyTemplate[]>()(z.object({ categoryCode: CATEGORY_CODE.optional() }), {
    role: 'officer',
    stale: ['templates.changed'],
  }),
  'templates.save': mutation<ReplyTemplate>()(TemplateSaveInput, {
    role: 'admin',
    changes: ['templates.changed'],
  }),
  'templates.delete': mutation<{ readonly deleted: boolean }>()(
    z.object({ id: z.string().regex(SAFE_ID, SAFE_ID_MESSAGE).max(64) }),
    { role: 'admin', changes: ['templates.changed'] },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
