/** Duplicate scoring: place, text, category and time each a reason; far or old is not a duplicate. */
import { describe, expect, it } from 'vitest';
import {
  DUP_WINDOW_MS,
  matchDuplicate,
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
