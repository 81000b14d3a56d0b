/** 值班表 and 交接班 on a real in-process core (issue 15): who is on duty, the handover's figures. */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { T0, TINY_REF, createdPayload, tempDir } from '../store/fixtures';
import { rejects, type Cleanups } from '../runtime/fixtures';

const commander = { role: 'commander', actor: 'boss' } as const;
const officer = { role: 'officer', actor: 'duty-1' } as const;
const MIN = 60_000;

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

describe('duty roster and handover', () => {
  it('shows who is on duty now, over midnight too, and hands a shift over with its events', async () => {
    const { core, advance } = await open();
    const day = await core.call(
      'duty.saveShift',
      { person: '王值班', role: 'officer', weekdays: [1, 2, 3, 4, 5], startMin: 8 * 60, endMin: 20 * 60 },
      commander,
    );
    await core.call(
      'duty.saveShift',
      {
        person: '赵夜班',
        role: 'officer',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startMin: 20 * 60,
        endMin: 8 * 60,
      },
      commander,
    );
    expect((await core.call('duty.now', {}, officer)).map((d) => d.person)).toEqual(['王值班']);

    const o = await core.call('orders.create', { order: createdPayload() }, officer);
    await core.call('orders.create', { order: createdPayload({ title: '路灯不亮' }) }, officer);
    await core.call(
      'orders.act',
      {
        orderId: o.order.id,
        expectedVersion: o.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
      },
      officer,
    );
    advance(MIN);
    const h = await core.call('duty.handover', { shiftId: day.id, notes: '光华路工地需夜间回访' }, officer);
    expect(h).toMatchObject({
      person: '王值班',
      received: 2,
      dispatched: 1,
      notes: '光华路工地需夜间回访',
      ackAt: null,
    });

    advance(11 * 60 * MIN); // 21:00: the night shift
    expect((await core.call('duty.now', {}, officer)).map((d) => d.person)).toEqual(['赵夜班']);
    advance(5 * 60 * MIN); // 02:00 the next day, still the night shift that began yesterday
    expect((await core.call('duty.now', {}, officer)).map((d) => d.person)).toEqual(['赵夜班']);

    const acked = await core.call(
      'duty.acknowledgeHandover',
      { id: h.id },
      { role: 'officer', actor: 'zhao' },
    );
    expect(acked.ackBy).toBe('zhao');
    expect((await rejects(core.call('duty.acknowledgeHandover', { id: h.id }, officer))).reason).toBe(
      'already_handled',
    );
    const list = await core.call('duty.handovers', {}, officer);
    expect(list.map((x) => [x.id, x.ackBy])).toEqual([[h.id, 'zhao']]);
  });

  it('refuses a shift without days or with the same start and end', async () => {
    const { core } = await open();
    const e = await rejects(
      core.call(
        'duty.saveShift',
        { person: '王', role: 'officer', weekdays: [], startMin: 60, endMin: 60 },
        commander,
      ),
    );
    expect(e.code).toBe('invalid_input');
    expect(
      (
        await rejects(
          core.call(
            'duty.saveShift',
            { person: '王', role: 'officer', weekdays: [1], startMin: 0, endMin: 60 },
            officer,
          ),
        )
      ).reason,
    ).toBe('role_required');
  });
});
