/** evaluation.*: 评估反馈 — scores per unit/community/grid/person, settings, risk, what-if. */
import type { HandlerRegistry } from '../../runtime/registry';
import {
  evaluationDual,
  evaluationOrders,
  evaluationRisk,
  evaluationScores,
  evaluationSetSettings,
  evaluationWhatIf,
} from './evaluation';

export { readSettings } from './evaluation';

export function register(registry: HandlerRegistry): void {
  registry
    .register('evaluation.scores', evaluationScores)
    .register('evaluation.setSettings', evaluationSetSettings)
    .register('evaluation.risk', evaluationRisk)
    .register('evaluation.whatIf', evaluationWhatIf)
    .register('evaluation.orders', evaluationOrders)
    .register('evaluation.dual', evaluationDual);
}
