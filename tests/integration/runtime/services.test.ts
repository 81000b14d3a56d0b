import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { HandlerRegistry } from '../../../electron/core/runtime/registry';
import { createRegistry } from '../../../electron/core/runtime/gate';
import { ApiError, type ChangeHint } from '../../../shared/contract/index';
import { MOBILE_PATTERN } from '../../../shared/kernel/masking';
import { createdPayload, T0, TINY_REF, tempDir } from '../store/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;
const commander = { role: 'commander', actor: 'chief' } as const;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let clock = T0;
/** A core over a temp store, with the tiny street's reference data unless told otherwise. */
async function core(withReference = true): Promise<{ core: Core; dir: string; hints: ChangeHint[] }> {
  const t = tempDir();
  if (withReference) {
    const db = openDb(t.dir);
    writeReference(db, TINY_REF);
    db.close();
  }
  clock = T0;
  const c = await createInProcessCore({
    dataDir: t.dir,
    host: 'test',
    node: 'hall-a',
    now: () => (clock += 1000),
  });
  const hints: ChangeHint[] = [];
  c.onChange((h) => hints.push(h));
  cleanups.push(t.cleanup, () => c.close());
  return { core: c, dir: t.dir, hints };
}

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('service registry', () => {
  it('refuses duplicates and requires every contract procedure', () => {
    expect(() => createRegistry()).not.toThrow();
    const r = new HandlerRegistry().register('system.info', () => {
      throw new Error('unused');
    });
    expect(() =>
      r.register('system.info', () => {
        throw new Error('unused');
      }),
    ).toThrow(/duplicate/);
    expect(() => r.assertComplete()).toThrow(/orders\.list/);
  });
});

