/** Duplicate scoring: asset, place, text, category and time each a reason; far or old is not a duplicate. */
import { describe, expect, it } from 'vitest';
import {
  DUP_MIN_SCORE,
  DUP_NEAR_M,
  DUP_SAME_ASSET_WEIGHT,
  DUP_WINDOW_MS,
  assetCodeInAddress,
  assetCodeTokens,
  communityReach,
  matchDuplicate,
  mentionsAsset,
  metres,
  nearArea,
  textSimilarity,
  type DuplicateMatch,
  type DuplicateProbe,
  type DuplicateReason,
  type DuplicateSubject,
} from '../../../../../shared/features/triage/duplicates';
import { textRuns } from '../../../../../shared/features/triage/suggest';
import { seededRandom } from '../../../../../shared/kernel/seeded-random';

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

/**
 * The scoring as it was before the lookup was made fast at 1 M orders (textRuns, a Set of
 * bigram strings per compared order, the text compared for every candidate): the oracle that the
 * fast one finds the very same candidates with the very same scores and reasons.
 */
function referenceBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of textRuns(text)) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}
function referenceSimilarity(a: string, b: string): number {
  const fa = referenceBigrams(a);
  const fb = referenceBigrams(b);
  if (fa.size === 0 || fb.size === 0) return 0;
  let shared = 0;
  for (const f of fa) if (fb.has(f)) shared++;
  return shared / Math.min(fa.size, fb.size);
}
function referenceMatch(probe: DuplicateProbe, c: DuplicateSubject): DuplicateMatch | null {
  const hoursApart = (probe.receivedAt - c.receivedAt) / 3_600_000;
  const sameAsset =
    probe.assetCode !== undefined &&
    probe.assetCode !== null &&
    mentionsAsset(`${c.address ?? ''} ${c.text}`, probe.assetCode);
  if (Math.abs(hoursApart) * 3_600_000 > DUP_WINDOW_MS && !(sameAsset && c.open === true)) return null;
  const reasons: DuplicateReason[] = [];
  let score = 0;
  let distanceM: number | null = null;
  if (probe.point && c.lng !== null && c.lat !== null)
    distanceM = Math.round(metres(probe.point, [c.lng, c.lat]));
  if (sameAsset) {
    reasons.push('same_asset');
    score += DUP_SAME_ASSET_WEIGHT;
  } else if (distanceM !== null) {
    if (distanceM <= 30) {
      reasons.push('same_spot');
      score += 0.4;
    } else if (distanceM <= 150) {
      reasons.push('near');
      score += 0.3;
    } else return null;
  }
  if (!reasons.length && probe.communityCode !== null && probe.communityCode === c.communityCode) {
    reasons.push('same_community');
    score += 0.1;
  }
  const sim = Math.round(referenceSimilarity(probe.text, c.text) * 100) / 100;
  if (sim >= 0.3) {
    reasons.push('similar_text');
    score += 0.35 * Math.min(1, sim / 0.6);
  }
  if (probe.categoryCode) {
    if (probe.categoryCode === c.categoryCode) {
      reasons.push('same_category');
      score += 0.3;
    } else if (
      probe.categoryCode.split('.').slice(0, 2).join('.') === c.categoryCode.split('.').slice(0, 2).join('.')
    ) {
      reasons.push('same_class');
      score += 0.15;
    }
  }
  if (Math.abs(hoursApart) <= 48) {
    reasons.push('recent');
    score += 0.05;
  }
  score = Math.round(Math.min(1, score) * 100) / 100;
  if (score < DUP_MIN_SCORE) return null;
  return { score, reasons, distanceM, textSimilarity: sim, hoursApart: Math.round(hoursApart * 10) / 10 };
}

// CJK, compatibility ideographs, ASCII of both cases, digits, punctuation, full-width letters,
// an astral ideograph and a lone surrogate, U+0130 (lower case: i + a combining dot) and U+212A
// KELVIN SIGN (lower case: k) — every way a character can start, continue or end a run.
const PIECES = [
  ...'路灯不亮了噪音扰民井盖破损垃圾堆放楼道漏水暖气不热',
  ...'LDldJGjgAaZz',
  ...'0129',
  ...'，。 、（）-.',
  '\uf900',
  '\ufaff',
  '\uff21',
  '\u{20000}',
  '\ud800',
  '\u0130',
  '\u212a',
  '\u3400',
  '\u9fff',
];

