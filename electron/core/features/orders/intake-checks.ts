/**
 * What 受理 checks beyond the schema, from the category catalogue: emergencies go to 110/119/120
 * and are not saved; staff-only categories are not taken from citizen channels, 历史分类 from
 * none (they hold imported history); the category's
 * required intake questions are answered; an answer may raise the urgency (someone trapped → P0).
 */
import { ApiError } from '../../../../shared/contract/index';
import type { EventPayload } from '../../../../shared/features/orders/order-events';
import { URGENCIES, type Urgency } from '../../../../shared/features/orders/order';
import { CITIZEN_CHANNELS, type Category } from '../../../../shared/features/reference/catalogue';

/** The category and its ancestors, nearest first: a rule on a parent class applies to its leaves. */
function _lineage(categories: ReadonlyMap<string, Category>, code: string): Category[] {
  const out: Category[] = [];
  for (let c = categories.get(code); c; c = c.parentCode ? categories.get(c.parentCode) : undefined)
    out.push(c);
  return out;
}

/** Checks a new order against its category; returns the urgency after the answers' escalations. */
export function checkIntake(
  categories: ReadonlyMap<string, Category>,
  order: EventPayload<'created'>,
): { readonly urgency: Urgency } {
  const lineage = _lineage(categories, order.categoryCode);
  // Before the first reference import nothing is known: the schema's checks are all there is.
  if (lineage.length === 0) return { urgency: order.urgency };
  if (lineage[0]?.historyOnly)
    throw ApiError.why(
      'invalid_input',
      '历史分类只用于导入的台账，新受理的工单请选择目录中的分类',
      'order.categoryCode',
    );
  const emergency = lineage.find((c) => c.emergency)?.emergency;
  if (emergency)
    throw new ApiError('emergency_category', {
      params: { service: emergency.service },
      field: 'order.categoryCode',
    });
  if (lineage.some((c) => c.staffOnly) && (CITIZEN_CHANNELS as readonly string[]).includes(order.source))
    throw new ApiError('staff_only_category', { field: 'order.categoryCode' });
  const answers = order.answers ?? {};
  let urgency = order.urgency;
  for (const q of lineage.flatMap((c) => c.questions ?? [])) {
    const a = answers[q.id]?.trim() ?? '';
    // Only a person taking the call can ask; upstream orders (12345) arrive without answers.
    if (q.required && a === '' && order.source !== 'hotline')
      throw ApiError.why('invalid_input', `请回答：${q.text}`, `order.answers.${q.id}`);
    if (
      q.escalate &&
      a === q.escalate.answer &&
      URGENCIES.indexOf(q.escalate.urgency) < URGENCIES.indexOf(urgency)
    )
      urgency = q.escalate.urgency;
  }
  return { urgency };
}
