/**
 * 重复件 (triage.linkRepeat / triage.repeats / triage.repeatCount) on a real in-process core over
 * a temp SQLite file: a later report linked as a repeat of an earlier order, open or closed,
 * without changing either; the link is seen from both sides, audited, idempotent, counted as
 * 重复诉求 by receipt time; bad links are refused with a Chinese reason and change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../electron/core/store/db';
import { openTestCore, rejects, type Cleanups } from '../runtime/fixtures';
import { createdPayload } from '../store/fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const officer = { role: 'officer', actor: 'duty-1' } as const;

describe('triage.linkRepeat', () => {
  it('links a later report to an earlier one, both visible, audited, idempotent and counted', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const first = (await core.call('orders.create', { order: createdPayload() }, officer)).order;
    const second = (await core.call('orders.create', { order: createdPayload() }, officer)).order;
    expect(
      await core.call('triage.linkRepeat', { orderId: second.id, ofOrderId: first.id }, officer),
    ).toEqual({
      linked: true,
    });
    // Again: nothing new.
    expect(
      await core.call('triage.linkRepeat', { orderId: second.id, ofOrderId: first.id }, officer),
    ).toEqual({
      linked: false,
    });
    const a = await core.call('triage.repeats', { orderId: second.id }, officer);
    expect(a.repeatOf.map((r) => r.orderId)).toEqual([first.id]);
    expect(a.repeatOf[0]).toMatchObject({ title: first.title, linkedBy: 'duty-1', status: 'received' });
    expect(a.repeatedBy).toEqual([]);
    const b = await core.call('triage.repeats', { orderId: first.id }, officer);
    expect(b.repeatedBy.map((r) => r.orderId)).toEqual([second.id]);
    expect(b.repeatOf).toEqual([]);
    // Neither order is changed: both stay open, not merged.
    for (const id of [first.id, second.id]) {
      const o = (await core.call('orders.get', { orderId: id }, officer)).order;
      expect(o.status).toBe('received');
      expect(o.mergedInto ?? null).toBeNull();
    }
    // 重复诉求 by the repeat's receipt time.
    expect(
      await core.call('triage.repeatCount', { from: second.receivedAt, to: second.receivedAt + 1 }, officer),
    ).toEqual({ repeats: 1, problems: 1, orderIds: [second.id, first.id] });
    expect(await core.call('triage.repeatCount', { from: 1, to: first.receivedAt + 1 }, officer)).toEqual({
      repeats: 0,
      problems: 0,
      orderIds: [],
    });
    const db = openDb(dir);
    try {
      const audit = db
        .prepare("SELECT actor, detail FROM audit_log WHERE action = 'triage.linkRepeat'")
        .all();
      // The gate audits each call (the idempotent second one too).
      const row = { actor: 'duty-1', detail: JSON.stringify({ orderId: second.id, ofOrderId: first.id }) };
      expect(audit).toEqual([row, row]);
    } finally {
      db.close();
    }
  });

  it('refuses itself, a later order, the reverse of a link, an unknown order and a viewer — changing nothing', async () => {
    const { core } = await openTestCore(cleanups);
    const first = (await core.call('orders.create', { order: createdPayload() }, officer)).order;
    const second = (await core.call('orders.create', { order: createdPayload() }, officer)).order;
    const self = await rejects(
      core.call('triage.linkRepeat', { orderId: first.id, ofOrderId: first.id }, officer),
    );
    expect(self.reason).toBe('lifecycle_refused');
    expect(self.message).toContain('它自己');
    const later = await rejects(
      core.call('triage.linkRepeat', { orderId: first.id, ofOrderId: second.id }, officer),
    );
    expect(later.message).toContain('更早受理');
    expect(later.field).toBe('ofOrderId');
    const unknown = await rejects(
      core.call('triage.linkRepeat', { orderId: second.id, ofOrderId: 'no-such-order' }, officer),
    );
    expect(unknown.reason).toBe('order_not_found');
    const viewer = await rejects(
      core.call(
        'triage.linkRepeat',
        { orderId: second.id, ofOrderId: first.id },
        { role: 'viewer', actor: 'v' },
      ),
    );
    expect(viewer.code).toBe('forbidden');
    await rejects(core.call('triage.linkRepeat', { orderId: '<script>', ofOrderId: first.id }, officer));
    expect((await core.call('triage.repeats', { orderId: first.id }, officer)).repeatedBy).toEqual([]);
    expect((await core.call('triage.repeats', { orderId: second.id }, officer)).repeatOf).toEqual([]);
  });
});

describe('同一问题第 N 次反映 (triage.repeats chain)', () => {
  it('counts every report of a problem through the links, oldest first, from any of them', async () => {
    const { core } = await openTestCore(cleanups);
    const make = async () => (await core.call('orders.create', { order: createdPayload() }, officer)).order;
    const a = await make();
    const b = await make();
    const c = await make();
    const d = await make(); // linked to nothing
    await core.call('triage.linkRepeat', { orderId: b.id, ofOrderId: a.id }, officer);
    // The third report is linked to the second, not the first: still the same problem.
    await core.call('triage.linkRepeat', { orderId: c.id, ofOrderId: b.id }, officer);
    const ids = [a.id, b.id, c.id];
    for (const [k, id] of ids.entries()) {
      const v = await core.call('triage.repeats', { orderId: id }, officer);
      expect(v.chain.map((x) => x.orderId)).toEqual(ids);
      expect(v.nth).toBe(k + 1);
    }
    expect((await core.call('triage.repeats', { orderId: c.id }, officer)).chain[0]).toMatchObject({
      orderId: a.id,
      title: a.title,
      status: 'received',
      receivedAt: a.receivedAt,
    });
    // An order with no link has no chain.
    expect(await core.call('triage.repeats', { orderId: d.id }, officer)).toMatchObject({
      chain: [],
      nth: 0,
    });
    // 重复诉求 over all of them: two repeats of one problem; the click opens all three.
    const count = await core.call(
      'triage.repeatCount',
      { from: a.receivedAt, to: d.receivedAt + 1 },
      officer,
    );
    expect(count.repeats).toBe(2);
    expect(count.problems).toBe(1); // b repeats a, c repeats b: one problem reported three times
    expect([...count.orderIds].sort()).toEqual([...ids].sort());
  });
});