describe('the fast scoring finds what the reference scoring finds', () => {
  const rnd = seededRandom(20261207);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const text = (): string => Array.from({ length: Math.floor(rnd() * 40) }, () => pick(PIECES)).join('');
  const CATS = ['07.06.001', '07.06.002', '07.07.001', '07', '07.06', '07.06.', '01.01.004', ''];

  it('the same text similarity as textRuns’ bigrams, for every kind of character', () => {
    const texts = Array.from({ length: 400 }, text);
    texts.push('路灯不亮', '路灯不亮了', 'İSTANBUL istanbul', 'KELVIN kelvin', '', '。。');
    for (const a of texts.slice(0, 60))
      for (const b of texts) expect(textSimilarity(a, b)).toBe(referenceSimilarity(a, b));
  });

  it('the same candidates, scores and reasons over 20,000 random pairs', () => {
    let shown = 0;
    for (let i = 0; i < 20_000; i++) {
      const base = [116.46, 39.9] as const;
      const away = (): [number, number] => [base[0] + (rnd() - 0.5) * 0.005, base[1] + (rnd() - 0.5) * 0.004];
      const shared = text();
      const probe: DuplicateProbe = {
        point: rnd() < 0.8 ? away() : null,
        communityCode: pick(['c1', 'c2', null]),
        text: rnd() < 0.5 ? shared + text() : text(),
        categoryCode: pick([...CATS, null]),
        receivedAt: T,
        assetCode: pick([null, null, 'LD-09-0012']),
      };
      const placed = rnd() < 0.85 ? away() : null;
      const subject: DuplicateSubject = {
        id: `s${i}`,
        lng: placed ? placed[0] : null,
        lat: placed ? placed[1] : null,
        communityCode: pick(['c1', 'c2', null]),
        text: rnd() < 0.5 ? text() + shared : text(),
        categoryCode: pick(CATS),
        receivedAt: T - Math.round((rnd() - 0.3) * 10 * 24 * 3_600_000),
        address: pick(['劲松中街', '劲松中街路灯12号（LD-09-0012）']),
        open: rnd() < 0.5,
      };
      const want = referenceMatch(probe, subject);
      expect(matchDuplicate(probe, subject)).toEqual(want);
      if (want) shown++;
    }
    // Both outcomes occur often: the comparison is not vacuous.
    expect(shown).toBeGreaterThan(2_000);
    expect(shown).toBeLessThan(18_000);
  });
});

describe('nearArea: the disc the lookup reads holds every point matchDuplicate keeps', () => {
  it('every point within 150 m (rounded) lies in the box and the disc, at any bearing and latitude', () => {
    const rnd = seededRandom(7);
    for (const lat of [0, 22.5, 39.9, 53.5, 70]) {
      const p = [116.46, lat] as const;
      const a = nearArea(p, DUP_NEAR_M);
      const inside = (q: readonly [number, number]): boolean =>
        q[0] >= a.box[0] &&
        q[0] <= a.box[2] &&
        q[1] >= a.box[1] &&
        q[1] <= a.box[3] &&
        (q[0] - a.lng) * (q[0] - a.lng) * a.kx ** 2 + (q[1] - a.lat) * (q[1] - a.lat) * a.ky ** 2 <= a.r2;
      let edge = 0;
      for (let i = 0; i < 5_000; i++) {
        const bearing = rnd() * 2 * Math.PI;
        // Up to 160 m by the flat measure; kept are those metres() rounds to 150 m or less.
        const d = 140 + rnd() * 20;
        const q: [number, number] = [
          p[0] + (d * Math.sin(bearing)) / (111_195 * Math.cos((lat * Math.PI) / 180)),
          p[1] + (d * Math.cos(bearing)) / 111_195,
        ];
        if (Math.round(metres(p, q)) > DUP_NEAR_M) continue;
        edge++;
        expect(inside(q)).toBe(true);
      }
      expect(edge).toBeGreaterThan(1_000);
      // The box's corner (212 m away) is outside the disc: it is not read.
      expect(inside([a.box[2], a.box[3]])).toBe(false);
    }
  });
});

describe('communityReach: a report with only a community', () => {
  it('lets through the orders of its class or of the 48 hours, the only ones that can reach the score', () => {
    expect(communityReach('07.06.001')).toEqual({ recentMs: 48 * 3_600_000, classOf: '07.06' });
    expect(communityReach('07')).toEqual({ recentMs: 48 * 3_600_000, classOf: '07' });
    expect(communityReach(null)).toEqual({ recentMs: 48 * 3_600_000, classOf: null });
    // What it leaves out cannot be shown: same community, the text alike, another class, 3 days.
    const onlyCommunity = { ...probe, point: null };
    const other = { ...earlier, lng: null, lat: null, categoryCode: '01.01.004', text: probe.text };
    expect(matchDuplicate(onlyCommunity, { ...other, receivedAt: T - 72 * 3_600_000 })).toBeNull();
    expect(matchDuplicate(onlyCommunity, { ...other, receivedAt: T - 47 * 3_600_000 })?.score).toBe(
      DUP_MIN_SCORE,
    );
    expect(
      matchDuplicate(onlyCommunity, { ...other, categoryCode: '07.06.009', receivedAt: T - 72 * 3_600_000 }),
    ).not.toBeNull();
  });
});