describe('orders services', () => {
  it('creates idempotently by client order id, stamps HLC and emits a hint after commit', async () => {
    const { core: c, hints } = await core();
    const a = await c.call('orders.create', { orderId: 'c-1', order: createdPayload() }, officer);
    expect(a.order.id).toBe('c-1');
    expect(a.order.status).toBe('received');
    expect(a.events).toHaveLength(1);
    expect(a.events[0]?.hlc).toMatch(/:hall-a$/);
    expect(a.timers.length).toBeGreaterThan(0);
    const b = await c.call(
      'orders.create',
      { orderId: 'c-1', order: createdPayload({ title: '另一个' }) },
      officer,
    );
    expect(b.order).toEqual(a.order);
    expect(b.events).toHaveLength(1);
    expect(hints).toEqual([{ topic: 'orders.changed', orderIds: ['c-1'] }]);
    const info = await c.call('system.info', {}, viewer);
    expect(info).toMatchObject({
      orderCount: 1,
      eventCount: 1,
      outboxPending: 1,
      node: 'hall-a',
      host: 'test',
      demo: false,
    });
    expect(info.storeBytes).toBeGreaterThan(0);
  });

  it('acts with optimistic concurrency: a stale version is a conflict', async () => {
    const { core: c } = await core();
    await c.call('orders.create', { orderId: 'c-2', order: createdPayload() }, officer);
    const d = await c.call(
      'orders.act',
      { orderId: 'c-2', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
      officer,
    );
    expect(d.order.status).toBe('dispatched');
    expect(d.order.version).toBe(2);
    const err = await rejects(
      c.call(
        'orders.act',
        { orderId: 'c-2', expectedVersion: 1, action: { type: 'signed', payload: { unitId: 'u-cg' } } },
        officer,
      ),
    );
    expect(err.code).toBe('conflict');
    expect(err.reason).toBe('stale_version');
    expect(err.message).toBe('该工单已被他人更新，请刷新后重试');
  });

  it('refuses an invalid transition with the reducer reason and writes nothing', async () => {
    const { core: c } = await core();
    await c.call('orders.create', { orderId: 'c-3', order: createdPayload() }, officer);
    const before = await c.call('system.info', {}, viewer);
    const err = await rejects(
      c.call(
        'orders.act',
        { orderId: 'c-3', expectedVersion: 1, action: { type: 'replied', payload: { result: '好了' } } },
        officer,
      ),
    );
    expect(err.code).toBe('rejected');
    expect(err.message.length).toBeGreaterThan(0);
    const after = await c.call('system.info', {}, viewer);
    expect(after.eventCount).toBe(before.eventCount);
    expect(after.outboxPending).toBe(before.outboxPending);
  });

  it('is idempotent by client event id', async () => {
    const { core: c } = await core();
    await c.call('orders.create', { orderId: 'c-4', order: createdPayload() }, officer);
    const input = {
      orderId: 'c-4',
      expectedVersion: 1,
      eventId: 'ev-1',
      action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
    };
    const a = await c.call('orders.act', input, officer);
    const b = await c.call('orders.act', input, officer); // retry after a lost answer: no conflict, no second event
    expect(b.order.version).toBe(a.order.version);
    expect(b.events).toHaveLength(2);
    const wrong = await rejects(c.call('orders.act', { ...input, orderId: 'c-5' }, officer));
    expect(wrong.code).toBe('invalid_input');
    expect(wrong.field).toBe('eventId');
  });

  it('masks citizen name and phone below officer, in the order and in its events', async () => {
    const { core: c } = await core();
    await c.call('orders.create', { orderId: 'c-6', order: createdPayload() }, officer);
    const seen = await c.call('orders.get', { orderId: 'c-6' }, officer);
    expect(seen.order.citizen).toEqual({ name: '张三丰', phone: '13812345678' });
    const masked = await c.call('orders.get', { orderId: 'c-6' }, viewer);
    expect(masked.order.citizen).toEqual({ name: '张**', phone: '138****5678' });
    expect(JSON.stringify(masked)).not.toMatch(MOBILE_PATTERN);
    expect(JSON.stringify(masked)).not.toContain('张三丰');
  });

  it('validates every call: typed errors name the field; roles are enforced', async () => {
    const { core: c } = await core();
    const e1 = await rejects(c.call('orders.list', { limit: 9999 }, viewer));
    expect(e1).toMatchObject({ code: 'invalid_input', field: 'limit' });
    const e2 = await rejects(c.call('orders.create', { order: { ...createdPayload(), lat: 95 } }, officer));
    expect(e2).toMatchObject({ code: 'invalid_input', field: 'order.lat' });
    expect(e2.message).toContain('order.lat');
    const e3 = await rejects(c.call('orders.create', { order: createdPayload() }, viewer));
    expect(e3.code).toBe('forbidden');
    const e4 = await rejects(c.call('orders.get', { orderId: 'nope' }, viewer));
    expect(e4.code).toBe('not_found');
    const e5 = await rejects(c.call('no.such' as 'system.info', {}, viewer));
    expect(e5.code).toBe('not_found');
    const e6 = await rejects(c.call('stats.month', { month: '2026-13' }, viewer));
    expect(e6).toMatchObject({ code: 'invalid_input', field: 'month' });
    const e7 = await rejects(c.call('orders.list', { cursor: 'garbage!' }, viewer));
    expect(e7).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    const e8 = await rejects(c.call('orders.get', null, viewer));
    expect(e8).toMatchObject({ code: 'invalid_input', field: 'orderId' });
    // still serving
    expect((await c.call('orders.list', {}, viewer)).rows).toEqual([]);
  });

  it('a failing command leaves nothing half-written and the core keeps serving', async () => {
    const { core: c, dir, hints } = await core();
    await c.call('orders.create', { orderId: 'c-7', order: createdPayload() }, officer);
    const snapshot = (db: Database.Database) => ({
      events: db.prepare('SELECT count(*) FROM order_event').pluck().get(),
      outbox: db.prepare('SELECT count(*) FROM outbox').pluck().get(),
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
      hlc: db.prepare("SELECT value FROM meta WHERE key = 'hlc'").pluck().get(),
      order: db.prepare("SELECT json FROM work_order WHERE id = 'c-7'").pluck().get(),
      rollup: db.prepare('SELECT * FROM rollup ORDER BY month, metric').all(),
    });
    const side = new Database(dbPath(dir));
    cleanups.push(() => {
      side.close();
    });
    const before = snapshot(side);
    // Fail at the last step of the command (the projection write), after the event was inserted.
    side.exec(
      "CREATE TRIGGER boom BEFORE UPDATE ON work_order BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    const err = await rejects(
      c.call(
        'orders.act',
        { orderId: 'c-7', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
        officer,
      ),
    );
    expect(err.code).toBe('internal');
    expect(snapshot(side)).toEqual(before);
    expect(hints).toHaveLength(1); // only the create's hint: no hint for a command that did not commit
    side.exec('DROP TRIGGER boom');
    const ok = await c.call(
      'orders.act',
      { orderId: 'c-7', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
      officer,
    );
    expect(ok.order.status).toBe('dispatched');
  });

  it('lists with search and reports month stats with the three rates', async () => {
    const { core: c } = await core();
    for (let i = 0; i < 5; i++) {
      await c.call(
        'orders.create',
        { orderId: `s-${i}`, order: createdPayload({ title: i % 2 ? '楼道漏水' : '噪音扰民' }) },
        officer,
      );
    }
    const page = await c.call('orders.list', { q: '漏', limit: 1 }, viewer);
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(2);
    expect(page.rows[0]?.id).toBe('s-3');
    const next = await c.call('orders.list', { q: '漏', limit: 1, cursor: page.nextCursor }, viewer);
    expect(next.rows[0]?.id).toBe('s-1');
    expect(next.nextCursor).toBeNull();
    const stats = await c.call('stats.month', { month: '2026-03' }, viewer);
    expect(stats).toMatchObject({
      month: '2026-03',
      received: 5,
      open: 5,
      closed: 0,
      byStatus: { received: 5 },
    });
    expect(stats.rates.valid).toBe(0);
    expect(stats.rates.composite).toBeNull();
  });

  it('records every state change in the audit log with its actor', async () => {
    const { core: c, dir } = await core();
    await c.call('orders.create', { orderId: 'c-8', order: createdPayload() }, officer);
    await c.call(
      'orders.act',
      { orderId: 'c-8', expectedVersion: 1, action: { type: 'urged', payload: { level: 'remind' } } },
      commander,
    );
    const side = new Database(dbPath(dir), { readonly: true });
    const rows = side
      .prepare("SELECT actor, action FROM audit_log WHERE order_id = 'c-8' ORDER BY seq")
      .all();
    side.close();
    expect(rows).toEqual([
      { actor: 'duty-1', action: 'orders.create' },
      { actor: 'chief', action: 'orders.act:urged' },
    ]);
  });

  it('reference.snapshot is unavailable before reference data exists', async () => {
    const { core: c } = await core(false);
    expect((await rejects(c.call('reference.snapshot', {}, viewer))).code).toBe('unavailable');
  });
});
