/**
 * 吹哨报到 on a real in-process core over a temp SQLite file (issue 15): per-recipient delivery
 * state, acknowledgement by the duty officer, 报到 with a geo check, 超时 and its alarm by the
 * delivery loop, retries recorded on the timeline, 会商纪要 tasks, 双考核, and the order's own
 * 吹哨/报到 events when the whistle comes from an order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { whistleTick } from '../../../electron/core/features/whistle';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { T0, TINY_REF, createdPayload, tempDir } from '../store/fixtures';
import { rejects, type Cleanups } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const MIN = 60_000;

const REF: ReferenceData = {
  ...TINY_REF,
  units: [
    ...TINY_REF.units,
    {
      id: 'u-sw',
      name: '自来水营业所',
      kind: 'utility',
      communityCodes: [],
      location: [116.41, 39.91],
      phone: '010-1111111',
      needs: [],
      resources: [],
      projects: [],
    },
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
  // The delivery loop's pass, on a second connection to the same file, at the test's clock.
  const loopDb = openDb(t.dir);
  cleanups.push(() => {
    loopDb.close();
  });
  return {
    core,
    advance: (ms: number) => (clock += ms),
    tick: () => whistleTick({ db: loopDb, now: () => clock }),
  };
}

const standalone = {
  kind: 'joint_enforcement',
  title: '光华路占道经营联合执法',
  reason: '',
  address: '光华路1号楼东侧',
  lng: 116.401,
  lat: 39.901,
  radiusM: 300,
  deadlineMinutes: 30,
  unitIds: ['u-cg', 'u-wy', 'u-sw'],
} as const;

describe('whistle: three units, three states', () => {
  it('keeps each recipient its own state: one acknowledges, one reports in, one times out and alarms', async () => {
    const { core, advance, tick } = await open();
    const w = await core.call('whistle.create', standalone, officer);
    expect(w.recipients.map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(w.recipients.every((r) => r.attempts === 1)).toBe(true);
    const id = w.whistle.id;

    advance(2 * MIN);
    expect(tick()).toBe(3); // every unacknowledged unit is pushed again
    await core.call(
      'whistle.ack',
      { whistleId: id, unitId: 'u-cg', state: 'read', person: '李队长', via: 'phone' },
      officer,
    );

    // Far from the site without a reason: refused, nothing recorded.
    const far = await rejects(
      core.call(
        'whistle.reportIn',
        { whistleId: id, unitId: 'u-wy', person: '王经理', lng: 116.43, lat: 39.92 },
        officer,
      ),
    );
    expect(far.reason).toBe('report_far_from_site');
    await core.call(
      'whistle.reportIn',
      { whistleId: id, unitId: 'u-wy', person: '王经理', lng: 116.4012, lat: 39.9011 },
      officer,
    );

    advance(10 * MIN);
    tick();
    let d = await core.call('whistle.get', { whistleId: id }, officer);
    const attemptsOf = (u: string) => d.recipients.find((r) => r.unitId === u)?.attempts;
    // The acknowledged and the reported unit are no longer pushed; the silent one is.
    expect(attemptsOf('u-cg')).toBe(2);
    expect(attemptsOf('u-wy')).toBe(2);
    expect(attemptsOf('u-sw')).toBeGreaterThanOrEqual(3);

    advance(20 * MIN); // past the 30-minute deadline
    tick();
    d = await core.call('whistle.get', { whistleId: id }, officer);
    const state = Object.fromEntries(d.recipients.map((r) => [r.unitId, r.state]));
    // The acknowledged unit stays 已读 (overdue, no alarm); only the silent one goes 超时.
    expect(state).toEqual({ 'u-cg': 'read', 'u-wy': 'reported', 'u-sw': 'timeout' });
    expect(d.recipients.find((r) => r.unitId === 'u-cg')?.overdue).toBe(true);
    const wy = d.recipients.find((r) => r.unitId === 'u-wy');
    expect(wy?.reportDistanceM).toBeLessThan(50);
    expect(wy?.late).toBe(false);

    const alarms = await core.call('whistle.alarms', {}, { role: 'viewer', actor: 'wall' });
    expect(alarms.map((a) => a.unitId)).toEqual(['u-sw']);
    await core.call('whistle.acknowledgeAlarm', { whistleId: id, unitId: 'u-sw' }, officer);
    expect(await core.call('whistle.alarms', {}, officer)).toEqual([]);

    const kinds = d.timeline.map((e) => e.kind);
    for (const k of ['created', 'summoned', 'attempt', 'read', 'reported', 'timeout'] as const)
      expect(kinds).toContain(k);
  });

  it('reports in without a position only with a reason; a late 报到 stays marked late', async () => {
    const { core, advance, tick } = await open();
    const w = await core.call('whistle.create', { ...standalone, deadlineMinutes: 5 }, officer);
    const id = w.whistle.id;
    const none = await rejects(
      core.call('whistle.reportIn', { whistleId: id, unitId: 'u-cg', person: '李' }, officer),
    );
    expect(none.reason).toBe('report_needs_position');
    advance(6 * MIN);
    tick();
    const d = await core.call(
      'whistle.reportIn',
      { whistleId: id, unitId: 'u-cg', person: '李', reason: '地下车库无信号' },
      officer,
    );
    const cg = d.recipients.find((r) => r.unitId === 'u-cg');
    expect(cg?.state).toBe('reported');
    expect(cg?.late).toBe(true);
    const notSummoned = await rejects(
      core.call(
        'whistle.ack',
        { whistleId: id, unitId: 'u-x', state: 'read', person: 'x', via: 'app' },
        officer,
      ),
    );
    expect(notSummoned.reason).toBe('not_summoned');
  });
});

describe('whistle from an order, 会商纪要 and 双考核', () => {
  it('writes the order 吹哨 and 报到 events, so the order has one report-in timer per unit', async () => {
    const { core, advance } = await open();
    const o = await core.call('orders.create', { order: createdPayload() }, officer);
    const w = await core.call(
      'whistle.create',
      { ...standalone, kind: 'order', orderId: o.order.id, unitIds: ['u-cg', 'u-wy'] },
      officer,
    );
    advance(MIN);
    await core.call(
      'whistle.reportIn',
      { whistleId: w.whistle.id, unitId: 'u-cg', person: '李', lng: 116.401, lat: 39.901 },
      officer,
    );
    const detail = await core.call('orders.get', { orderId: o.order.id }, officer);
    expect(detail.order.whistle.map((s) => [s.unitId, s.reportedAt !== null])).toEqual([
      ['u-cg', true],
      ['u-wy', false],
    ]);
    expect(detail.timers.filter((t) => t.kind === 'report_in')).toHaveLength(2);
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'whistled', 'reported_in']);
    expect((await core.call('whistle.list', { orderId: o.order.id }, officer)).map((x) => x.id)).toEqual([
      w.whistle.id,
    ]);
  });

  it('turns decisions into tasks and scores units on report-in and completion', async () => {
    const { core, advance, tick } = await open();
    const w = await core.call('whistle.create', { ...standalone, unitIds: ['u-cg', 'u-wy'] }, officer);
    const id = w.whistle.id;
    await core.call(
      'whistle.reportIn',
      { whistleId: id, unitId: 'u-cg', person: '李', lng: 116.401, lat: 39.901 },
      officer,
    );
    const withTask = await core.call(
      'whistle.decide',
      {
        whistleId: id,
        decision: '清理占道摊点并设置隔离栏',
        ownerUnitId: 'u-cg',
        deadline: T0 + 3 * 3600_000,
      },
      officer,
    );
    const task = withTask.tasks[0];
    expect(task?.ownerName).toBe('城管执法队');
    advance(40 * MIN);
    tick();
    await core.call('whistle.completeTask', { taskId: task?.id ?? '' }, officer);
    const a = await core.call('whistle.assessment', { month: '2026-03' }, { role: 'viewer', actor: 'c' });
    const cg = a.rows.find((r) => r.unitId === 'u-cg');
    const wy = a.rows.find((r) => r.unitId === 'u-wy');
    expect(cg).toMatchObject({
      summoned: 1,
      reportedOnTime: 1,
      onTimeRate: 1,
      tasks: 1,
      tasksDoneOnTime: 1,
      taskRate: 1,
    });
    expect(wy).toMatchObject({
      summoned: 1,
      reportedOnTime: 0,
      missed: 1,
      onTimeRate: 0,
      tasks: 0,
      taskRate: null,
    });
    const closed = await core.call('whistle.close', { whistleId: id }, { role: 'commander', actor: 'boss' });
    expect(closed.whistle.closedAt).not.toBeNull();
    const again = await rejects(
      core.call(
        'whistle.ack',
        { whistleId: id, unitId: 'u-wy', state: 'read', person: 'x', via: 'app' },
        officer,
      ),
    );
    expect(again.reason).toBe('whistle_closed');
  });
});
