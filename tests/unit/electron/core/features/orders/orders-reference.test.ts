/**
 * Service-level checks on a real in-process core over a temp SQLite file: merge targets,
 * masked people in the reference snapshot, Chinese validation messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Core } from '../../../../../../electron/core/runtime/core';
import { dbPath } from '../../../../../../electron/core/store/db';
import { MOBILE_PATTERN } from '../../../../../../shared/kernel/masking';
import { createdPayload, TINY_REF } from '../../../../../integration/store/fixtures';
import { openTestCore, rejects } from '../../../../../integration/runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;
const commander = { role: 'commander', actor: 'chief' } as const;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let lastDir = '';
async function openCore(withReference: boolean): Promise<Core> {
  const { core, dir } = await openTestCore(cleanups, withReference ? TINY_REF : null);
  lastDir = dir;
  return core;
}

const merge = (orderId: string, into: string, version = 1) => ({
  orderId,
  expectedVersion: version,
  action: { type: 'merged' as const, payload: { intoOrderId: into } },
});

describe('orders.act merged (并案)', () => {
  it('refuses a target that does not exist, and writes nothing', async () => {
    const c = await openCore(true);
    await c.call('orders.create', { orderId: 'm-1', order: createdPayload() }, officer);
    const err = await rejects(c.call('orders.act', merge('m-1', 'no-such-order'), commander));
    expect(err).toMatchObject({ code: 'invalid_input', field: 'action.payload.intoOrderId' });
    const after = await c.call('orders.get', { orderId: 'm-1' }, officer);
    expect(after.order).toMatchObject({ status: 'received', version: 1 });
    expect(after.events).toHaveLength(1);
  });

  it('refuses a target that was itself merged away, and accepts a living one', async () => {
    const c = await openCore(true);
    for (const id of ['m-1', 'm-2', 'm-3'])
      await c.call('orders.create', { orderId: id, order: createdPayload() }, officer);
    await c.call('orders.act', merge('m-2', 'm-3'), commander);
    const err = await rejects(c.call('orders.act', merge('m-1', 'm-2'), commander));
    expect(err).toMatchObject({ code: 'rejected', field: 'action.payload.intoOrderId' });
    expect(err.message).toContain('m-3');
    const ok = await c.call('orders.act', merge('m-1', 'm-3'), commander);
    expect(ok.order).toMatchObject({ status: 'merged', mergedInto: 'm-3' });
  });
});

describe('reference.snapshot people', () => {
  it('lists people for the timeline: names unmasked for officers, masked below; never phones', async () => {
    const c = await openCore(true);
    const full = await c.call('reference.snapshot', {}, officer);
    expect(full.people).toEqual([
      {
        id: 'p1',
        name: '王网格',
        role: 'grid_worker',
        unitId: null,
        communityCode: '110105001001',
        gridCode: '110105001001-01',
      },
    ]);
    const wall = await c.call('reference.snapshot', {}, viewer);
    expect(wall.people.map((p) => p.name)).toEqual(['王**']);
    for (const snap of [full, wall]) {
      const text = JSON.stringify(snap.people);
      expect(text).not.toMatch(MOBILE_PATTERN);
      expect(text).not.toContain('phone');
    }
    expect(JSON.stringify(wall)).not.toContain('王网格');
  });
});

describe('validation messages', () => {
  it('are Chinese and still name the field', async () => {
    const c = await openCore(false);
    const err = await rejects(c.call('orders.list', { limit: 9999 }, viewer));
    expect(err).toMatchObject({ code: 'invalid_input', field: 'limit' });
    expect(err.message).toMatch(/^limit: .*[\u4e00-\u9fff]/);
    const forbidden = await rejects(c.call('orders.create', { order: createdPayload() }, viewer));
    expect(forbidden.message).toContain('值班员');
  });
});

describe('unexpected failures', () => {
  it('answer internal with a fixed message: SQL and its details stay in the log', async () => {
    const c = await openCore(true);
    await c.call('orders.create', { orderId: 'f-1', order: createdPayload() }, officer);
    const side = new Database(dbPath(lastDir));
    cleanups.push(() => {
      side.close();
    });
    side.exec(
      "CREATE TRIGGER boom BEFORE UPDATE ON work_order BEGIN SELECT RAISE(ABORT, 'SECRET /var/lib/hall.db'); END",
    );
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const err = await rejects(
        c.call(
          'orders.act',
          { orderId: 'f-1', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
          officer,
        ),
      );
      expect(err.code).toBe('internal');
      expect(err.reason).toBe('internal');
      expect(err.message).toBe('系统内部错误，详情已记录在日志中');
      expect(JSON.stringify(err.toData())).not.toContain('SECRET');
    } finally {
      console.error = quiet;
    }
  });
});
