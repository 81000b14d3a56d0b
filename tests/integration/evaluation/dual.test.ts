/**
 * 双考核 on 评估反馈 over a real store through the gate: a whistle summons two units; one reports
 * in on time and finishes its 会商纪要 task on time, the other never reports in. evaluation.dual
 * shows each unit's 报到按时率 and 任务按期完成率, its 双考核分, and the 考核得分 it gives
 * (综合分 × 0.8 + 双考核分 × 0.2), ranked. The demo store has a 双考核 history.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import { loadDemoGenerator, seedDemoIfEmpty } from '../../../electron/core/features/demo';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { DUAL_WEIGHT } from '../../../shared/features/evaluation/score';
import { createdPayload, History, tempDir, TINY_REF } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const at = (date: string) => Date.parse(`${date}T02:00:00Z`);
const MIN = 60_000;
const viewer = { role: 'viewer', actor: 'committee' } as const;
const officer = { role: 'officer', actor: 'duty-1' } as const;

function lifecycle(id: string, date: string, unitId: string, satisfied: boolean): OrderEvent[] {
  const h = new History(id, at(date));
  h.add('created', createdPayload({}), 0);
  h.add('dispatched', { unitId });
  h.add('signed', { unitId });
  h.add('contacted', {});
  h.add('replied', { result: '已处理' });
  h.add('closed', {});
  h.add('callback_recorded', {
    valid: true,
    contacted: true,
    solved: satisfied,
    satisfaction: satisfied ? 'satisfied' : 'unsatisfied',
  });
  return h.events;
}

describe('evaluation.dual: 双考核 feeds the unit score', () => {
  it('scores report-in and task completion per summoned unit and folds them into 考核得分', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    writeReference(db, TINY_REF);
    // March: both units fully satisfied except one unsatisfied call-back for u-wy.
    ingestEvents(
      db,
      [
        ...lifecycle('A1', '2026-03-02', 'u-cg', true),
        ...lifecycle('A2', '2026-03-03', 'u-cg', false),
        ...lifecycle('B1', '2026-03-02', 'u-wy', true),
        ...lifecycle('B2', '2026-03-03', 'u-wy', true),
        ...lifecycle('B3', '2026-03-04', 'u-wy', true),
        ...lifecycle('B4', '2026-03-05', 'u-wy', false),
      ],
      { source: 'upstream', node: 'hall' },
    );
    db.close();
    let clock = at('2026-03-20');
    const c = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
    cleanups.push(() => c.close());

    const before = await c.call('evaluation.scores', { month: '2026-03', level: 'unit' }, viewer);
    expect(before.rows.map((r) => r.key)).toEqual(['u-wy', 'u-cg']);

    // u-wy misses its 报到; u-cg reports in on time and finishes its task on time.
    const w = await c.call(
      'whistle.create',
      {
        kind: 'joint_enforcement',
        title: '光华路占道经营联合执法',
        reason: '',
        address: '光华路1号楼东侧',
        lng: 116.401,
        lat: 39.901,
        radiusM: 300,
        deadlineMinutes: 30,
        unitIds: ['u-cg', 'u-wy'],
      },
      officer,
    );
    const id = w.whistle.id;
    await c.call(
      'whistle.reportIn',
      { whistleId: id, unitId: 'u-cg', person: '李', lng: 116.401, lat: 39.901 },
      officer,
    );
    const d = await c.call(
      'whistle.decide',
      { whistleId: id, decision: '清理占道摊点', ownerUnitId: 'u-cg', deadline: clock + 3 * 3600_000 },
      officer,
    );
    clock += 40 * MIN;
    await c.call('whistle.completeTask', { taskId: d.tasks[0]!.id }, officer);

    const dual = await c.call('evaluation.dual', { month: '2026-03' }, viewer);
    expect(dual.weight).toBe(DUAL_WEIGHT);
    const cg = dual.rows.find((r) => r.unitId === 'u-cg')!;
    const wy = dual.rows.find((r) => r.unitId === 'u-wy')!;
    expect(cg).toMatchObject({ summoned: 1, reportedOnTime: 1, onTimeRate: 1, taskRate: 1, dual: 1 });
    expect(wy).toMatchObject({ summoned: 1, missed: 1, onTimeRate: 0, taskRate: null, dual: 0 });
    const comp = new Map(before.rows.map((r) => [r.key, r.rates.composite]));
    expect(cg.composite).toBeCloseTo(comp.get('u-cg')!);
    expect(cg.assessed).toBeCloseTo(comp.get('u-cg')! * 0.8 + 0.2);
    expect(wy.assessed).toBeCloseTo(comp.get('u-wy')! * 0.8);
    // The composite put u-wy first; the 双考核 turns the order round.
    expect([wy.rank, cg.rank]).toEqual([1, 2]);
    expect([cg.assessedRank, wy.assessedRank]).toEqual([1, 2]);
    expect(dual.rows.map((r) => r.unitId)).toEqual(['u-cg', 'u-wy']);
    // Another month: no whistles, no rows.
    expect((await c.call('evaluation.dual', { month: '2026-02' }, viewer)).rows).toEqual([]);
  });

  it('the demo store has a 双考核 history derived from its whistled orders', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const now = at('2026-03-20');
    const db = openDb(t.dir);
    seedDemoIfEmpty(db, await loadDemoGenerator(), { node: 'hall', now, days: 90 });
    db.close();
    const c = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => now });
    cleanups.push(() => c.close());
    const dual = await c.call('evaluation.dual', { month: '2026-02' }, viewer);
    expect(dual.rows.length).toBeGreaterThan(2);
    const summoned = dual.rows.reduce((s, r) => s + r.summoned, 0);
    const onTime = dual.rows.reduce((s, r) => s + r.reportedOnTime, 0);
    expect(onTime / summoned).toBeGreaterThan(0.5);
    expect(onTime).toBeLessThan(summoned);
    expect(dual.rows.some((r) => r.tasks > 0 && r.taskRate !== null)).toBe(true);
    // Demo whistles are closed: no alarms.
    expect(await c.call('whistle.alarms', {}, viewer)).toEqual([]);
  }, 120_000);
});
