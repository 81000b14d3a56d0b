/** Duplicate scoring: asset, place, text, category and time each a reason; far or old is not a duplicate. */
import { describe, expect, it } from 'vitest';
import {
  DUP_MIN_SCORE,
  DUP_SAME_ASSET_WEIGHT,
  DUP_WINDOW_MS,
  assetCodeInAddress,
  assetCodeTokens,
  matchDuplicate,
  mentionsAsset,
  metres,
  textSimilarity,
} from '../../../../../shared/features/triage/duplicates';

const T = Date.UTC(2026, 0, 5, 2);
const probe = {
  point: [116.46, 39.9] as const,
  communityCode: 'c1',
  text: '垂杨柳东里1号楼路灯不亮，晚上很黑',
  categoryCode: '07.06.001',
  receivedAt: T,
};
const earlier = {
  id: 'A',
  lng: 116.46005,
  lat: 39.90005,
  communityCode: 'c1',
  text: '垂杨柳东里1号楼路灯不亮',
  categoryCode: '07.06.001',
  receivedAt: T - 3 * 3_600_000,
};

describe('matchDuplicate', () => {
  it('finds the same problem at the same spot hours earlier, with every reason', () => {
    const m = matchDuplicate(probe, earlier);
    expect(m?.reasons).toEqual(['same_spot', 'similar_text', 'same_category', 'recent']);
    expect(m!.distanceM).toBeLessThan(10);
    expect(m!.score).toBeGreaterThan(0.9);
    expect(m!.hoursApart).toBe(3);
  });
  it('is not a duplicate far away, outside the window, or with another problem at the place', () => {
    expect(matchDuplicate(probe, { ...earlier, lng: 116.47 })).toBeNull();
    expect(matchDuplicate(probe, { ...earlier, receivedAt: T - DUP_WINDOW_MS - 1 })).toBeNull();
    expect(
      matchDuplicate(probe, {
        ...earlier,
        text: '小区门禁损坏',
        categoryCode: '01.01.004',
        receivedAt: T - 72 * 3_600_000,
      }),
    ).toBeNull();
  });
  it('without a point, the community stands for the place', () => {
    const m = matchDuplicate({ ...probe, point: null }, earlier);
    expect(m?.reasons).toContain('same_community');
  });
});

describe('helpers', () => {
  it('measures metres and text similarity', () => {
    expect(Math.round(metres([116.46, 39.9], [116.46, 39.901]))).toBe(111);
    expect(textSimilarity('路灯不亮', '路灯不亮了')).toBe(1);
    expect(textSimilarity('路灯不亮', '噪音扰民')).toBe(0);
  });
});

describe('同一部件 (same_asset)', () => {
  const onAsset = {
    ...earlier,
    lng: 116.47, // ~850 m from the probe: the caller's pin is not at the lamp
    address: '劲松中街路灯12号（LD-09-0012）',
    text: '路灯不亮',
    categoryCode: '07.06.002',
    open: true,
  };
  const caller = {
    ...probe,
    assetCode: 'LD-09-0012',
    text: '杆子歪了，编号LD-09-0012',
    categoryCode: '07.07.001',
  };

  it('an earlier order naming the same asset is a duplicate wherever the caller was placed', () => {
    expect(matchDuplicate({ ...caller, assetCode: null }, onAsset)).toBeNull();
    const m = matchDuplicate(caller, onAsset);
    expect(m?.reasons[0]).toBe('same_asset');
    expect(m!.reasons).not.toContain('same_spot');
    expect(m!.distanceM).toBeGreaterThan(800);
    // Alone, the asset reaches the showing score.
    expect(DUP_SAME_ASSET_WEIGHT).toBeGreaterThanOrEqual(DUP_MIN_SCORE);
    expect(matchDuplicate(caller, { ...onAsset, receivedAt: T - 72 * 3_600_000 })?.score).toBe(
      DUP_SAME_ASSET_WEIGHT,
    );
  });
  it('the code in the earlier order’s text counts too; another asset’s code does not', () => {
    expect(
      matchDuplicate(caller, { ...onAsset, address: '劲松中街', text: '灯不亮 编号ld-09-0012。' })?.reasons,
    ).toContain('same_asset');
    expect(matchDuplicate(caller, { ...onAsset, address: '劲松中街路灯120号（LD-09-00120）' })).toBeNull();
  });
  it('an open order on the asset counts at any age; a closed one only within the window', () => {
    const old = { ...onAsset, receivedAt: T - 30 * 24 * 3_600_000 };
    expect(matchDuplicate(caller, old)?.reasons).toEqual(['same_asset']);
    expect(matchDuplicate(caller, { ...old, open: false })).toBeNull();
  });
  it('reads the asset from an address and code-like words from a text', () => {
    expect(assetCodeInAddress('劲松中街路灯12号（LD-09-0012）')).toBe('LD-09-0012');
    expect(assetCodeInAddress('劲松中街25号')).toBeNull();
    expect(assetCodeTokens('杆上编号LD-09-0012，旁边井盖JG-09-0003.')).toEqual(['LD-09-0012', 'JG-09-0003']);
    expect(assetCodeTokens('12345来电，3号楼')).toEqual([]);
    expect(mentionsAsset('编号LD-09-0012。', 'LD-09-0012')).toBe(true);
    expect(mentionsAsset('LD-09-00123', 'LD-09-0012')).toBe(false);
    expect(mentionsAsset('XLD-09-0012', 'LD-09-0012')).toBe(false);
  });
});
