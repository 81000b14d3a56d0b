/**
 * Shift-aware dispatch (issue 15, item 2): a unit's group in the 值班表 resolves to whoever is on
 * duty in it now — in 推荐派单 and in the 派单 the core records — and falls back visibly to the
 * unit itself when nobody is on duty. Real in-process core, real SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { T0, TINY_REF, createdPayload, tempDir } from '../store/fixtures';
import type { Cleanups } from '../runtime/fixtures';

const commander = { role: 'commander', actor: 'boss' } as const;
const officer = { role: 'officer', actor: 'duty-1' } as const;
const HOUR = 3_600_000;

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  db.close();
  let clock = T0; // Tuesday 2026-03-10 10:00 China time
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
  cleanups.push(() => core.close());
  return { core, advance: (ms: number) => (clock += ms) };
}

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

describe('shift-aware dispatch', () => {
  it('resolves a unit group to the person on duty now, in 推荐派单 and in the recorded 派单', async () => {
    const { core, advance } = await open();
    // 城管执法队's group: a day shift and a night shift; 阳光物业 has no group.
    await core.call(
      'duty.saveShift',
      {
        person: '张三',
        role: 'officer',
        weekdays: ALL_DAYS,
        startMin: 8 * 60,
        endMin: 20 * 60,
        unitId: 'u-cg',
      },
      commander,
    );
    await core.call(
      'duty.saveShift',
      {
        person: '李四',
        role: 'officer',
        weekdays: ALL_DAYS,
        startMin: 20 * 60,
        endMin: 8 * 60,
        unitId: 'u-cg',
      },
      commander,
    );
    const a = await core.call('orders.create', { order: createdPayload() }, officer);
    const rec = await core.call('orders.recommend', { orderId: a.order.id, limit: 5 }, officer);
    const cg = rec.candidates.find((c) => c.unitId === 'u-cg');
    expect(cg?.duty?.onDuty).toMatchObject({ person: '张三', from: T0 - 2 * HOUR, to: T0 + 10 * HOUR });
    expect(rec.candidates.find((c) => c.unitId === 'u-wy')?.duty).toBeNull();

    // The page may not choose the person: the core records who is on duty.
    const d = await core.call(
      'orders.act',
      {
        orderId: a.order.id,
        expectedVersion: a.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg', dutyPerson: '王五' } },
      },
      officer,
    );
    const ev = d.events.find((e) => e.type === 'dispatched');
    expect(ev?.payload).toMatchObject({ unitId: 'u-cg', dutyPerson: '张三' });

    // 21:00: the night shift has taken over.
    advance(11 * HOUR);
    const b = await core.call('orders.create', { order: createdPayload({ title: '夜间渣土车' }) }, officer);
    const night = await core.call('orders.recommend', { orderId: b.order.id, limit: 5 }, officer);
    expect(night.candidates.find((c) => c.unitId === 'u-cg')?.duty?.onDuty?.person).toBe('李四');
    const d2 = await core.call(
      'orders.act',
      {
        orderId: b.order.id,
        expectedVersion: b.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
      },
      officer,
    );
    expect(d2.events.find((e) => e.type === 'dispatched')?.payload).toMatchObject({ dutyPerson: '李四' });
  });

  it('falls back to the unit itself when nobody is on duty in its group, and says so', async () => {
    const { core } = await open();
    // Only a weekend shift: on a Tuesday nobody is on duty in the group.
    await core.call(
      'duty.saveShift',
      {
        person: '周末班',
        role: 'officer',
        weekdays: [6, 7],
        startMin: 8 * 60,
        endMin: 20 * 60,
        unitId: 'u-wy',
      },
      commander,
    );
    const a = await core.call('orders.create', { order: createdPayload() }, officer);
    const rec = await core.call('orders.recommend', { orderId: a.order.id, limit: 5 }, officer);
    expect(rec.candidates.find((c) => c.unitId === 'u-wy')?.duty).toEqual({ onDuty: null });
    const d = await core.call(
      'orders.act',
      {
        orderId: a.order.id,
        expectedVersion: a.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-wy', dutyPerson: '冒名' } },
      },
      officer,
    );
    const ev = d.events.find((e) => e.type === 'dispatched');
    expect(ev?.payload).toMatchObject({ unitId: 'u-wy' });
    expect(ev?.payload).not.toHaveProperty('dutyPerson');
    expect(d.order.unitId).toBe('u-wy');
  });
});
