import { describe, expect, it } from 'vitest';
import type { ResponsibilityRule } from '../../../../../shared/features/reference/catalogue';
import type { Person, Unit } from '../../../../../shared/features/reference/organisation';
import {
  DEFAULT_RECOMMEND_WEIGHTS,
  haversineM,
  personCandidate,
  recommend,
  unitCandidate,
  type DispatchCandidate,
} from '../../../../../shared/features/orders/recommend';

const HERE = { lng: 116.4, lat: 39.9 };
const rules: ResponsibilityRule[] = [
  { id: 'r1', categoryCode: '03', communityCode: null, unitId: 'U-CG' }, // street-wide, parent category
  { id: 'r2', categoryCode: '03.02', communityCode: 'C1', unitId: 'U-WY' }, // more specific
  { id: 'r3', categoryCode: '05', communityCode: null, unitId: 'U-OTHER' },
];
const cand = (over: Partial<DispatchCandidate> & { id: string }): DispatchCandidate => ({
  kind: 'unit',
  name: over.id,
  unitId: over.id,
  gridCode: null,
  communityCodes: [],
  location: null,
  load: 0,
  skills: [],
  ...over,
});
const target = { categoryCode: '03.02.004', communityCode: 'C1', gridCode: 'G1', ...HERE };

describe('recommend', () => {
  it('haversine: 0.01° of latitude ≈ 1.11 km', () => {
    expect(haversineM([116.4, 39.9], [116.4, 39.91])).toBeCloseTo(1111.95, 0);
    expect(haversineM([116.4, 39.9], [116.4, 39.9])).toBe(0);
  });
  it('the responsible unit ranks first; a parent-rule unit second; unrelated last', () => {
    const ranked = recommend(
      target,
      [cand({ id: 'U-OTHER' }), cand({ id: 'U-CG' }), cand({ id: 'U-WY', communityCodes: ['C1'] })],
      rules,
    );
    expect(ranked.map((r) => r.candidate.id)).toEqual(['U-WY', 'U-CG', 'U-OTHER']);
    expect(ranked[0]?.factors).toMatchObject({
      responsibility: 1,
      grid: 0.5,
      load: 1,
      skills: 1,
      distance: 0,
    });
    expect(ranked[0]?.reasons).toContain('责任单位');
    expect(ranked[1]?.factors.responsibility).toBe(0.5);
    expect(ranked[1]?.factors.grid).toBe(0.25); // street-wide unit
    expect(ranked[2]?.factors.responsibility).toBe(0);
    // score by hand: 0.4·1 + 0.2·0.5 + 0.15·0 + 0.15·1 + 0.1·1
    expect(ranked[0]?.score).toBeCloseTo(0.75, 12);
  });
  it('grid ownership, distance, load and skills decide between people', () => {
    const near = cand({
      id: 'P-near',
      kind: 'person',
      unitId: null,
      gridCode: 'G1',
      communityCodes: ['C1'],
      location: [116.4, 39.9],
      load: 5,
      skills: ['电工'],
    });
    const far = cand({
      id: 'P-far',
      kind: 'person',
      unitId: null,
      gridCode: 'G2',
      communityCodes: ['C1'],
      location: [116.4, 39.91],
      load: 0,
      skills: ['电工', '水暖'],
    });
    const r = recommend({ ...target, requiredSkills: ['电工', '水暖'] }, [far, near], rules);
    const byId = Object.fromEntries(r.map((x) => [x.candidate.id, x]));
    expect(byId['P-near']?.factors).toMatchObject({ grid: 1, distance: 1, load: 0.5, skills: 0.5 });
    expect(byId['P-far']?.factors.grid).toBe(0.5);
    expect(byId['P-far']?.factors.distance).toBeCloseTo(1 / (1 + 1.11195), 4);
    expect(byId['P-far']?.factors.skills).toBe(1);
    // near: 0.2 + 0.15 + 0.075 + 0.05 = 0.475; far: 0.1 + 0.0706 + 0.15 + 0.1 = 0.4206
    expect(byId['P-near']?.score).toBeCloseTo(0.475, 12);
    expect(r.map((x) => x.candidate.id)).toEqual(['P-near', 'P-far']);
    expect(byId['P-near']?.reasons).toEqual(['本网格', '距离0米', '在办5件', '技能匹配1/2']);
    expect(byId['P-far']?.reasons).toContain('距离1.1公里');
  });
  it('weights are configurable and ties break by id', () => {
    const a = cand({ id: 'B', load: 0 });
    const b = cand({ id: 'A', load: 10 });
    const onlyLoad = {
      ...DEFAULT_RECOMMEND_WEIGHTS,
      responsibility: 0,
      grid: 0,
      distance: 0,
      skills: 0,
      load: 1,
    };
    expect(recommend(target, [b, a], [], onlyLoad).map((r) => r.candidate.id)).toEqual(['B', 'A']);
    expect(recommend(target, [cand({ id: 'Z' }), cand({ id: 'Y' })], []).map((r) => r.candidate.id)).toEqual([
      'Y',
      'Z',
    ]);
    expect(recommend(target, [], rules)).toEqual([]);
  });
  it('builds candidates from units and people', () => {
    const unit = {
      id: 'U-1',
      name: '城管执法队',
      kind: 'department',
      communityCodes: ['C1'],
      location: [116.4, 39.9],
      phone: '1',
      needs: [],
      resources: ['执法车'],
      projects: [],
    } as Unit;
    expect(unitCandidate(unit, 3)).toEqual({
      kind: 'unit',
      id: 'U-1',
      name: '城管执法队',
      unitId: 'U-1',
      gridCode: null,
      communityCodes: ['C1'],
      location: [116.4, 39.9],
      load: 3,
      skills: ['执法车'],
    });
    const person = {
      id: 'P-1',
      name: '李四',
      phone: '1',
      role: 'grid_worker',
      unitId: 'U-1',
      gridCode: 'G1',
      communityCode: 'C1',
      dualRegistered: false,
      skills: ['电工'],
      serviceHours: 0,
      points: 0,
      home: null,
    } as Person;
    expect(personCandidate(person, 1)).toMatchObject({
      kind: 'person',
      unitId: 'U-1',
      gridCode: 'G1',
      communityCodes: ['C1'],
      location: null,
      load: 1,
    });
  });
});
