/** Registers the open311.* handlers (one entry per procedure of shared/features/open311/contract.ts). */
import {
  Open311SettingsSchema,
  type Open311Settings,
  type Open311SettingsView,
  type Open311Status,
} from '../../../../shared/features/open311/contract';
import { insertAudit } from '../../store/audit';
import {
  deliveryCounts,
  NO_QUIRKS,
  readOpen311ApiKey,
  readOpen311Settings,
  readOpen311State,
  recentOpen311Log,
  writeOpen311Settings,
  writeOpen311State,
  type Open311State,
} from './queries';
import type { ReadableDb, WritableDb } from '../../store/types';
import type { ProcParsedInput } from '../../../../shared/contract/index';
import type { HandlerRegistry } from '../../runtime/registry';

function _settingsView(db: ReadableDb): Open311SettingsView {
  return { ...readOpen311Settings(db), hasApiKey: readOpen311ApiKey(db) !== null };
}

/** What the connector noticed about the server, as sentences a person reads. */
function _notices(st: Open311State, s: Open311Settings): string[] {
  const out: string[] = [];
  const q = st.quirks;
  if (q.ignoresDates)
    out.push(
      `该服务器不按 start_date/end_date 筛选：每次读取它给出的整个列表，拉取间隔放慢到至少 ${Math.max(s.intervalSec / 60, 15)} 分钟`,
    );
  if (q.ignoresPaging && q.ignoresDates && q.cappedAt !== null)
    out.push(`该服务器也不分页，每次只返回前 ${q.cappedAt} 条：其余请求无法从它读取，请联系对方修复接口`);
  else if (q.ignoresPaging) out.push('该服务器忽略 page 参数：改用更小的日期窗口逐段读取');
  if (q.charsetNote) out.push(q.charsetNote);
  return out;
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
    waiting: st.waiting ? { ...st.waiting, nextAttemptAt: st.nextPullAt } : null,
    notices: _notices(st, s),
    log: recentOpen311Log(db, 30),
  };
}

/** The cursor back to the start: the next pull reads from `since` again (repeats are no-ops). */
const CURSOR_RESET: Partial<Open311State> = {
  windowStart: null,
  highWater: null,
  seenAtHighWater: [],
  updatesStart: null,
  updatesUnsupported: false,
  spanMs: null,
  quirks: NO_QUIRKS,
};

/**
 * open311.configure: a partial update. Only the fields given change; a new endpoint or
 * jurisdiction restarts the cursor (and forgets the old server's failures and quirks); every
 * change bumps the generation so a pull in flight writes nothing more. Audited.
 */
export function configureOpen311(
  db: WritableDb,
  input: ProcParsedInput<'open311.configure'>,
  actor: string,
  at: number,
): void {
  const { apiKey, ...given } = input;
  // Only the fields sent: a form that shows some settings must not reset the others.
  const patch = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  db.transaction(() => {
    const before = readOpen311Settings(db);
    const next = Open311SettingsSchema.parse({ ...before, ...patch });
    writeOpen311Settings(db, next, apiKey);
    // Another server (or jurisdiction) starts from its own beginning, with its own failures.
    const moved = next.endpoint !== before.endpoint || next.jurisdictionId !== before.jurisdictionId;
    const st = readOpen311State(db);
    writeOpen311State(db, {
      // A pull in flight started under the old settings: it writes nothing from now on.
      generation: st.generation + 1,
      kick: next.enabled,
      nextPullAt: null,
      servicesCheckedAt: null,
      failures: 0,
      waiting: null,
      lastError: null,
      ...(moved ? CURSOR_RESET : {}),
    });
    insertAudit(db, {
      at,
      actor,
      action: 'open311.configure',
      orderId: null,
      detail: JSON.stringify({
        changed: Object.keys(patch),
        endpoint: next.endpoint,
        enabled: next.enabled,
        apiKeyChanged: apiKey !== undefined,
        cursorReset: moved,
      }),
    });
  })();
}

/** open311.resetCursor: the pull starts again from `since` (given, or the stored setting). Audited. */
export function resetOpen311Cursor(
  db: WritableDb,
  since: number | null | undefined,
  actor: string,
  at: number,
): void {
  db.transaction(() => {
    const settings = readOpen311Settings(db);
    if (since !== undefined) writeOpen311Settings(db, { ...settings, since });
    const st = readOpen311State(db);
    writeOpen311State(db, {
      ...CURSOR_RESET,
      generation: st.generation + 1,
      kick: settings.enabled,
      nextPullAt: null,
      failures: 0,
      waiting: null,
      lastError: null,
    });
    insertAudit(db, {
      at,
      actor,
      action: 'open311.resetCursor',
      orderId: null,
      detail: JSON.stringify({
        since: since !== undefined ? since : settings.since,
        windowStartBefore: st.windowStart,
      }),
    });
  })();
}

export function register(registry: HandlerRegistry): void {
  registry.register('open311.settings', (_input, _call, env) => _settingsView(env.db));
  registry.register('open311.configure', (input, call, env, tools) => {
    configureOpen311(env.db, input, call.actor, env.now());
    tools.hint({ topic: 'sync.changed' });
    return _settingsView(env.db);
  });
  registry.register('open311.status', (_input, _call, env) => _status(env.db));
  registry.register('open311.pullNow', (_input, _call, env, tools) => {
    writeOpen311State(env.db, { kick: true });
    tools.hint({ topic: 'sync.changed' });
    return _status(env.db);
  });
  registry.register('open311.resetCursor', (input, call, env, tools) => {
    resetOpen311Cursor(env.db, input.since, call.actor, env.now());
    tools.hint({ topic: 'sync.changed' });
    return _status(env.db);
  });
}
