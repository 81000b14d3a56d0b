/**
 * The sync.* handlers (shared/features/sync/contract.ts): state of the link, the 冲突 list and its
 * resolution, the quarantine of bad upstream input, and the hub settings. The engine itself
 * runs in electron/core/adapters/sync; handlers reach it through env.sync.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import type { ConflictRow, SyncSettings, SyncStatus } from '../../../../shared/features/sync/contract';
import { decodeHlc } from '../../../../shared/kernel/hlc';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { insertAudit } from '../../store/audit';
import { nextLocalHlc } from '../../store/meta';
import { outboxPending } from '../../store/event-log/outbox';
import { appendOrderEvents, getEvent } from '../../store/event-log/events';
import { getConflict, listConflicts, markConflictResolved, openConflictCount, readCursor } from './queries';
import { dismissQuarantine, getQuarantine, listQuarantine, quarantineOpenCount } from './queries-quarantine';
import type { ReadEnv, WriteEnv } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';

/** Without an engine (a host that runs none) the state is 'off' and the counts still true. */
function _offStatus(env: ReadEnv): SyncStatus {
  return {
    state: 'off',
    outboxPending: outboxPending(env.db),
    lastSuccessAt: null,
    offlineSince: null,
    lastError: null,
    nextAttemptAt: null,
    hubUrl: null,
    cursor: readCursor(env.db),
    openConflicts: openConflictCount(env.db),
    quarantined: quarantineOpenCount(env.db),
  };
}

function _noEngine(): never {
  throw new ApiError('sync_off');
}

function _settings(env: WriteEnv): SyncSettings {
  return env.sync ? env.sync.settings() : _noEngine();
}

/**
 * 重新提交 of a refused event: the same action again, as a new local event stamped now, so it
 * applies on top of the order as it is today (and reaches upstream through the outbox).
 */
function _reapply(env: WriteEnv, row: ConflictRow, actor: string): void {
  const e = getEvent(env.db, row.eventId);
  if (!e) throw new ApiError('record_not_found', { params: { id: row.eventId } });
  if (e.type === 'created') throw ApiError.why('lifecycle_refused', '受理事件不能重新提交，请新建工单');
  const hlc = nextLocalHlc(env.db, env.node, env.now());
  const again = {
    ...e,
    id: randomUUID(),
    hlc,
    at: decodeHlc(hlc).physical,
    actor,
    node: env.node,
  } as OrderEvent;
  const res = appendOrderEvents(env.db, [again], { source: 'local', now: env.now() });
  const refused = res.rejected[0];
  if (refused) throw ApiError.why('lifecycle_refused', `重新提交仍被拒绝：${refused.reason}`);
}

export function register(registry: HandlerRegistry): void {
  registry.register('sync.status', (_i, _c, env) => (env.sync ? env.sync.status() : _offStatus(env)));
  registry.register('sync.conflicts', (input, _c, env) => listConflicts(env.db, input));
  registry.register('sync.resolveConflict', (input, call, env, tools) => {
    const db = env.db;
    const out = db.transaction((): ConflictRow => {
      const row = getConflict(db, input.id);
      if (!row) throw new ApiError('record_not_found', { params: { id: String(input.id) }, field: 'id' });
      if (row.resolvedAt !== null) throw new ApiError('already_handled');
      if (input.resolution === 'reapply') _reapply(env, row, call.actor);
      const at = env.now();
      markConflictResolved(db, row.id, {
        resolution: input.resolution,
        by: call.actor,
        at,
        note: input.note ?? null,
      });
      insertAudit(db, {
        at,
        actor: call.actor,
        action: 'sync.resolveConflict',
        orderId: row.orderId,
        eventId: row.eventId,
        detail: input.resolution,
      });
      return getConflict(db, row.id) as ConflictRow;
    })();
    tools.hint({ topic: 'sync.changed' });
    if (input.resolution === 'reapply') tools.hint({ topic: 'orders.changed', orderIds: [out.orderId] });
    return out;
  });
  registry.register('sync.quarantine', (input, _c, env) => listQuarantine(env.db, input));
  registry.register('sync.dismissQuarantine', (input, call, env, tools) => {
    const row = env.db.transaction(() => {
      const q = getQuarantine(env.db, input.id);
      if (!q) throw new ApiError('record_not_found', { params: { id: String(input.id) }, field: 'id' });
      if (q.dismissedAt === null) dismissQuarantine(env.db, input.id, call.actor, env.now());
      return getQuarantine(env.db, input.id);
    })();
    tools.hint({ topic: 'sync.changed' });
    return row as NonNullable<typeof row>;
  });
  registry.register('sync.settings', (_i, _c, env) => _settings(env));
  registry.register('sync.configure', (input, call, env, tools) => {
    if (!env.sync) _noEngine();
    const out = env.sync.configure({
      hubUrl: input.hubUrl,
      ...(input.token !== undefined ? { token: input.token } : {}),
      enabled: input.enabled,
    });
    insertAudit(env.db, {
      at: env.now(),
      actor: call.actor,
      action: 'sync.configure',
      detail: `${input.hubUrl ?? '(none)'} ${input.enabled ? 'enabled' : 'disabled'}`,
    });
    tools.hint({ topic: 'sync.changed' });
    return out;
  });
  registry.register('sync.retryNow', (_i, _c, env) => (env.sync ? env.sync.retryNow() : _offStatus(env)));
  registry.register('sync.networkBack', (_i, _c, env) =>
    env.sync ? env.sync.networkBack() : _offStatus(env),
  );
}
