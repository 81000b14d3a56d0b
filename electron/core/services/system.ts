/** system.info: what the status bar shows. */
import { storeBytes } from '../store/db';
import { SCHEMA_VERSION } from '../store/migrations';
import { isDemo } from '../store/queries/meta';
import { eventCount, orderCount } from '../store/queries/orders';
import { outboxPending } from '../store/queries/outbox';
import type { Handler } from './context';

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
