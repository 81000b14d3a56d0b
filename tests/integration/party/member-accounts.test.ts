/**
 * 党员接单 — member accounts acting for themselves (issue 15, docs/PARTY.md): an admin links an
 * account to a 双报到 member (audited); the account then sees only its own volunteer tasks and the
 * orders it assists on, with the citizen masked, and 接单 / 拒单 / 办结 its own tasks — recorded as
 * done by the member (本人账号), not by a duty officer. Everything else is refused by the gate
 * (`member_scope`). Real in-process core, real SQLite file, real sessions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { T0, createdPayload, tempDir } from '../store/fixtures';
import { rejects } from '../runtime/fixtures';
import { EAST, PARTY_REF } from './fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const anon: CallContext = { role: null, actor: 'anonymous', local: true };
const ADMIN = { username: 'admin', displayName: '李主任', password: 'admin-password-1' };
const officer: CallContext = { role: 'officer', actor: 'duty-1' };

async function open() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, PARTY_REF);
  db.close();
  const core: Core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => T0 });
  cleanups.push(() => core.close());
  const setup = await core.call('auth.setup', ADMIN, anon);
  const admin: CallContext = { role: 'admin', actor: 'admin', session: setup.token! };
  const account = async (username: string, role: 'officer' | 'commander' = 'officer') => {
    await core.call(
      'accounts.create',
      { username, displayName: username, password: `${username}-pass-2026`, role },
      admin,
    );
  };
  const login = async (username: string): Promise<CallContext> => {
    const r = await core.call('auth.login', { username, password: `${username}-pass-2026` }, anon);
    return { role: r.user.role, actor: username, session: r.token! };
  };
  return { core, admin, account, login };
}

/** A 居民点单 given to a member. */
async function taskFor(core: Core, memberId: string): Promise<{ orderId: string; version: number }> {
  const { orderId } = await core.call(
    'party.request',
    {
      need: 'elderly',
      communityCode: EAST,
      address: '1号楼3单元',
      description: '独居老人需要陪同去医院复诊。',
      citizen: { name: '孙大妈', phone: '13811112222' },
    },
    officer,
  );
  const t = await core.call(
    'party.assign',
    { orderId, expectedVersion: 1, assignee: { kind: 'member', id: memberId } },
    officer,
  );
  return { orderId, version: t.version };
}

