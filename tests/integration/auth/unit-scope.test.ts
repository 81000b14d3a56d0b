/**
 * A unit account's scope on the procedures beyond the list and the detail (issue 15,
 * docs/UNIT-ACCOUNTS.md): orders.lock only on its unit's orders, orders.recommend (派单 is the
 * hall's) refused, whistle.alarms only its own unit's, 协办党员 the hall's. Real in-process core,
 * real SQLite file, real sessions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { whistleTick } from '../../../electron/core/features/whistle';
import { T0, createdPayload, tempDir } from '../store/fixtures';
import { rejects } from '../runtime/fixtures';
import { PARTY_REF } from '../party/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const anon: CallContext = { role: null, actor: 'anonymous', local: true };
const ADMIN = { username: 'admin', displayName: '李主任', password: 'admin-password-1' };
const officer: CallContext = { role: 'officer', actor: 'duty-1' };
const MIN = 60_000;

async function open() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, PARTY_REF);
  db.close();
  let clock = T0;
  const core: Core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
  cleanups.push(() => core.close());
  const loopDb = openDb(t.dir);
  cleanups.push(() => {
    loopDb.close();
  });
  const setup = await core.call('auth.setup', ADMIN, anon);
  const admin: CallContext = { role: 'admin', actor: 'admin', session: setup.token! };
  const unitAccount = async (username: string, unitId: string): Promise<CallContext> => {
    const password = `${username}-pass-2026`;
    await core.call(
      'accounts.create',
      { username, displayName: username, password, role: 'officer', unitId },
      admin,
    );
    const r = await core.call('auth.login', { username, password }, anon);
    return { role: r.user.role, actor: username, session: r.token! };
  };
  return {
    core,
    unitAccount,
    advance: (ms: number) => (clock += ms),
    tick: () => whistleTick({ db: loopDb, now: () => clock }),
  };
}

/** An order dispatched to u-wy (物业): the 城管 account is not on it. */
async function wyOrder(core: Core): Promise<string> {
  const d = await core.call('orders.create', { order: createdPayload() }, officer);
  await core.call(
    'orders.act',
    { orderId: d.order.id, expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-wy' } } },
    officer,
  );
  return d.order.id;
}

describe('unit scope beyond the list', () => {
  it('orders.lock: refused on an order outside the unit, taken on its own', async () => {
    const { core, unitAccount } = await open();
    const cg = await unitAccount('cg.staff', 'u-cg');
    const wy = await unitAccount('wy.staff', 'u-wy');
    const orderId = await wyOrder(core);
    expect((await rejects(core.call('orders.lock', { orderId, purpose: 'signed' }, cg))).reason).toBe(
      'unit_scope',
    );
    // Nothing was locked: the hall sees no "正在处理" by the other unit.
    expect((await core.call('orders.get', { orderId }, officer)).lock).toBeNull();
    const mine = await core.call('orders.lock', { orderId, purpose: 'signed' }, wy);
    expect(mine.mine).toBe(true);
  });

  it('orders.recommend: refused to a unit account (派单 is the hall’s), even on its own order', async () => {
    const { core, unitAccount } = await open();
    const cg = await unitAccount('cg.staff', 'u-cg');
    const wy = await unitAccount('wy.staff', 'u-wy');
    const orderId = await wyOrder(core);
    expect((await rejects(core.call('orders.recommend', { orderId }, cg))).reason).toBe('unit_scope');
    expect((await rejects(core.call('orders.recommend', { orderId }, wy))).reason).toBe('unit_scope');
    expect((await core.call('orders.recommend', { orderId }, officer)).candidates.length).toBeGreaterThan(0);
  });

  it('whistle.alarms: a unit account sees only its own unit’s 超时, the hall sees all', async () => {
    const { core, unitAccount, advance, tick } = await open();
    const cg = await unitAccount('cg.staff', 'u-cg');
    await core.call(
      'whistle.create',
      {
        kind: 'joint_enforcement',
        title: '光华路占道经营联合执法',
        reason: '',
        address: '光华路1号楼东侧',
        lng: 116.401,
        lat: 39.901,
        radiusM: 300,
        deadlineMinutes: 5,
        unitIds: ['u-cg', 'u-wy'],
      },
      officer,
    );
    advance(10 * MIN);
    tick();
    expect((await core.call('whistle.alarms', {}, officer)).map((a) => a.unitId).sort()).toEqual([
      'u-cg',
      'u-wy',
    ]);
    expect((await core.call('whistle.alarms', {}, cg)).map((a) => a.unitId)).toEqual(['u-cg']);
  });

  it('协办党员: a unit account neither reads the suggestion nor adds or removes a member', async () => {
    const { core, unitAccount } = await open();
    const wy = await unitAccount('wy.staff', 'u-wy');
    const orderId = await wyOrder(core);
    expect((await rejects(core.call('party.assists', { orderId }, wy))).reason).toBe('unit_scope');
    expect(
      (await rejects(core.call('party.assist', { orderId, expectedVersion: 2, memberId: 'm1' }, wy))).reason,
    ).toBe('unit_scope');
  });
});
