import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { coreWorkerEntry, createCore, type Core } from '../../../electron/core/runtime/core';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import { ApiError, type ChangeHint } from '../../../shared/contract/index';
import { writeReference } from '../../../electron/core/store/reference';
import { createdPayload, tempDir, TINY_REF } from '../store/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('createCore (worker thread)', () => {
  it('finds the TypeScript entry when no bundled core-worker.cjs sits next to it', () => {
    expect(coreWorkerEntry().file).toMatch(/electron[/\\]core[/\\]runtime[/\\]core-worker\.ts$/);
    expect(coreWorkerEntry().typescript).toBe(true);
  });

  it('serves the contract end to end, relays hints, survives bad calls, and closes', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ref = openDb(t.dir);
    writeReference(ref, TINY_REF);
    ref.close();
    const core: Core = await createCore({ dataDir: t.dir, host: 'test', node: 'w1' });
    cleanups.push(() => core.close());
    const hints: ChangeHint[] = [];
    core.onChange((h) => hints.push(h));

    const created = await core.call('orders.create', { orderId: 'w-1', order: createdPayload() }, officer);
    expect(created.order.version).toBe(1);
    const bad = await core.call('orders.list', { status: ['nonsense'] }, officer).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'status.0' });
    const unsendable = await core.call('orders.list', { q: () => 1 }, officer).catch((e: unknown) => e);
    expect(unsendable).toMatchObject({ code: 'invalid_input' });
    const acted = await core.call(
      'orders.act',
      { orderId: 'w-1', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
      officer,
    );
    expect(acted.order.status).toBe('dispatched');
    const conflict = await core
      .call(
        'orders.act',
        { orderId: 'w-1', expectedVersion: 1, action: { type: 'urged', payload: { level: 'remind' } } },
        officer,
      )
      .catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: 'conflict' });
    // Concurrent calls all answer, in any order.
    const many = await Promise.all(
      Array.from({ length: 20 }, () => core.call('orders.get', { orderId: 'w-1' }, officer)),
    );
    expect(many.every((d) => d.order.version === 2)).toBe(true);
    const page = await core.call('orders.list', { q: '噪音' }, officer);
    expect(page.rows.map((r) => r.id)).toEqual(['w-1']);
    await new Promise((r) => setTimeout(r, 50));
    expect(hints).toEqual([
      { topic: 'orders.changed', orderIds: ['w-1'] },
      { topic: 'orders.changed', orderIds: ['w-1'] },
    ]);
    const info = await core.call('system.info', {}, officer);
    expect(info).toMatchObject({ node: 'w1', orderCount: 1, eventCount: 2, outboxPending: 2 });
    // Queries went to the read pool (both readers got some), writes to the writer; each read saw
    // the writes committed before it (WAL): orders.get above answered version 2 every time.
    const served = core.served();
    expect(served.readers).toHaveLength(2);
    expect(served.readers.every((n) => n > 0)).toBe(true);
    expect(served.writer).toBe(3); // orders.create, orders.act and the stale orders.act

    await core.close();
    const after = await core.call('system.info', {}, officer).catch((e: unknown) => e);
    expect(after).toMatchObject({ code: 'unavailable' });
    // The worker closed the database cleanly: the file opens and holds the data.
    const db = new Database(dbPath(t.dir), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM order_event').pluck().get()).toBe(2);
    db.close();
  });

  it('rejects start-up on a database newer than the program, with the reason', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    openDb(t.dir).close();
    const raw = new Database(dbPath(t.dir));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    await expect(createCore({ dataDir: t.dir, host: 'test' })).rejects.toThrow(/数据库版本比程序新/);
  });
});
