import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../../../shared/features/reference/organisation';
import {
  MAX_ATTEMPTS,
  assess,
  geoCheck,
  isForward,
  retryDelayMs,
  suggestUnits,
} from '../../../../../shared/features/whistle/whistle';

const unit = (id: string, name: string, over: Partial<Unit> = {}): Unit => ({
  id,
  name,
  kind: 'department',
  communityCodes: [],
  location: [116.4, 39.9],
  phone: '',
  needs: [],
  resources: [],
  projects: [],
  ...over,
});

describe('delivery schedule and states', () => {
  it('doubles the wait between pushes from 1 to 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 10, 10]);
    expect(MAX_ATTEMPTS).toBeGreaterThan(5);
  });
  it('never moves a recipient backwards', () => {
    expect(isForward('sent', 'read')).toBe(true);
    expect(isForward('read', 'delivered')).toBe(false);
    expect(isForward('timeout', 'reported')).toBe(true);
    expect(isForward('reported', 'timeout')).toBe(false);
  });
});

describe('geo check', () => {
  it('measures the distance to the meeting point against the radius', () => {
    const site = [116.4, 39.9] as const;
    expect(geoCheck(site, [116.4, 39.9], 300)).toEqual({ distanceM: 0, within: true });
    const far = geoCheck(site, [116.41, 39.9], 300); // ~850 m east
    expect(far.within).toBe(false);
    expect(far.distanceM).toBeGreaterThan(800);
    expect(far.distanceM).toBeLessThan(900);
    expect(geoCheck(site, null, 300)).toEqual({ distanceM: null, within: false });
  });
});

describe('suggestUnits', () => {
  const units = [
    unit('u-cg', '城管执法队', { location: [116.45, 39.9] }),
    unit('u-water', '自来水营业所', { kind: 'utility' }),
    unit('u-office', '某社区居委会', { kind: 'community_office', communityCodes: ['c1'] }),
    unit('u-bank', '某银行', { kind: 'co_building_unit', location: [116.5, 39.95] }),
  ];
  it('puts the responsible unit first, then the kind’s usual units and the place', () => {
    const s = suggestUnits({
      kind: 'flood',
      units,
      point: [116.4, 39.9],
      communityCode: 'c1',
      responsibleUnitId: 'u-cg',
    });
    expect(s.map((x) => x.unitId)).toEqual(['u-cg', 'u-water', 'u-office', 'u-bank']);
    expect(s[0]?.reasons).toContain('责任单位');
    expect(s[1]?.reasons).toContain('常规召集');
    expect(s[2]?.reasons).toContain('属地');
  });
  it('ranks by name fit for a joint enforcement without an order', () => {
    const s = suggestUnits({
      kind: 'joint_enforcement',
      units,
      point: null,
      communityCode: null,
      responsibleUnitId: null,
    });
    expect(s[0]?.unitId).toBe('u-cg');
    expect(s[0]?.distanceM).toBeNull();
  });
});

describe('assess (双考核)', () => {
  it('counts on-time, late and missed report-ins and tasks done on time per unit', () => {
    const now = 10_000;
    const rows = assess(
      [
        { unitId: 'a', deadline: 100, reportedAt: 50 },
        { unitId: 'a', deadline: 100, reportedAt: 150 },
        { unitId: 'b', deadline: 100, reportedAt: null },
        { unitId: 'c', deadline: 20_000, reportedAt: null },
      ],
      [
        { ownerUnitId: 'a', deadline: 500, doneAt: 400 },
        { ownerUnitId: 'a', deadline: 500, doneAt: null },
      ],
      now,
    );
    expect(rows.map((r) => r.unitId)).toEqual(['a', 'b', 'c']);
    expect(rows[0]).toMatchObject({
      summoned: 2,
      reportedOnTime: 1,
      reportedLate: 1,
      missed: 0,
      onTimeRate: 0.5,
      tasks: 2,
      tasksDoneOnTime: 1,
      tasksOverdue: 1,
      taskRate: 0.5,
    });
    expect(rows[1]).toMatchObject({ missed: 1, onTimeRate: 0, taskRate: null });
    // Not yet due: neither on time nor missed.
    expect(rows[2]).toMatchObject({ missed: 0, reportedOnTime: 0 });
  });
});
