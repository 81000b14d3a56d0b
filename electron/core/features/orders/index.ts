/** orders.*: the list, the detail, intake, every lifecycle action, dispatch recommendation. */
import type { HandlerRegistry } from '../../runtime/registry';
import { ordersAct, ordersCreate, ordersGet, ordersList } from './orders';
import { ordersRecommend } from './recommend';
import { ordersBreakLock, ordersLock, ordersUnlock } from './locks';
import { ordersQueues } from './queues';

export { overdueCount } from './queries-queues';

export function register(registry: HandlerRegistry): void {
  registry
    .register('orders.list', ordersList)
    .register('orders.get', ordersGet)
    .register('orders.create', ordersCreate)
    .register('orders.act', ordersAct)
    .register('orders.recommend', ordersRecommend)
    .register('orders.queues', ordersQueues)
    .register('orders.lock', ordersLock)
    .register('orders.unlock', ordersUnlock)
    .register('orders.breakLock', ordersBreakLock);
}
