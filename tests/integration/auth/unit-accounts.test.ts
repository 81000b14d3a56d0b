/**
 * Unit accounts (issue 15): an admin makes an account a unit's; the account then sees only the
 * orders and whistles its unit is on, acts there only in its unit's name, acknowledges its own
 * whistle summons (recorded as 本单位账号, by the unit's account), and sees the citizen's name and
 * phone only where its unit is the 主办 — decided by the core for the session, never the page.
 * Real in-process core, real SQLite file, real sessions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { T0, TINY_REF, createdPayload, tempDir } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const anon: CallContext = { role: null, actor: 'anonymous', local: true };
const ADMIN = { username: 'admin', displayName: '李主任', password: 'admin-password-1' };
const officer: CallContext = { role: 'officer', actor: 'duty-1' };

/** A third unit, so an order can have a 主办, a 协办 and one that is on nothing. */
const REF = {
  ...TINY_REF,
  units: [...TINY_REF.units, { ...TINY_REF.units[0]!, id: 'u-sc', name: '市场监管所', communityCodes: [] }],
};

async function open(): Promise<{
  core: Core;
  admin: CallContext;
  login: (u: string) => Promise<CallContext>;
}> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, REF);
  db.close();
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => T0 });
  cleanups.push(() => core.close());
  const setup = await core.call('auth.setup', ADMIN, anon);
  const admin: CallContext = { role: 'admin', actor: 'admin', session: setup.token! };
  const login = async (username: string): Promise<CallContext> => {
    const r = await core.call('auth.login', { username, password: `${username}-pass-2026` }, anon);
    return { role: r.user.role, actor: username, session: r.token! };
  };
  return { core, admin, login };
}

async function unitAccount(core: Core, admin: CallContext, username: string, unitId: string | null) {
  await core.call(
    'accounts.create',
    { username, displayName: username, password: `${username}-pass-2026`, role: 'officer', unitId },
    admin,
  );
}

