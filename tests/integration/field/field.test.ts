/**
 * 现场力量 on a real in-process core and SQLite file (issue 15 item 4): position reports in
 * through the gate, validation with Chinese reasons, idempotence, staleness, who is near a site.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { openDb, openReader } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { HISTORY_PER_PERSON } from '../../../shared/features/field/field';
import { T0, TINY_REF, tempDir } from '../store/fixtures';
import { rejects, type Cleanups } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;
const admin = { role: 'admin', actor: 'root' } as const;
const MIN = 60_000;

const base = TINY_REF.people[0]!;
const REF: ReferenceData = {
  ...TINY_REF,
  people: [
    base,
    { ...base, id: 'p2', name: '李党员', role: 'party_member', gridCode: null, dualRegistered: true },
    { ...base, id: 'p3', name: '赵干部', role: 'unit_staff', gridCode: null, unitId: 'u-cg' },
  ],
};

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, REF);
  db.close();
  let clock = T0;
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
  cleanups.push(() => core.close());
  const hints: string[] = [];
  core.onChange((h) => hints.push(h.topic));
  return { core, dir: t.dir, hints, advance: (ms: number) => (clock += ms), now: () => clock };
}

const at = (personId: string, lng: number, lat: number, when: number, accuracy = 15) => ({
  personId,
  lng,
  lat,
  accuracy,
  at: when,
});

describe('field.report', () => {
  it('keeps the latest position per person, ignores old and repeated reports, and hints once', async () => {
    const { core, hints } = await open();
    const r1 = await core.call(
      'field.report',
      { reports: [at('p1', 116.405, 39.905, T0 - 2 * MIN), at('p2', 116.41, 39.91, T0 - MIN)] },
      officer,
    );
    expect(r1).toEqual({ accepted: 2, ignored: 0 });
    expect(hints.filter((h) => h === 'field.changed')).toHaveLength(1);

    // The same reports again, and an older one of p1: nothing changes, no hint.
    const r2 = await core.call(
      'field.report',
      {
        reports: [
          at('p1', 116.405, 39.905, T0 - 2 * MIN),
          at('p2', 116.41, 39.91, T0 - MIN),
          at('p1', 116.401, 39.901, T0 - 5 * MIN),
        ],
      },
      officer,
    );
    expect(r2).toEqual({ accepted: 0, ignored: 3 });
    expect(hints.filter((h) => h === 'field.changed')).toHaveLength(1);

    // A newer one moves p1.
    await core.call('field.report', { reports: [at('p1', 116.406, 39.906, T0)] }, officer);
    const pos = await core.call('field.positions', {}, officer);
    expect(pos.settings).toEqual({ fadeMinutes: 10, hideMinutes: 60 });
    expect(pos.people.map((p) => [p.personId, p.name, p.role, p.lng, p.at])).toEqual([
      ['p1', '王网格', 'grid_worker', 116.406, T0],
      ['p2', '李党员', 'party_member', 116.41, T0 - MIN],
    ]);
    // A viewer (the wall) sees masked names.
    const wall = await core.call('field.positions', {}, viewer);
    expect(wall.people.map((p) => p.name)).toEqual(['王**', '李**']);
  });

  it('refuses bad input with a Chinese reason and writes nothing of the batch', async () => {
    const { core } = await open();
    const good = at('p1', 116.405, 39.905, T0);
    const cases: Array<[unknown, string, RegExp]> = [
      [[good, at('p2', 121.47, 31.23, T0)], 'field_outside_street', /不在本街道范围内/],
      [[good, at('p3', 116.405, 39.905, T0)], 'field_not_field_person', /赵干部不是网格员或双报到党员/],
      [[good, at('nobody', 116.405, 39.905, T0)], 'unknown_reference', /人员不存在: nobody/],
      [[good, at('p2', 116.405, 39.905, T0 + 10 * MIN)], 'field_time_future', /请检查设备时钟/],
      [[good, { ...good, lng: 'east' }], 'invalid_input', /经度必须是数字/],
      [[good, { ...good, lat: 95 }], 'invalid_input', /./],
      [[good, at('p2', 116.405, 39.905, T0, 5000)], 'invalid_input', /定位精度差于 2000 米/],
      [[{ ...good, personId: "p1'; DROP TABLE person;--" }], 'invalid_input', /编号只能包含/],
      [[], 'invalid_input', /至少需要一条位置/],
    ];
    for (const [reports, reason, text] of cases) {
      const e = await rejects(core.call('field.report', { reports } as never, officer));
      expect(e.reason, JSON.stringify(reports)).toBe(reason);
      expect(e.message).toMatch(text);
    }
    const e = await rejects(
      core.call('field.report', { reports: [good, at('p2', 121.47, 31.23, T0)] }, officer),
    );
    expect(e.field).toBe('reports.1.lng');
    // Nothing of any refused batch was written; the core still answers.
    expect((await core.call('field.positions', {}, officer)).people).toEqual([]);
    // A viewer may not report.
    expect((await rejects(core.call('field.report', { reports: [good] }, viewer))).reason).toBe(
      'role_required',
    );
  });

  it('fades and hides by age under the settings, which an admin changes', async () => {
    const { core, advance } = await open();
    await core.call('field.report', { reports: [at('p1', 116.405, 39.905, T0)] }, officer);
    advance(59 * MIN);
    expect((await core.call('field.positions', {}, officer)).people).toHaveLength(1);
    advance(2 * MIN);
    // Older than 60 minutes: not drawn, not near anything.
    expect((await core.call('field.positions', {}, officer)).people).toHaveLength(0);
    expect(await core.call('field.near', { lng: 116.405, lat: 39.905 }, officer)).toEqual([]);

    const s = await core.call('field.configure', { fadeMinutes: 30, hideMinutes: 120 }, admin);
    expect(s).toEqual({ fadeMinutes: 30, hideMinutes: 120 });
    const pos = await core.call('field.positions', {}, officer);
    expect(pos.people).toHaveLength(1);
    expect(pos.settings).toEqual(s);
    const bad = await rejects(core.call('field.configure', { fadeMinutes: 30, hideMinutes: 20 }, admin));
    expect(bad.message).toMatch(/隐藏时间必须长于变淡时间/);
    expect((await rejects(core.call('field.configure', s, officer))).reason).toBe('role_required');
  });

  it('lists who is near a site, nearest first, with distances', async () => {
    const { core } = await open();
    await core.call(
      'field.report',
      {
        reports: [
          at('p1', 116.406, 39.905, T0), // ~85 m east
          at('p2', 116.405, 39.9062, T0), // ~133 m north
        ],
      },
      officer,
    );
    const near = await core.call('field.near', { lng: 116.405, lat: 39.905, radiusM: 1000 }, officer);
    expect(near.map((n) => n.personId)).toEqual(['p1', 'p2']);
    expect(near[0]!.distanceM).toBeGreaterThan(80);
    expect(near[0]!.distanceM).toBeLessThan(90);
    expect(near[1]!.distanceM).toBeGreaterThan(128);
    expect(near[1]!.distanceM).toBeLessThan(138);
    const close = await core.call('field.near', { lng: 116.405, lat: 39.905, radiusM: 100 }, officer);
    expect(close.map((n) => n.personId)).toEqual(['p1']);
  });

  it('keeps the history bounded per person', async () => {
    const { core, dir } = await open();
    const n = HISTORY_PER_PERSON + 30;
    const reports = Array.from({ length: n }, (_, i) => at('p1', 116.405, 39.905, T0 - (n - i) * 10_000));
    await core.call('field.report', { reports }, officer);
    const db = openReader(dir);
    try {
      const rows = db.prepare('SELECT count(*) AS c, min(at) AS lo FROM field_position_history').get() as {
        c: number;
        lo: number;
      };
      expect(rows.c).toBe(HISTORY_PER_PERSON);
      expect(rows.lo).toBe(T0 - HISTORY_PER_PERSON * 10_000);
    } finally {
      db.close();
    }
  });
});
