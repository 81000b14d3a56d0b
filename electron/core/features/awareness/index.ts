/** Registers the awareness.* handlers (one entry per procedure of shared/features/awareness/contract.ts). */
import { alarmsAcknowledge, alarmsList } from './alarms';
import { awarenessFeed } from './feed';
import { awarenessToday } from './today';
import type { HandlerRegistry } from '../../runtime/registry';

export function register(registry: HandlerRegistry): void {
  registry
    .register('awareness.today', awarenessToday)
    .register('awareness.feed', awarenessFeed)
    .register('awareness.alarms', alarmsList)
    .register('awareness.acknowledgeAlarm', alarmsAcknowledge);
}
