/**
 * Personal data leaves the core masked unless the caller's role needs it and no wall shows it:
 * the citizen's name and phone, and any phone number typed into free text (title, description,
 * address, notes).
 */
import { roleAtLeast, type OrderListPage, type Role } from '../../../shared/contract/index';
import { maskName, maskPhone, maskPhonesIn } from '../../../shared/kernel/masking';
import type { Citizen, WorkOrder } from '../../../shared/features/orders/order';
import type { OrderEvent } from '../../../shared/features/orders/order-events';

/** A role alone, or a caller: a wall-mode call (`masked`) is treated like a viewer. */
export type MaskSubject = Role | { readonly role: Role | null; readonly masked?: boolean };

export function mayseePersonalData(who: MaskSubject): boolean {
  if (typeof who === 'string') return roleAtLeast(who, 'officer');
  if (who.masked || who.role === null) return false;
  return roleAtLeast(who.role, 'officer');
}

function _maskCitizen(c: Citizen | null): Citizen | null {
  return c ? { name: maskName(c.name), phone: maskPhone(c.phone) } : null;
}

export function maskOrder(order: WorkOrder, who: MaskSubject): WorkOrder {
  if (mayseePersonalData(who)) return order;
  return {
    ...order,
    title: maskPhonesIn(order.title),
    description: maskPhonesIn(order.description),
    address: maskPhonesIn(order.address),
    citizen: _maskCitizen(order.citizen),
  };
}

/** Every top-level string of a payload with its phone numbers masked (notes, reasons, results). */
function _maskTexts<P extends object>(payload: P): P {
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) if (typeof v === 'string') out[k] = maskPhonesIn(v);
  return out as P;
}

export function maskEvent(e: OrderEvent, who: MaskSubject): OrderEvent {
  if (mayseePersonalData(who)) return e;
  if (e.type === 'created')
    return { ...e, payload: { ..._maskTexts(e.payload), citizen: _maskCitizen(e.payload.citizen) } };
  return { ...e, payload: _maskTexts(e.payload) } as OrderEvent;
}

/** orders.list rows carry no citizen, but a phone number typed into a title or address is masked. */
export function maskListPage(page: OrderListPage, who: MaskSubject): OrderListPage {
  if (mayseePersonalData(who)) return page;
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, title: maskPhonesIn(r.title), address: maskPhonesIn(r.address) })),
  };
}
