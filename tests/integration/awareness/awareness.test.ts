/**
 * awareness.today / awareness.feed and alarms.* on a real in-process core over a temp SQLite
 * file: counters move with new orders, the feed shows them, wall calls are masked server-side.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dbPath } from '../../../electron/core/store/db';
import { MOBILE_PATTERN } from '../../../shared/kernel/masking';
import { createdPayload } from '../store/fixtures';
import { openTestCore, rejects } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;
const officerOnWall = { ...officer, masked: true } as const;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('awareness.today', () => {
  it('counts orders received and dispatched today, and shows the rate targets', async () => {
    const { core } = await openTestCore(cleanups);
    const before = await core.call('awareness.today', {}, viewer);
    expect(before.received.today).toBe(0);
    const a = await core.call('orders.create', { order: createdPayload() }, officer);
    await core.call('orders.create', { order: createdPayload({ title: '路灯不亮' }) }, officer);
    await core.call(
      'orders.act',
      {
        orderId: a.order.id,
        expectedVersion: a.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
      },
      officer,
    );
    const after = await core.call('awareness.today', {}, viewer);
    expect(after.received.today).toBe(2);
    expect(after.received.yesterday).toBe(0);
    expect(after.dispatched.today).toBe(1);
    expect(after.inProgress.today).toBe(1);
    // Stocks compare with yesterday at this time (from the event log): nothing existed then.
    expect(after.inProgress.yesterday).toBe(0);
    expect(after.overdue.today).toBe(0);
    expect(after.warning.yesterday).toBe(0);
    expect(after.targets.resolution).toBeGreaterThan(0);
    expect(after.day).toBe('2026-03-10');
  });
});

describe('awareness.feed', () => {
  it('lists the newest events first, phone numbers in titles masked for a wall', async () => {
    const { core } = await openTestCore(cleanups);
    await core.call(
      'orders.create',
      { order: createdPayload({ title: '来电13912345678反映漏水' }) },
      officer,
    );
    await core.call('orders.create', { order: createdPayload({ title: '路灯不亮' }) }, officer);
    const full = await core.call('awareness.feed', { limit: 10 }, officer);
    expect(full.items.map((i) => i.title)).toEqual(['路灯不亮', '来电13912345678反映漏水']);
    expect(full.items[0]?.type).toBe('created');
    const wall = await core.call('awareness.feed', { limit: 10 }, officerOnWall);
    expect(JSON.stringify(wall)).not.toMatch(MOBILE_PATTERN);
    expect(wall.items[1]?.title).toBe('来电139****5678反映漏水');
  });
});

describe('masked calls (大屏模式) are masked by the core whatever the role', () => {
  it('orders.get and reference.snapshot mask for an officer on a wall', async () => {
    const { core } = await openTestCore(cleanups);
    const o = await core.call('orders.create', { order: createdPayload() }, officer);
    const plain = await core.call('orders.get', { orderId: o.order.id }, officer);
    expect(plain.order.citizen).toEqual({ name: '张三丰', phone: '13812345678' });
    const wall = await core.call('orders.get', { orderId: o.order.id }, officerOnWall);
    expect(wall.order.citizen).toEqual({ name: '张**', phone: '138****5678' });
    expect(JSON.stringify(wall)).not.toMatch(MOBILE_PATTERN);
    await core.call(
      'orders.create',
      { order: createdPayload({ title: '来电13912345678反映漏水' }) },
      officer,
    );
    const list = await core.call('orders.list', { limit: 10 }, officer);
    expect(JSON.stringify(list)).toMatch(MOBILE_PATTERN);
    const listWall = await core.call('orders.list', { limit: 10 }, officerOnWall);
    expect(JSON.stringify(listWall)).not.toMatch(MOBILE_PATTERN);
    expect(listWall.rows.map((r) => r.title)).toContain('来电139****5678反映漏水');
    const ref = await core.call('reference.snapshot', {}, officer);
    const refWall = await core.call('reference.snapshot', {}, officerOnWall);
    const name = ref.people[0]?.name ?? '';
    expect(name.length).toBeGreaterThan(1);
    expect(JSON.stringify(refWall)).not.toContain(name);
  });
});

describe('alarms', () => {
  it('lists open P0/P1 orders until acknowledged; acknowledging is idempotent and audited', async () => {
    const { core, dir } = await openTestCore(cleanups);
    await core.call('orders.create', { order: createdPayload({ urgency: 'P2' }) }, officer);
    const p0 = await core.call(
      'orders.create',
      { order: createdPayload({ urgency: 'P0', title: '燃气泄漏' }) },
      officer,
    );
    const list = await core.call('awareness.alarms', {}, viewer);
    expect(list.pending.map((a) => a.orderId)).toEqual([p0.order.id]);
    expect(list.acknowledged).toEqual([]);

    const hints: string[] = [];
    core.onChange((h) => hints.push(h.topic));
    const ack = await core.call('awareness.acknowledgeAlarm', { orderId: p0.order.id }, officer);
    expect(ack.acknowledgedBy).toBe('duty-1');
    expect(ack.acknowledgedAt).toEqual(expect.any(Number));
    expect(hints).toContain('awareness.changed');
    const again = await core.call(
      'awareness.acknowledgeAlarm',
      { orderId: p0.order.id },
      { role: 'commander', actor: 'chief' },
    );
    expect(again.acknowledgedBy).toBe('duty-1');
    expect(again.acknowledgedAt).toBe(ack.acknowledgedAt);

    const after = await core.call('awareness.alarms', {}, viewer);
    expect(after.pending).toEqual([]);
    expect(after.acknowledged.map((a) => a.orderId)).toEqual([p0.order.id]);
    // A viewer (or a wall) sees who acknowledged only masked.
    expect(after.acknowledged[0]?.acknowledgedBy).toBe('d*****');

    const db = new Database(dbPath(dir), { readonly: true });
    try {
      // The acknowledgement is recorded once (with its order); the chief's repeat changed nothing,
      // and the gate records the attempt itself (issue 11: every mutation call is audited).
      const audit = db
        .prepare(
          "SELECT actor, order_id AS orderId FROM audit_log WHERE action = 'awareness.acknowledgeAlarm' ORDER BY seq",
        )
        .all() as Array<{ actor: string; orderId: string | null }>;
      expect(audit.map((a) => a.actor)).toEqual(['duty-1', 'chief']);
      expect(audit.filter((a) => a.orderId !== null).map((a) => a.actor)).toEqual(['duty-1']);
    } finally {
      db.close();
    }
  });

  it('refuses a viewer, an unknown order and a P2 order', async () => {
    const { core } = await openTestCore(cleanups);
    const p2 = await core.call('orders.create', { order: createdPayload() }, officer);
    expect(
      (await rejects(core.call('awareness.acknowledgeAlarm', { orderId: p2.order.id }, viewer))).code,
    ).toBe('forbidden');
    expect((await rejects(core.call('awareness.acknowledgeAlarm', { orderId: 'nope' }, officer))).code).toBe(
      'not_found',
    );
    expect(
      (await rejects(core.call('awareness.acknowledgeAlarm', { orderId: p2.order.id }, officer))).code,
    ).toBe('rejected');
  });
});
