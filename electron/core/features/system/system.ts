/** system.info: what the status bar shows; system.backup(s): the admin's online backups. */
import { ApiError } from '../../../../shared/contract/index';
import { insertAudit } from '../../store/audit';
import { storeBytes } from '../../store/db';
import { SCHEMA_VERSION } from '../../store/migrations/index';
import { isDemo } from '../../store/meta';
import { eventCount, orderCount } from '../../store/event-log/events';
import { outboxPending } from '../../store/event-log/outbox';
import type { Handler } from '../../runtime/context';

export const systemInfo: Handler<'system.info'> = (_input, call, env) => ({
  appVersion: env.appVersion,
  schemaVersion: SCHEMA_VERSION,
  node: env.node,
  host: env.host,
  demo: isDemo(env.db),
  storeBytes: storeBytes(env.dataDir),
  orderCount: orderCount(env.db),
  eventCount: eventCount(env.db),
  outboxPending: outboxPending(env.db),
  serverTime: env.now(),
  role: call.role,
});

export const systemBackup: Handler<'system.backup'> = async (_input, call, env) => {
  let res;
  try {
    res = await env.backups.run('manual');
  } catch (err) {
    console.error('[core] backup failed:', err);
    throw new ApiError('internal');
  }
  if (!res) throw new ApiError('internal');
  insertAudit(env.db, {
    at: env.now(),
    actor: call.actor,
    action: 'system.backup',
    detail: JSON.stringify({ name: res.name, bytes: res.bytes, ms: res.ms }),
  });
  return res;
};

export const systemBackups: Handler<'system.backups'> = (_input, _call, env) => env.backups.list();