describe('member accounts (党员接单)', () => {
  it('an admin links and unlinks an account to a member (audited); unknown, non-member and own account refused', async () => {
    const { core, admin, account } = await open();
    await account('li.zl');
    const set = await core.call('accounts.setMember', { username: 'li.zl', memberId: 'm1' }, admin);
    expect(set.memberId).toBe('m1');
    expect((await core.call('accounts.list', {}, admin)).find((r) => r.username === 'li.zl')?.memberId).toBe(
      'm1',
    );
    // p1 is a person of the street but not a 双报到 member.
    for (const memberId of ['nobody', 'p1'])
      expect(
        (await rejects(core.call('accounts.setMember', { username: 'li.zl', memberId }, admin))).reason,
      ).toBe('unknown_reference');
    expect(
      (await rejects(core.call('accounts.setMember', { username: 'admin', memberId: 'm1' }, admin))).reason,
    ).toBe('self_change');
    expect(
      (await rejects(core.call('accounts.setMember', { username: 'li.zl', memberId: 'm1' }, officer))).reason,
    ).toBe('role_required');
    const cleared = await core.call('accounts.setMember', { username: 'li.zl', memberId: null }, admin);
    expect(cleared.memberId).toBeUndefined();
    const audit = await core.call('audit.list', { action: 'accounts.setMember' }, admin);
    expect(audit.rows).toHaveLength(2);
  });

  it('sees only its own tasks and assists, masked; the hall’s procedures are refused', async () => {
    const { core, admin, account, login } = await open();
    await account('li.zl', 'commander');
    await core.call('accounts.setMember', { username: 'li.zl', memberId: 'm1' }, admin);
    const mine = await taskFor(core, 'm1');
    const other = await taskFor(core, 'm2');
    // An ordinary order m1 assists on, and one it does not.
    const o1 = await core.call('orders.create', { order: createdPayload() }, officer);
    await core.call('party.assist', { orderId: o1.order.id, expectedVersion: 1, memberId: 'm1' }, officer);
    await core.call('orders.create', { order: createdPayload({ title: '另一件工单' }) }, officer);

    const me = await login('li.zl');
    // Capped at officer whatever the account's role.
    expect((await core.call('auth.status', {}, me)).user).toMatchObject({ role: 'officer', memberId: 'm1' });
    const view = await core.call('party.mine', {}, me);
    expect(view).toMatchObject({ memberId: 'm1', name: '李助老' });
    expect(view.tasks.map((t) => t.orderId)).toEqual([mine.orderId]);
    expect(view.tasks.map((t) => t.orderId)).not.toContain(other.orderId);
    expect(view.assists.map((a) => a.orderId)).toEqual([o1.order.id]);
    const text = JSON.stringify(view);
    expect(text).not.toContain('孙大妈');
    expect(text).not.toContain('13811112222');
    expect(text).not.toContain('张三丰');

    for (const [proc, input] of [
      ['orders.list', {}],
      ['orders.get', { orderId: other.orderId }],
      ['party.tasks', {}],
      ['party.members', {}],
      ['party.assists', { orderId: o1.order.id }],
      ['reference.snapshot', {}],
    ] as const)
      expect((await rejects(core.call(proc, input as never, me))).reason, proc).toBe('member_scope');
    expect(
      (
        await rejects(
          core.call(
            'party.assign',
            {
              orderId: other.orderId,
              expectedVersion: other.version,
              assignee: { kind: 'member', id: 'm1' },
            },
            me,
          ),
        )
      ).reason,
    ).toBe('member_scope');
  });

  it('接单 / 拒单 / 办结 its own task, recorded as done by the member; another member’s task is refused', async () => {
    const { core, admin, account, login } = await open();
    await account('li.zl');
    await core.call('accounts.setMember', { username: 'li.zl', memberId: 'm1' }, admin);
    const mine = await taskFor(core, 'm1');
    const other = await taskFor(core, 'm2');
    const me = await login('li.zl');

    expect(
      (
        await rejects(
          core.call(
            'party.accept',
            { orderId: other.orderId, expectedVersion: other.version, via: 'phone' },
            me,
          ),
        )
      ).reason,
    ).toBe('member_scope');
    // Nothing happened to the other task.
    expect(
      (await core.call('party.tasks', {}, officer)).find((t) => t.orderId === other.orderId)?.status,
    ).toBe('dispatched');

    // The page may send anything for how and who: the core records 本人账号 and the member's name.
    const accepted = await core.call(
      'party.accept',
      { orderId: mine.orderId, expectedVersion: mine.version, via: 'phone', person: '值班员小王' },
      me,
    );
    expect(accepted.status).toBe('in_progress');
    const done = await core.call(
      'party.done',
      { orderId: mine.orderId, expectedVersion: accepted.version, result: '已陪同老人到医院复诊' },
      me,
    );
    expect(done.status).toBe('replied');
    const events = (await core.call('orders.get', { orderId: mine.orderId }, officer)).events;
    const acc = events.find((e) => e.type === 'volunteer_accepted');
    expect(acc).toMatchObject({
      actor: 'li.zl',
      payload: { assigneeId: 'm1', via: 'app', person: '李助老' },
    });
    expect(events.find((e) => e.type === 'replied')?.actor).toBe('li.zl');

    // A decline by the member itself: back to 待派单, recorded as 本人账号.
    const second = await taskFor(core, 'm1');
    const declined = await core.call(
      'party.decline',
      { orderId: second.orderId, expectedVersion: second.version, reason: '本周出差', via: 'on_site' },
      me,
    );
    expect(declined.status).toBe('received');
    const dec = (await core.call('orders.get', { orderId: second.orderId }, officer)).events.find(
      (e) => e.type === 'volunteer_declined',
    );
    expect(dec).toMatchObject({
      actor: 'li.zl',
      payload: { assigneeId: 'm1', via: 'app', reason: '本周出差' },
    });
    // A task no longer its own is out of reach.
    expect(
      (
        await rejects(
          core.call(
            'party.decline',
            { orderId: second.orderId, expectedVersion: declined.version, reason: 'x', via: 'app' },
            me,
          ),
        )
      ).reason,
    ).toBe('lifecycle_refused');
  });
});
