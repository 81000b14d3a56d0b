/** whistle.assessment: 双考核 — on-time 报到 and task completion per unit, for one month's whistles. */
import { assess } from '../../../../shared/features/whistle/whistle';
import { chinaMonthRange } from '../../../../shared/kernel/china-time';
import type { Handler } from '../../runtime/context';
import { assessmentInputs } from './queries';
import { unitNames } from './whistle';

export const whistleAssessment: Handler<'whistle.assessment'> = (input, _call, env) => {
  const [from, to] = chinaMonthRange(input.month);
  const { summons, tasks } = assessmentInputs(env.db, from, to);
  const names = unitNames(env.db);
  return {
    month: input.month,
    rows: assess(summons, tasks, env.now()).map((r) => ({ ...r, unitName: names.get(r.unitId) ?? r.unitId })),
  };
};
