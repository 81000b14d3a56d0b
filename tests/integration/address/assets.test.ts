/**
 * 部件 assets on a real demo store: the demo layer (a few thousand along the roads), finding
 * the nearest asset with the categories its kind suggests, and the admins' import from CSV and
 * GeoJSON — a bad row refused with its row and column named and nothing taken, the same file
 * twice adding nothing.
 */
import { describe, expect, it } from 'vitest';
import { generateReference } from '../../../electron/core/features/demo';
import { demoAssets } from '../../../electron/core/features/demo/generator/assets';
import { demoCoreForFile } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const admin = { role: 'admin', actor: 'admin-1' } as const;
const NOW = Date.UTC(2026, 5, 1, 4);
const demo = demoCoreForFile(2, NOW);

describe('the demo asset layer', () => {
  it('has a few thousand assets of every kind along the roads, deterministic', () => {
    const a = demoAssets(generateReference(1));
    expect(a.length).toBeGreaterThan(2000);
    expect(new Set(a.map((x) => x.kind)).size).toBe(8);
    expect(new Set(a.map((x) => x.code)).size).toBe(a.length);
    expect(demoAssets(generateReference(1))).toEqual(a);
  });

  it('finds the nearest asset to a point with the categories its kind suggests (路灯 → 路灯不亮)', async () => {
    const light = demoAssets(generateReference(1)).find((x) => x.kind === 'streetlight')!;
    const hits = await demo.core.call('assets.find', { point: [light.lng, light.lat], radiusM: 30 }, officer);
    expect(hits[0]).toMatchObject({ code: light.code, kind: 'streetlight', distanceM: 0 });
    expect(hits[0]!.communityCode).not.toBeNull();
    const snap = await demo.core.call('reference.snapshot', {}, officer);
    const names = hits[0]!.categoryCodes.map((c) => snap.categories.find((x) => x.code === c)?.name);
    expect(names[0]).toBe('路灯不亮');
    const byCode = await demo.core.call('assets.find', { q: light.code }, officer);
    expect(byCode.map((x) => x.code)).toEqual([light.code]);
  });
});

describe('assets.import', () => {
  const snapPoint = async (): Promise<[number, number]> => {
    const snap = await demo.core.call('reference.snapshot', {}, officer);
    return [snap.communities[0]!.centroid[0], snap.communities[0]!.centroid[1]];
  };

  it('refuses a file with a bad row, naming the row and column, and takes nothing of it', async () => {
    const [lng, lat] = await snapPoint();
    const csv = [
      '编号,类型,名称,经度,纬度,道路',
      `T-JG-1,井盖,测试井盖1,${lng},${lat},劲松中街`,
      `T-JG-2,喷泉,测试喷泉,${lng},${lat},劲松中街`,
      `T-JG-3,路灯,测试路灯,abc,${lat},`,
      `T-JG-1,井盖,重复,${lng},${lat},`,
      `T-JG-5,路灯,远处,${lng + 1},${lat},`,
    ].join('\n');
    const r = await demo.core.call('assets.import', { format: 'csv', text: csv }, admin);
    expect(r.added).toBe(0);
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 2, column: '类型', message: expect.stringContaining('喷泉') }),
      expect.objectContaining({ row: 3, column: '经度', message: '经度不是数字' }),
      expect.objectContaining({ row: 4, column: '编号', message: expect.stringContaining('与第 1 行重复') }),
      expect.objectContaining({
        row: 5,
        column: '经度',
        message: expect.stringContaining('不在本街道范围内'),
      }),
    ]);
    expect(await demo.core.call('assets.find', { q: 'T-JG' }, officer)).toEqual([]);
  });

  it('takes a good CSV and GeoJSON by code: the same file twice adds nothing', async () => {
    const [lng, lat] = await snapPoint();
    const csv = `\uFEFFcode,kind,name,lng,lat\nT-LD-1,路灯,测试路灯1,${lng},${lat}\nT-LD-2,streetlight,测试路灯2,${lng + 0.0002},${lat}\n`;
    expect(await demo.core.call('assets.import', { format: 'csv', text: csv }, admin)).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(await demo.core.call('assets.import', { format: 'csv', text: csv }, admin)).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lng, lat + 0.0001] },
          properties: { code: 'T-LD-1', kind: '路灯', name: '测试路灯1（移位）' },
        },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { code: 'T-X' } },
      ],
    });
    const bad = await demo.core.call('assets.import', { format: 'geojson', text: geo }, admin);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 2, column: '几何' })]);
    const good = JSON.stringify({ type: 'FeatureCollection', features: [JSON.parse(geo).features[0]] });
    expect(await demo.core.call('assets.import', { format: 'geojson', text: good }, admin)).toMatchObject({
      updated: 1,
    });
    expect((await demo.core.call('assets.find', { q: 'T-LD-1' }, officer))[0]!.name).toBe(
      '测试路灯1（移位）',
    );
    await expect(
      demo.core.call('assets.import', { format: 'csv', text: csv }, officer),
    ).rejects.toMatchObject({
      reason: 'role_required',
    });
  });
});

describe('duplicates per asset', () => {
  it('an open order on the same asset is a duplicate candidate (同一部件); an order on another asset is not', async () => {
    const light = demoAssets(generateReference(1)).find(
      (x) => x.kind === 'streetlight' && x.code.endsWith('0003'),
    )!;
    const snap = await demo.core.call('reference.snapshot', {}, officer);
    const leaf = snap.categories.find((c) => c.name === '路灯不亮')!.code;
    const create = async (id: string, code: string) =>
      demo.core.call(
        'orders.create',
        {
          orderId: id,
          order: {
            source: 'grid',
            appealType: 'report',
            categoryCode: leaf,
            urgency: 'P2',
            title: '路灯不亮',
            address: `${light.name}（${code}）`,
            lng: light.lng,
            lat: light.lat,
          },
        },
        officer,
      );
    expect(await demo.core.call('assets.duplicates', { code: light.code }, officer)).toEqual([]);
    await create('asset-dup-1', light.code);
    await create('asset-dup-2', `${light.code}9`); // another asset whose code starts alike
    const d = await demo.core.call('assets.duplicates', { code: light.code }, officer);
    expect(d.map((x) => [x.orderId, x.reason])).toEqual([['asset-dup-1', 'same_asset']]);
    expect(
      await demo.core.call('assets.duplicates', { code: light.code, excludeOrderId: 'asset-dup-1' }, officer),
    ).toEqual([]);
  });
});
