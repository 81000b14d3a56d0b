/** Registers the open311.* handlers (one entry per procedure of shared/features/open311/contract.ts). */
import {
  Open311SettingsSchema,
  type Open311SettingsView,
  type Open311Status,
} from '../../../../shared/features/open311/contract';
import { insertAudit } from '../../store/audit';
import {
  deliveryCounts,
  readOpen311ApiKey,
  readOpen311Settings,
  readOpen311State,
  recentOpen311Log,
  writeOpen311Settings,
  writeOpen311State,
} from './queries';
import type { ReadableDb } from '../../store/types';
import type { HandlerRegistry } from '../../runtime/registry';

function _settingsView(db: ReadableDb): Open311SettingsView {
  return { ...readOpen311Settings(db), hasApiKey: readOpen311ApiKey(db) !== null };
}

function _status(db: ReadableDb): Open311Status {
  const s = readOpen311Settings(db);
  const st = readOpen311State(db);
  return {
    configured: s.endpoint !== null,
    enabled: s.enabled,
    lastPullAt: st.lastPullAt,
    lastSuccessAt: st.lastSuccessAt,
    lastError: st.lastError,
    nextPullAt: st.nextPullAt,
    cursor: {
      windowStart: st.windowStart,
      highWater: st.highWater,
      seenAtHighWater: st.seenAtHighWater.length,
    },
    pulledTotal: st.pulledTotal,
    createdTotal: st.createdTotal,
    quarantinedTotal: st.quarantinedTotal,
    deliveries: deliveryCounts(db),
    log: recentOpen311Log(db, 30),
  };
}

export function register(registry: HandlerRegistry): void {
  registry.register('open311.settings', (_input, _call, env) => _settingsView(env.db));
  registry.register('open311.configure', (input, call, env, tools) => {
    const { apiKey, ...patch } = input;
    const db = env.db;
    db.transaction(() => {
      const before = readOpen311Settings(db);
      const next = Open311SettingsSchema.parse({ ...before, ...patch });
      writeOpen311Settings(db, next, apiKey);
      // Another server (or jurisdiction) starts from its own beginning.
      const moved = next.endpoint !== before.endpoint || next.jurisdictionId !== before.jurisdictionId;
      writeOpen311State(db, {
        kick: next.enabled,
        nextPullAt: null,
        servicesCheckedAt: null,
        ...(moved
          ? {
              windowStart: null,
              highWater: null,
              seenAtHighWater: [],
              updatesStart: null,
              updatesUnsupported: false,
            }
          : {}),
      });
      insertAudit(db, {
        at: env.now(),
        actor: call.actor,
        action: 'open311.configure',
        orderId: null,
        detail: JSON.stringify({
          endpoint: next.endpoint,
          enabled: next.enabled,
          apiKeyChanged: apiKey !== undefined,
        }),
      });
    })();
    tools.hint({ topic: 'sync.changed' });
    return _settingsView(db);
  });
  registry.register('open311.status', (_input, _call, env) => _status(env.db));
  registry.register('open311.pullNow', (_input, _call, env, tools) => {
    writeOpen311State(env.db, { kick: true });
    tools.hint({ topic: 'sync.changed' });
    return _status(env.db);
  });
}
