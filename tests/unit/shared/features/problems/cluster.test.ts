/**
 * The pure 一类事 clustering: its bigrams are triage's, the place is taken out of the text, the
 * same problem at one building groups across channels while another problem there and the same
 * problem far away do not, and the ranking score and reasons follow the stated rule.
 */
import { describe, expect, it } from 'vitest';
import {
  bigramsOf,
  clusterCandidates,
  matchesSignature,
  problemWords,
  termOf,
  termText,
  type ClusterOrder,
} from '../../../../../shared/features/problems/cluster';
import { features } from '../../../../../shared/features/triage/suggest';
import { figuresOf } from '../../../../../shared/features/problems/problem';
import { addDays } from '../../../../../shared/kernel/calendar';
import { daysBetween } from '../../../../../shared/features/analysis/dates';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
let seq = 0;
function order(p: Partial<ClusterOrder> & { title: string; at: number }): ClusterOrder {
  seq++;
  return {
    id: `O${seq}`,
    receivedAt: p.at,
    source: p.source ?? 'hotline',
    categoryCode: p.categoryCode ?? '01.02.006',
    communityCode: p.communityCode ?? 'C1',
    address: p.address ?? '阳光社区3号楼',
    title: p.title,
    description: p.description ?? `市民来电反映：${p.address ?? '阳光社区3号楼'}${p.title}，希望尽快解决。`,
    lng: p.lng ?? 116.46,
    lat: p.lat ?? 39.9,
    satisfaction: p.satisfaction ?? null,
    reworked: false,
  };
}

describe('一类事 clustering', () => {
  it("uses triage's bigrams, as small integers that read back", () => {
    const text = '电梯ABC故障，3号楼';
    expect(bigramsOf(text).map(termText)).toEqual(features(text).filter((f) => f.length === 2));
    expect(termOf('故障')).toBe(bigramsOf('故障')[0]);
  });

  it('takes the place out of a title', () => {
    expect(problemWords('阳光社区3号楼电梯又坏了', '朝阳路12号阳光社区3号楼')).toBe('电梯又坏了');
    expect(problemWords('电梯运行监测告警：电梯故障停运', '阳光社区3号楼')).toBe('电梯故障停运');
  });

  it('groups one problem at one building across channels; not another problem, not far away', () => {
    const win = { from: T0 + 30 * DAY, to: T0 + 60 * DAY, days: 30, grain: 'spot' as const };
    const orders: ClusterOrder[] = [
      order({ title: '电梯又坏了，故障停运', at: T0 + 31 * DAY, satisfaction: 'unsatisfied' }),
      order({ title: '电梯故障停运', at: T0 + 35 * DAY, source: 'iot' }),
      order({ title: '电梯频繁故障停运', at: T0 + 40 * DAY, source: 'grid' }),
      order({ title: '电梯故障', at: T0 + 45 * DAY }),
      order({ title: '电梯故障停运', at: T0 + 10 * DAY }),
      // Another problem at the same building.
      order({ title: '楼道照明灯不亮', at: T0 + 33 * DAY, categoryCode: '02.01.001' }),
      order({ title: '楼道灯不亮', at: T0 + 36 * DAY, categoryCode: '02.01.001' }),
      // The same problem 2 km away.
      order({ title: '电梯故障停运', at: T0 + 37 * DAY, lng: 116.48, address: '星河社区8号楼' }),
    ];
    const [top, ...rest] = clusterCandidates(orders, win);
    expect(rest).toEqual([]);
    expect(top?.n).toBe(4);
    expect(top?.prev).toBe(1);
    expect(top?.sources.map((s) => s.source).sort()).toEqual(['grid', 'hotline', 'iot']);
    expect(top?.score).toBe(4 + 0.5 * 3 + 2 * 1);
    expect(top?.reasons.map((r) => r.code)).toEqual(['size', 'growth', 'channels', 'unsatisfied', 'spot']);
    // Its signature recognises a later report of the same problem, not another one there.
    const sig = top!.signature;
    expect(matchesSignature(sig, order({ title: '电梯又故障停运', at: T0 + 70 * DAY }))).toBe(true);
    expect(
      matchesSignature(sig, order({ title: '楼道灯不亮', at: T0 + 70 * DAY, categoryCode: '02.01.001' })),
    ).toBe(false);
  });

  it('figures: per-30-day rates before and after, and no change before a week has passed', () => {
    const f = figuresOf(
      ['2026-09-10', '2026-10-01', '2026-11-02', '2026-11-20'],
      '2026-08-03',
      '2026-11-01',
      '2026-11-30',
      daysBetween,
      addDays,
    );
    expect(f.before).toBe(2);
    expect(f.after).toBe(2);
    expect(f.beforePerMonth).toBe(0.7);
    expect(f.afterPerMonth).toBe(2);
    expect(f.changePct).toBe(186);
    expect(f.monthly.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(
      figuresOf(['2026-09-10'], '2026-08-03', '2026-11-01', '2026-11-03', daysBetween, addDays).changePct,
    ).toBeNull();
  });
});