describe('unit accounts', () => {
  it('an admin sets and clears an account’s unit (audited); unknown units and the admin’s own account are refused', async () => {
    const { core, admin } = await open();
    await unitAccount(core, admin, 'cg.staff', 'u-cg');
    await unitAccount(core, admin, 'plain', null);
    const rows = await core.call('accounts.list', {}, admin);
    expect(rows.find((r) => r.username === 'cg.staff')?.unitId).toBe('u-cg');
    expect(rows.find((r) => r.username === 'plain')?.unitId).toBeUndefined();
    const set = await core.call('accounts.setUnit', { username: 'plain', unitId: 'u-wy' }, admin);
    expect(set.unitId).toBe('u-wy');
    const cleared = await core.call('accounts.setUnit', { username: 'plain', unitId: null }, admin);
    expect(cleared.unitId).toBeUndefined();
    await expect(
      core.call('accounts.setUnit', { username: 'plain', unitId: 'u-nowhere' }, admin),
    ).rejects.toMatchObject({ reason: 'unknown_reference' });
    await expect(
      core.call('accounts.setUnit', { username: 'admin', unitId: 'u-cg' }, admin),
    ).rejects.toMatchObject({ reason: 'self_change' });
    await expect(
      core.call('accounts.setUnit', { username: 'plain', unitId: 'u-cg' }, officer),
    ).rejects.toMatchObject({ reason: 'role_required' });
    const audit = await core.call('audit.list', { action: 'accounts.setUnit' }, admin);
    expect(audit.rows.map((r) => r.action)).toEqual(['accounts.setUnit', 'accounts.setUnit']);
  });

  it('a unit account is capped at officer, sees only its unit’s orders and acts only in its name', async () => {
    const { core, admin, login } = await open();
    await core.call(
      'accounts.create',
      {
        username: 'cg.boss',
        displayName: '城管队长',
        password: 'cg.boss-pass-2026',
        role: 'commander',
        unitId: 'u-cg',
      },
      admin,
    );
    const cg = await login('cg.boss');
    const mine = await core.call(
      'orders.create',
      { order: createdPayload({ title: '城管的工单' }) },
      officer,
    );
    const other = await core.call(
      'orders.create',
      { order: createdPayload({ title: '别人的工单' }) },
      officer,
    );
    await core.call(
      'orders.act',
      {
        orderId: mine.order.id,
        expectedVersion: mine.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
      },
      officer,
    );
    // Capped at officer: a commander's procedure is refused.
    expect((await core.call('auth.status', {}, cg)).user).toMatchObject({ role: 'officer', unitId: 'u-cg' });
    await expect(
      core.call('orders.breakLock', { orderId: mine.order.id, reason: 'x' }, cg),
    ).rejects.toMatchObject({ reason: 'role_required' });
    // Only its orders, in the list and the detail.
    const list = await core.call('orders.list', {}, cg);
    expect(list.rows.map((r) => r.id)).toEqual([mine.order.id]);
    await expect(core.call('orders.get', { orderId: other.order.id }, cg)).rejects.toMatchObject({
      reason: 'unit_scope',
    });
    // Its own steps, in its own name; not the hall's.
    const d = await core.call('orders.get', { orderId: mine.order.id }, cg);
    await expect(
      core.call(
        'orders.act',
        {
          orderId: mine.order.id,
          expectedVersion: d.order.version,
          action: { type: 'signed', payload: { unitId: 'u-wy' } },
        },
        cg,
      ),
    ).rejects.toMatchObject({ reason: 'unit_scope' });
    await expect(
      core.call(
        'orders.act',
        {
          orderId: mine.order.id,
          expectedVersion: d.order.version,
          action: { type: 'dispatched', payload: { unitId: 'u-sc' } },
        },
        cg,
      ),
    ).rejects.toMatchObject({ reason: 'unit_scope' });
    const signed = await core.call(
      'orders.act',
      {
        orderId: mine.order.id,
        expectedVersion: d.order.version,
        action: { type: 'signed', payload: { unitId: 'u-cg' } },
      },
      cg,
    );
    expect(signed.order.status).toBe('in_progress');
    await expect(core.call('orders.create', { order: createdPayload() }, cg)).rejects.toMatchObject({
      reason: 'unit_scope',
    });
  });

  it('a unit account sees the whistles it was summoned to and acknowledges its own summons as the unit', async () => {
    const { core, admin, login } = await open();
    await unitAccount(core, admin, 'wy.staff', 'u-wy');
    const wy = await login('wy.staff');
    const summoned = await core.call(
      'whistle.create',
      {
        kind: 'joint_enforcement',
        title: '联合执法：占道经营',
        reason: '夜市占道',
        address: '光华路口',
        lng: 116.401,
        lat: 39.901,
        deadlineMinutes: 30,
        unitIds: ['u-wy', 'u-cg'],
      },
      officer,
    );
    const notMine = await core.call(
      'whistle.create',
      {
        kind: 'flood',
        title: '防汛：地下通道积水',
        reason: '暴雨',
        address: '通道口',
        lng: 116.401,
        lat: 39.901,
        deadlineMinutes: 30,
        unitIds: ['u-cg'],
      },
      officer,
    );
    expect((await core.call('whistle.list', {}, wy)).map((w) => w.id)).toEqual([summoned.whistle.id]);
    await expect(core.call('whistle.get', { whistleId: notMine.whistle.id }, wy)).rejects.toMatchObject({
      reason: 'unit_scope',
    });
    // Not for another unit; and its own acknowledgement is recorded as by the unit's account.
    await expect(
      core.call(
        'whistle.ack',
        { whistleId: summoned.whistle.id, unitId: 'u-cg', state: 'read', person: '王', via: 'app' },
        wy,
      ),
    ).rejects.toMatchObject({ reason: 'unit_scope' });
    const acked = await core.call(
      'whistle.ack',
      { whistleId: summoned.whistle.id, unitId: 'u-wy', state: 'read', person: '物业刘经理', via: 'phone' },
      wy,
    );
    const row = acked.recipients.find((r) => r.unitId === 'u-wy');
    expect(row).toMatchObject({
      state: 'read',
      ackVia: 'app',
      ackPerson: '物业刘经理',
      ackRecordedBy: 'wy.staff',
    });
    expect(acked.timeline.map((t) => t.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('物业刘经理（本单位账号）')]),
    );
    await expect(
      core.call('whistle.acknowledgeAlarm', { whistleId: summoned.whistle.id, unitId: 'u-wy' }, wy),
    ).rejects.toMatchObject({ reason: 'unit_scope' });
  });
});
