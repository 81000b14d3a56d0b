/** A unit account's scope (issue 15, docs/UNIT-ACCOUNTS.md): the orders its unit is on. */
import type { WorkOrder } from '../../../../shared/features/orders/order';

/** The units an order involves: its 主办, its 协办 and the units a 吹哨 summoned. */
export function orderInvolvesUnit(order: WorkOrder, unitId: string): boolean {
  return (
    order.unitId === unitId ||
    order.coUnitIds.includes(unitId) ||
    order.whistle.some((s) => s.unitId === unitId)
  );
}
