/** orders.queues: the desk's work queues with their counts now. */
import type { Handler } from '../../runtime/context';
import { queueCounts } from './queries-queues';

export const ordersQueues: Handler<'orders.queues'> = (_input, _call, env) => {
  const at = env.now();
  return { counts: queueCounts(env.db, at), at };
};
