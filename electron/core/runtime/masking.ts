/**
 * Personal data leaves the core masked unless the caller's role needs it and no wall shows it:
 * the citizen's name and phone; any phone or ID number typed into free text, in whatever form
 * (shared/kernel/masking.ts normalises width, separators, invisible characters, Chinese
 * numerals); and the order's own citizen name wherever it was typed (a title, a note).
 *
 * The gate gives every caller a `citizenName` lookup (orderId → the citizen's name) so a list
 * row or an event, which carry no citizen, can still have that name masked in their texts.
 */
import { roleAtLeast, type OrderListPage, type Role } from '../../../shared/contract/index';
import { maskAddress, maskName, maskPersonalIn, maskPhone } from '../../../shared/kernel/masking';
import type { Citizen, WorkOrder } from '../../../shared/features/orders/order';
import type { OrderEvent } from '../../../shared/features/orders/order-events';

/** The citizen's name of an order (unmasked), or null; set by the gate for each call. */
export type CitizenNameLookup = (orderId: string) => string | null;

/** The 主办 unit of an order, or null; set by the gate for each call (unit accounts). */
export type OrderUnitLookup = (orderId: string) => string | null;

/**
 * A role alone, or a caller: a wall-mode call (`masked`) is treated like a viewer. A unit account
 * (`unitId`, issue 15) sees a citizen's name and phone only on the orders its unit is the 主办 of:
 * as a 协办 or a summoned unit it sees the facts with the citizen masked, and everywhere else
 * (the wall, the map, lists without an order) it is masked like a viewer.
 */
export type MaskSubject =
  | Role
  | {
      readonly role: Role | null;
      readonly masked?: boolean;
      readonly citizenName?: CitizenNameLookup;
      readonly unitId?: string | null;
      readonly orderUnit?: OrderUnitLookup;
      /** A member account (党员接单): masked like a 协办 unit on every order. */
      readonly memberId?: string | null;
    };

/**
 * May the caller see personal data — in general, or on one order (`orderId`; `orderUnitId` when
 * the caller already has the order's 主办 at hand)? A unit account only on its own 主办 orders.
 */
export function mayseePersonalData(
  who: MaskSubject,
  orderId?: string | null,
  orderUnitId?: string | null,
): boolean {
  if (typeof who === 'string') return roleAtLeast(who, 'officer');
  if (who.masked || who.role === null) return false;
  if (!roleAtLeast(who.role, 'officer')) return false;
  if (who.memberId) return false;
  if (!who.unitId) return true;
  if (!orderId) return false;
  let main = orderUnitId;
  if (main === undefined) {
    try {
      main = who.orderUnit?.(orderId) ?? null;
    } catch {
      main = null;
    }
  }
  return main === who.unitId;
}

function _nameOf(who: MaskSubject, orderId: string): string | null {
  if (typeof who === 'string' || !who.citizenName) return null;
  try {
    return who.citizenName(orderId);
  } catch {
    return null;
  }
}

/** An address as a wall may show it: road or estate, not the door; the citizen's name masked too. */
function _address(text: string, names: readonly (string | null)[]): string {
  return maskPersonalIn(maskAddress(text), names);
}

/** Free text as a caller without personal-data rights sees it (numbers and the order's citizen). */
export function maskTextFor(who: MaskSubject, text: string, orderId?: string | null): string {
  if (mayseePersonalData(who, orderId)) return text;
  return maskPersonalIn(text, orderId ? [_nameOf(who, orderId)] : []);
}

function _maskCitizen(c: Citizen | null): Citizen | null {
  return c ? { name: maskName(c.name), phone: maskPhone(c.phone) } : null;
}

/** Keys whose values are identifiers or hashes, never free text: they are left as they are. */
const ID_KEY = /(^id$|Ids?$|Code$|^code$|^photos$|^hlc$|^node$|^type$|^actor$)/;

/** Every string under `value` (objects and arrays, not identifiers) masked. */
function _deepMask(value: unknown, names: readonly (string | null)[], key = ''): unknown {
  if (typeof value === 'string') {
    if (ID_KEY.test(key)) return value;
    return key === 'address' ? _address(value, names) : maskPersonalIn(value, names);
  }
  if (Array.isArray(value)) return ID_KEY.test(key) ? value : value.map((v) => _deepMask(v, names, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = _deepMask(v, names, k);
    return out;
  }
  return value;
}

export function maskOrder(order: WorkOrder, who: MaskSubject): WorkOrder {
  if (mayseePersonalData(who, order.id, order.unitId)) return order;
  const names = [order.citizen?.name ?? null, _nameOf(who, order.id)];
  return {
    ...order,
    title: maskPersonalIn(order.title, names),
    description: maskPersonalIn(order.description, names),
    address: _address(order.address, names),
    citizen: _maskCitizen(order.citizen),
  };
}

export function maskEvent(e: OrderEvent, who: MaskSubject): OrderEvent {
  if (mayseePersonalData(who, e.orderId)) return e;
  const own = e.type === 'created' ? (e.payload.citizen?.name ?? null) : null;
  const names = [own, _nameOf(who, e.orderId)];
  const payload = _deepMask(e.payload, names) as Record<string, unknown>;
  if (e.type === 'created') payload.citizen = _maskCitizen(e.payload.citizen);
  return { ...e, payload } as OrderEvent;
}

/** orders.list rows carry no citizen; their texts are masked, the order's citizen name included. */
export function maskListPage(page: OrderListPage, who: MaskSubject): OrderListPage {
  if (mayseePersonalData(who)) return page;
  return {
    ...page,
    rows: page.rows.map((r) => {
      if (mayseePersonalData(who, r.id, r.unitId)) return r;
      const names = [_nameOf(who, r.id)];
      return { ...r, title: maskPersonalIn(r.title, names), address: _address(r.address, names) };
    }),
  };
}

/** Free-text fields of an answer's objects that belong to one order (`orderId`). */
const ORDER_TEXT_KEYS = new Set(['title', 'description', 'address', 'note', 'reason', 'result']);

/**
 * The gate's safety net for callers without personal-data rights: in any object of a query's
 * answer that names its order (`orderId`), the free-text fields are masked again with that
 * order's citizen name and every number form — so a feed line or an alarm can never show the
 * citizen even where its handler masked only phone numbers.
 */
export function maskOrderTextsDeep<T>(value: T, who: MaskSubject): T {
  if (mayseePersonalData(who)) return value;
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 6 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      if (v.length === 0 || typeof v[0] !== 'object') return v;
      return v.map((x) => walk(x, depth + 1));
    }
    const o = v as Record<string, unknown>;
    const orderId = typeof o.orderId === 'string' ? o.orderId : null;
    let out: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(o)) {
      let y: unknown = x;
      if (orderId && typeof x === 'string' && ORDER_TEXT_KEYS.has(k) && !mayseePersonalData(who, orderId))
        y = k === 'address' ? _address(x, [_nameOf(who, orderId)]) : maskTextFor(who, x, orderId);
      else if (x !== null && typeof x === 'object') y = walk(x, depth + 1);
      if (y !== x) {
        out ??= { ...o };
        out[k] = y;
      }
    }
    return out ?? o;
  };
  return walk(value, 0) as T;
}
