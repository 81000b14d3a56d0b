/**
 * 同一部件 inside triage.duplicates (issue 14 items 3 and 5) on a real demo store: an earlier
 * order on the same 部件 is a candidate with the reason same_asset — named in the report's address
 * (the intake's picked asset) or read off the post in the caller's words — even when the caller's
 * point is across the road or further, and an open order on the asset at any age; the demo's known
 * duplicates on assets are found.
 */
import { describe, expect, it } from 'vitest';
import { generateReference } from '../../../electron/core/features/demo';
import { demoAssets } from '../../../electron/core/features/demo/generator/assets';
import { ordersForEval } from '../../../electron/core/features/triage';
import { openDb } from '../../../electron/core/store/db';
import { demoCoreForFile } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const NOW = Date.UTC(2026, 5, 1, 4);
const DAY = 86_400_000;
const demo = demoCoreForFile(90, NOW);

async function leaf(name: string): Promise<string> {
  const snap = await demo.core.call('reference.snapshot', {}, officer);
  return snap.categories.find((c) => c.level === 3 && c.name === name)!.code;
}

/** A street light no demo order names, and a point `m` metres north of it. */
function lightAndPoint(k: number, m: number) {
  const lights = demoAssets(generateReference(1)).filter((a) => a.kind === 'streetlight');
  const light = lights[lights.length - 1 - k]!;
  return { light, away: [light.lng, light.lat + m / 111_320] as [number, number] };
}

describe('triage.duplicates: 同一部件', () => {
  it('finds an order on the same asset from a caller who reads its number, 300 m away, under the other category', async () => {
    const { light, away } = lightAndPoint(0, 300);
    const first = await demo.core.call(
      'orders.create',
      {
        orderId: 'asset-first-1',
        order: {
          source: 'grid',
          appealType: 'report',
          categoryCode: await leaf('路灯不亮'),
          urgency: 'P2',
          title: `${light.name}路灯不亮`,
          address: `${light.name}（${light.code}）`,
          lng: light.lng,
          lat: light.lat,
        },
      },
      officer,
    );
    const probe = {
      point: away,
      text: `路边的灯杆被车撞歪了，杆上编号${light.code}，晚上很危险`,
      categoryCode: await leaf('路灯杆倾斜'),
      receivedAt: NOW + 3_600_000,
    };
    const found = await demo.core.call('triage.duplicates', probe, officer);
    const hit = found.find((c) => c.orderId === first.order.id);
    expect(hit).toBeDefined();
    expect(hit!.reasons).toContain('same_asset');
    expect(hit!.assetCode).toBe(light.code);
    expect(hit!.distanceM).toBeGreaterThan(150);
    // The same words without the number: 300 m is not the same place, nothing on the asset.
    const plain = await demo.core.call(
      'triage.duplicates',
      { ...probe, text: '路边的灯杆被车撞歪了，晚上很危险' },
      officer,
    );
    expect(plain.map((c) => c.orderId)).not.toContain(first.order.id);
    // A number that is no asset's is not taken for one.
    const noAsset = await demo.core.call(
      'triage.duplicates',
      { ...probe, text: `路边的灯杆被车撞歪了，杆上编号${light.code}9` },
      officer,
    );
    expect(noAsset.map((c) => c.orderId)).not.toContain(first.order.id);
  });

  it('at intake, the picked asset in the address finds an open order on it weeks old; a closed-window one elsewhere is not', async () => {
    const { light } = lightAndPoint(1, 0);
    const code = await leaf('路灯不亮');
    const onAsset = await demo.core.call(
      'orders.create',
      {
        orderId: 'asset-old-open',
        order: {
          source: 'grid',
          appealType: 'report',
          categoryCode: code,
          urgency: 'P2',
          title: '路灯不亮',
          address: `${light.name}（${light.code}）`,
          lng: light.lng,
          lat: light.lat,
        },
      },
      officer,
    );
    // The same spot and category, but not naming the asset.
    await demo.core.call(
      'orders.create',
      {
        orderId: 'asset-old-spot',
        order: {
          source: 'grid',
          appealType: 'report',
          categoryCode: code,
          urgency: 'P2',
          title: '路灯不亮',
          address: `${light.road ?? ''}路边`,
          lng: light.lng,
          lat: light.lat,
        },
      },
      officer,
    );
    const intake = {
      point: [light.lng, light.lat] as [number, number],
      address: `${light.name}（${light.code}）`,
      text: '这盏灯还是不亮',
      categoryCode: code,
      receivedAt: NOW + 20 * DAY,
    };
    const found = await demo.core.call('triage.duplicates', intake, officer);
    const ids = found.map((c) => c.orderId);
    expect(ids).toContain(onAsset.order.id);
    expect(ids).not.toContain('asset-old-spot');
    const hit = found.find((c) => c.orderId === onAsset.order.id)!;
    expect(hit.reasons).toEqual(expect.arrayContaining(['same_asset', 'same_category']));
    expect(hit.reasons).not.toContain('recent');
    expect(hit.open).toBe(true);
    // The asset given by code does the same.
    const byCode = await demo.core.call(
      'triage.duplicates',
      { ...intake, address: '路边', assetCode: light.code },
      officer,
    );
    expect(byCode.map((c) => c.orderId)).toContain(onAsset.order.id);
  });

  it('finds the demo’s known duplicates on assets, with the reason 同一部件', async () => {
    const db = openDb(demo.dir);
    const rows = (() => {
      try {
        return ordersForEval(db);
      } finally {
        db.close();
      }
    })();
    const seconds = rows.filter((r) => r.id.endsWith('AR') && r.mergedInto);
    expect(seconds.length).toBeGreaterThanOrEqual(5);
    let found = 0;
    let far = 0;
    for (const s of seconds) {
      const c = await demo.core.call(
        'triage.duplicates',
        {
          point: [s.lng!, s.lat!],
          text: `${s.title} ${s.description}`,
          address: s.address,
          categoryCode: s.categoryCode,
          receivedAt: s.receivedAt,
          excludeOrderId: s.id,
        },
        officer,
      );
      const hit = c.find((x) => x.orderId === s.mergedInto);
      if (!hit) continue;
      found++;
      expect(hit.reasons).toContain('same_asset');
      if ((hit.distanceM ?? 0) > 150) far++;
    }
    expect(found / seconds.length).toBeGreaterThan(0.9);
    // Some callers were placed beyond 150 m: only the asset tells those apart.
    expect(far).toBeGreaterThan(0);
  });
});
