/** whistle.*: 吹哨报到 — summons, delivery per recipient, 报到, timeline, 会商纪要, 双考核 (issue 15). */
import type { HandlerRegistry } from '../../runtime/registry';
import {
  whistleAck,
  whistleAcknowledgeAlarm,
  whistleAlarms,
  whistleClose,
  whistleCompleteTask,
  whistleCreate,
  whistleDecide,
  whistleGet,
  whistleList,
  whistleReportIn,
  whistleSuggest,
} from './whistle';
import { whistleAssessment } from './assessment';

/** 双考核 of a month, for 评估反馈 (evaluation.dual). */
export { whistleAssessment } from './assessment';
export { startWhistleLoop, whistleTick, type WhistleLoop } from './loop';

export function register(registry: HandlerRegistry): void {
  registry
    .register('whistle.list', whistleList)
    .register('whistle.get', whistleGet)
    .register('whistle.suggest', whistleSuggest)
    .register('whistle.create', whistleCreate)
    .register('whistle.ack', whistleAck)
    .register('whistle.reportIn', whistleReportIn)
    .register('whistle.decide', whistleDecide)
    .register('whistle.completeTask', whistleCompleteTask)
    .register('whistle.close', whistleClose)
    .register('whistle.alarms', whistleAlarms)
    .register('whistle.acknowledgeAlarm', whistleAcknowledgeAlarm)
    .register('whistle.assessment', whistleAssessment);
}
