/**
 * 城市部件 on the map (issue 14 item 5): the layer's box query returns exactly the demo assets in
 * the box with the count of open orders naming each; the card gives kind, code, place, categories
 * and the open orders (同一部件), masked for a viewer or a wall; bad boxes and unknown codes are
 * refused in Chinese and nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { generateReference } from '../../../electron/core/features/demo';
import { demoAssets } from '../../../electron/core/features/demo/generator/assets';
import { demoCoreForFile } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'committee-1' } as const;
const NOW = Date.UTC(2026, 5, 1, 4);
const ASSETS = demoAssets(generateReference(1));
const demo = demoCoreForFile(2, NOW);

/** A box of ±d degrees around an asset. */
const around = (a: { lng: number; lat: number }, d: number) => ({
  minLng: a.lng - d,
  minLat: a.lat - d,
  maxLng: a.lng + d,
  maxLat: a.lat + d,
});

describe('assets.inBox (the map layer)', () => {
  it('returns exactly the assets inside the box, for a viewer too', async () => {
    const light = ASSETS.find((x) => x.kind === 'streetlight')!;
    const box = around(light, 0.004);
    const inside = ASSETS.filter(
      (a) => a.lng >= box.minLng && a.lng <= box.maxLng && a.lat >= box.minLat && a.lat <= box.maxLat,
    );
    expect(inside.length).toBeGreaterThan(5);
    const r = await demo.core.call('assets.inBox', box, viewer);
    expect(r.truncated).toBe(false);
    expect(r.assets.map((a) => a.code).sort()).toEqual(inside.map((a) => a.code).sort());
    const card = await demo.core.call('assets.card', { code: light.code }, officer);
    expect(r.assets.find((a) => a.code === light.code)).toMatchObject({
      kind: 'streetlight',
      name: light.name,
      open: card.openTotal,
    });
  });

  it('caps the answer at the limit and says so', async () => {
    const a = ASSETS[0]!;
    const r = await demo.core.call('assets.inBox', { ...around(a, 0.01), limit: 3 }, viewer);
    expect(r.assets).toHaveLength(3);
    expect(r.truncated).toBe(true);
  });

  it('refuses a box too big or upside down with a Chinese sentence', async () => {
    const a = ASSETS[0]!;
    await expect(demo.core.call('assets.inBox', around(a, 0.2), viewer)).rejects.toMatchObject({
      reason: 'invalid_input',
      message: expect.stringContaining('范围过大'),
    });
    await expect(
      demo.core.call(
        'assets.inBox',
        { minLng: a.lng, minLat: a.lat, maxLng: a.lng - 0.001, maxLat: a.lat + 0.001 },
        viewer,
      ),
    ).rejects.toMatchObject({ reason: 'invalid_input', message: expect.stringContaining('范围不正确') });
    await expect(
      demo.core.call(
        'assets.inBox',
        { minLng: 'x' as unknown as number, minLat: a.lat, maxLng: a.lng, maxLat: a.lat },
        viewer,
      ),
    ).rejects.toMatchObject({ reason: 'invalid_input', field: 'minLng' });
    await expect(
      demo.core.call('assets.inBox', around(a, 0.001), { role: null, actor: 'x' }),
    ).rejects.toMatchObject({
      reason: 'login_required',
    });
  });
});

describe('assets.card and the open count (同一部件)', () => {
  it('counts and lists the open orders naming the asset; a viewer sees the title masked', async () => {
    const bin = ASSETS.find((x) => x.kind === 'trash_bin' && x.code.endsWith('0002'))!;
    const snap = await demo.core.call('reference.snapshot', {}, officer);
    const leaf = snap.categories.find((c) => c.name === '垃圾桶满溢')!.code;
    const before = await demo.core.call('assets.card', { code: bin.code }, officer);
    expect(before).toMatchObject({ asset: { code: bin.code, kind: 'trash_bin', name: bin.name } });
    expect(before.communityName).not.toBeNull();
    expect(before.communityName).toBe(
      snap.communities.find((c) => c.code === before.asset.communityCode)?.name,
    );
    expect(before.gridName).toBe(snap.grids.find((g) => g.code === before.asset.gridCode)?.name);
    expect(before.categoryCodes).toEqual([leaf]);

    for (const [i, suffix] of [
      [1, ''],
      [2, ''],
      [3, '9'], // another asset whose code starts alike: not this one
    ] as const)
      await demo.core.call(
        'orders.create',
        {
          orderId: `asset-map-${i}`,
          order: {
            source: 'grid',
            appealType: 'report',
            categoryCode: leaf,
            urgency: i === 1 ? 'P1' : 'P2',
            title: `垃圾箱满了没人清 联系13912345678 (${i})`,
            address: `${bin.name}（${bin.code}${suffix}）`,
            lng: bin.lng,
            lat: bin.lat,
            citizen: { name: '王小明', phone: '13912345678' },
          },
        },
        officer,
      );

    const inBox = await demo.core.call('assets.inBox', around(bin, 0.002), viewer);
    expect(inBox.assets.find((a) => a.code === bin.code)?.open).toBe(before.openTotal + 2);

    const card = await demo.core.call('assets.card', { code: bin.code }, officer);
    expect(card.openTotal).toBe(before.openTotal + 2);
    const mine = card.orders.filter((o) => o.orderId.startsWith('asset-map-')).map((o) => o.orderId);
    expect(mine.sort()).toEqual(['asset-map-1', 'asset-map-2']);
    expect(card.orders.find((o) => o.orderId === 'asset-map-1')).toMatchObject({
      urgency: 'P1',
      status: 'received',
      overdue: false,
      title: expect.stringContaining('13912345678'),
    });

    const masked = await demo.core.call('assets.card', { code: bin.code }, viewer);
    const wall = await demo.core.call('assets.card', { code: bin.code }, { ...officer, masked: true });
    for (const view of [masked, wall]) {
      const titles = view.orders.filter((o) => o.orderId.startsWith('asset-map-')).map((o) => o.title);
      expect(titles).toHaveLength(2);
      for (const title of titles) {
        expect(title).toContain('垃圾箱满了没人清');
        expect(title).not.toContain('13912345678');
      }
    }
  });

  it('refuses an unknown or malformed code without changing anything', async () => {
    await expect(demo.core.call('assets.card', { code: 'NO-SUCH-1' }, viewer)).rejects.toMatchObject({
      reason: 'asset_not_found',
      code: 'not_found',
      message: '城市部件不存在: NO-SUCH-1',
    });
    await expect(demo.core.call('assets.card', { code: '<script>' }, viewer)).rejects.toMatchObject({
      reason: 'invalid_input',
      message: expect.stringContaining('部件编号格式不正确'),
    });
  });
});
