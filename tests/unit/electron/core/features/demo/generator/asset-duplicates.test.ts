/**
 * The demo's known duplicates on 部件 (模拟数据): pairs on an asset — the first names it in its
 * address at the asset's point, the second reads its number in the caller's words, placed near or
 * far, and is merged into the first while it is open. Valid events, deterministic.
 */
import { describe, expect, it } from 'vitest';
import { generateOrderEvents } from '../../../../../../../electron/core/features/demo/generator/orders';
import { generateReference } from '../../../../../../../electron/core/features/demo/generator/reference';
import { demoAssets } from '../../../../../../../electron/core/features/demo/generator/assets';
import {
  isAssetPairSecond,
  withAssetDuplicates,
} from '../../../../../../../electron/core/features/demo/generator/asset-duplicates';
import {
  OrderEventSchema,
  type OrderEvent,
  type OrderEventOf,
} from '../../../../../../../shared/features/orders/order-events';
import { reduceOrder } from '../../../../../../../shared/features/orders/order-reducer';
import { OPEN_STATUSES } from '../../../../../../../shared/features/orders/order';

const ref = generateReference(1);
const opts = { seed: 1, days: 120, anchor: Date.UTC(2026, 5, 1, 4), node: 'hall' } as const;
const run = (): OrderEvent[][] => [...withAssetDuplicates(generateOrderEvents(ref, opts), ref, opts)];

describe('withAssetDuplicates', () => {
  it('adds pairs on assets, each second merged into its first while it is open', () => {
    const all = run();
    const byId = new Map(all.map((evs) => [evs[0]!.orderId, evs]));
    const assets = new Map(demoAssets(ref).map((a) => [a.code, a]));
    const seconds = all.filter((evs) => isAssetPairSecond(evs[0]!.orderId));
    expect(seconds.length).toBeGreaterThanOrEqual(10);
    const distances: number[] = [];
    let otherCategory = 0;
    for (const evs of seconds) {
      for (const e of evs) expect(OrderEventSchema.safeParse(e).success).toBe(true);
      const created = evs[0] as OrderEventOf<'created'>;
      const merged = evs[1] as OrderEventOf<'merged'>;
      expect(merged.type).toBe('merged');
      const first = byId.get(merged.payload.intoOrderId)!;
      const fc = first[0] as OrderEventOf<'created'>;
      const code = /（(.+)）$/.exec(fc.payload.address)![1]!;
      const asset = assets.get(code)!;
      expect(asset).toBeDefined();
      expect([fc.payload.lng, fc.payload.lat]).toEqual([asset.lng, asset.lat]);
      // The caller reads the number; the platform placed them somewhere near.
      expect(created.payload.description).toContain(code);
      expect(created.payload.address).not.toContain(code);
      distances.push(
        Math.hypot(
          (created.payload.lng! - asset.lng) * 111_320 * Math.cos((asset.lat * Math.PI) / 180),
          (created.payload.lat! - asset.lat) * 111_320,
        ),
      );
      if (created.payload.categoryCode !== fc.payload.categoryCode) otherCategory++;
      // The first is still open when the second is merged into it.
      const before = first.filter((e) => e.at <= merged.at);
      expect(OPEN_STATUSES).toContain(reduceOrder(before)!.status);
      expect(created.at).toBeGreaterThan(fc.at);
    }
    expect(Math.max(...distances)).toBeGreaterThan(150);
    expect(Math.min(...distances)).toBeLessThan(30);
    expect(otherCategory).toBeGreaterThan(0);
  });

  it('is deterministic and leaves the generated orders as they were', () => {
    const a = run();
    expect(run()).toEqual(a);
    const plain = [...generateOrderEvents(ref, opts)];
    const ids = new Set(plain.map((evs) => evs[0]!.orderId));
    expect(a.filter((evs) => ids.has(evs[0]!.orderId))).toEqual(plain);
  });
});
