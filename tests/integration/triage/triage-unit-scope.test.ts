/**
 * A unit account (docs/UNIT-ACCOUNTS.md) and triage: duplicate candidates only among the orders
 * its unit is on; asking about an order outside its scope, reading its repeat links and linking
 * repeats are refused with `unit_scope`. Real in-process core, real SQLite file, real sessions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { T0, TINY_REF, createdPayload, tempDir } from '../store/fixtures';
import { rejects } from '../runtime/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const anon: CallContext = { role: null, actor: 'anonymous', local: true };
const officer: CallContext = { role: 'officer', actor: 'duty-1' };

describe('triage for a unit account', () => {
  it('sees duplicate candidates only on its unit’s orders and is refused another order’s triage', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    writeReference(db, TINY_REF);
    db.close();
    let clock = T0;
    const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => (clock += 1000) });
    cleanups.push(() => core.close());
    const setup = await core.call(
      'auth.setup',
      { username: 'admin', displayName: '李主任', password: 'admin-password-1' },
      anon,
    );
    const admin: CallContext = { role: 'admin', actor: 'admin', session: setup.token! };
    await core.call(
      'accounts.create',
      {
        username: 'cg.staff',
        displayName: '城管',
        password: 'cg.staff-pass-2026',
        role: 'officer',
        unitId: 'u-cg',
      },
      admin,
    );
    const login = await core.call(
      'auth.login',
      { username: 'cg.staff', password: 'cg.staff-pass-2026' },
      anon,
    );
    const unit: CallContext = { role: login.user.role, actor: 'cg.staff', session: login.token! };

    // Two alike reports at one place: one dispatched to 城管 (the unit's), one not yet dispatched.
    const ours = (await core.call('orders.create', { order: createdPayload() }, officer)).order;
    await core.call(
      'orders.act',
      {
        orderId: ours.id,
        expectedVersion: ours.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
      },
      officer,
    );
    const other = (await core.call('orders.create', { order: createdPayload() }, officer)).order;
    const probe = {
      point: [createdPayload().lng!, createdPayload().lat!] as [number, number],
      communityCode: createdPayload().communityCode!,
      text: `${ours.title} ${ours.description}`,
      categoryCode: ours.categoryCode,
    };
    // The hall sees both.
    const hall = await core.call('triage.duplicates', probe, officer);
    expect(hall.map((c) => c.orderId).sort()).toEqual([ours.id, other.id].sort());
    // The unit account only its own.
    const mine = await core.call('triage.duplicates', probe, unit);
    expect(mine.map((c) => c.orderId)).toEqual([ours.id]);
    // From its own order's detail: the other order is not a candidate.
    expect(
      (await core.call('triage.duplicates', { ...probe, excludeOrderId: ours.id }, unit)).map(
        (c) => c.orderId,
      ),
    ).toEqual([]);
    // About an order its unit is not on: refused, as orders.get is.
    const refused = await rejects(
      core.call('triage.duplicates', { ...probe, excludeOrderId: other.id }, unit),
    );
    expect(refused.reason).toBe('unit_scope');
    expect(refused.field).toBe('excludeOrderId');
    expect((await rejects(core.call('orders.get', { orderId: other.id }, unit))).reason).toBe('unit_scope');

    // Repeat links: the hall links; a unit account may not, and reads only its own order's.
    await core.call('triage.linkRepeat', { orderId: other.id, ofOrderId: ours.id }, officer);
    const link = await rejects(
      core.call('triage.linkRepeat', { orderId: other.id, ofOrderId: ours.id }, unit),
    );
    expect(link.reason).toBe('unit_scope');
    expect((await rejects(core.call('triage.repeats', { orderId: other.id }, unit))).reason).toBe(
      'unit_scope',
    );
    const own = await core.call('triage.repeats', { orderId: ours.id }, unit);
    // The repeat from outside its scope is not listed.
    expect(own.repeatedBy).toEqual([]);
    expect(own.chain.map((c) => c.orderId)).toEqual([ours.id]);
    expect(own.nth).toBe(1);
    const hallView = await core.call('triage.repeats', { orderId: ours.id }, officer);
    expect(hallView.repeatedBy.map((r) => r.orderId)).toEqual([other.id]);
    expect(hallView.chain.map((c) => c.orderId)).toEqual([ours.id, other.id]);
  });
});
