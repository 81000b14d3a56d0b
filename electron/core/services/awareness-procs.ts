/** Registers the awareness.* handlers (one entry per procedure of shared/contract/awareness.ts). */
import { alarmsAcknowledge, alarmsList } from './awareness-alarms';
import { awarenessFeed } from './awareness-feed';
import { awarenessToday } from './awareness-today';
import type { HandlerRegistry } from './registry';

export function registerAwarenessProcs(registry: HandlerRegistry): HandlerRegistry {
  return registry
    .register('awareness.today', awarenessToday)
    .register('awareness.feed', awarenessFeed)
    .register('awareness.alarms', alarmsList)
    .register('awareness.acknowledgeAlarm', alarmsAcknowledge);
}
