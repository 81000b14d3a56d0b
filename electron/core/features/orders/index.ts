/** orders.*: the list, the detail, intake, every lifecycle action, dispatch recommendation. */
import type { HandlerRegistry } from '../../runtime/registry';
import { ordersAct, ordersCreate, ordersGet, ordersList } from './orders';
import { ordersRecommend } from './recommend';

export function register(registry: HandlerRegistry): void {
  registry
    .register('orders.list', ordersList)
    .register('orders.get', ordersGet)
    .register('orders.create', ordersCreate)
    .register('orders.act', ordersAct)
    .register('orders.recommend', ordersRecommend);
}
