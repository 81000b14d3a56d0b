import { describe, expect, it } from 'vitest';
import {
  decodeOrder,
  encodeOrderJson,
  type OrderRow,
} from '../../../electron/core/store/event-log/order-codec';
import { reduceOrder } from '../../../shared/features/orders/order-reducer';
import type { WorkOrder } from '../../../shared/features/orders/order';
import { closedHistory } from './fixtures';

/** The row the store would write for an order (columns + JSON). */
function row(o: WorkOrder): OrderRow {
  return {
    id: o.id,
    version: o.version,
    last_hlc: o.lastHlc,
    status: o.status,
    urgency: o.urgency,
    source: o.source,
    category_code: o.categoryCode,
    community_code: o.communityCode,
    grid_code: o.gridCode,
    unit_id: o.unitId,
    title: o.title,
    address: o.address,
    received_at: o.receivedAt,
    json: encodeOrderJson(o),
  };
}

describe('stored order JSON', () => {
  const order = reduceOrder(closedHistory('o1', Date.UTC(2026, 2, 2))) as WorkOrder;

  it('leaves out column fields and fields at their created-time defaults, and decodes to the same order', () => {
    const json = JSON.parse(encodeOrderJson(order)) as Record<string, unknown>;
    for (const k of [
      'id',
      'title',
      'address',
      'status',
      'receivedAt',
      'returnCount',
      'whistle',
      'mergedInto',
    ]) {
      expect(json).not.toHaveProperty(k);
    }
    expect(json).toHaveProperty('description', order.description);
    expect(json).toHaveProperty('closedAt', order.closedAt);
    expect(decodeOrder(row(order))).toEqual(order);
  });

  it('does not depend on the key order of the object, and keeps fields it does not know', () => {
    const shuffled = Object.fromEntries(Object.entries(order).reverse()) as unknown as WorkOrder;
    expect(encodeOrderJson(shuffled)).toBe(encodeOrderJson(order));
    const extended = { ...order, zNewField: 0, aNewField: [] } as unknown as WorkOrder;
    expect(decodeOrder(row(extended))).toEqual(extended);
  });

  it('keeps non-default values of defaulted fields (0 vs 1, [] vs [x], null vs value)', () => {
    const busy = {
      ...order,
      returnCount: 2,
      coUnitIds: ['u-x'],
      mergedInto: 'o9',
      extensionPending: true,
    } as WorkOrder;
    expect(decodeOrder(row(busy))).toEqual(busy);
  });
});
