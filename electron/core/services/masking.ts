/** Personal data leaves the core masked unless the caller's role needs it. */
import { roleAtLeast, type Role } from '../../../shared/contract';
import { maskName, maskPhone } from '../../../shared/domain/masking';
import type { Citizen, WorkOrder } from '../../../shared/domain/order';
import type { OrderEvent } from '../../../shared/domain/order-events';

export function mayseePersonalData(role: Role): boolean {
  return roleAtLeast(role, 'officer');
}

function _maskCitizen(c: Citizen | null): Citizen | null {
  return c ? { name: maskName(c.name), phone: maskPhone(c.phone) } : null;
}

export function maskOrder(order: WorkOrder, role: Role): WorkOrder {
  if (mayseePersonalData(role)) return order;
  return { ...order, citizen: _maskCitizen(order.citizen) };
}

export function maskEvent(e: OrderEvent, role: Role): OrderEvent {
  if (mayseePersonalData(role) || e.type !== 'created') return e;
  return { ...e, payload: { ...e.payload, citizen: _maskCitizen(e.payload.citizen) } };
}
