/**
 * The volunteer loop on a real in-process core and real SQLite files (issue 15 item 3):
 * 居民点单 → 派单 to a member → 接单 → 办结 → 评单 with 积分, ledger and ranking; a decline back to
 * 待派单; 积分 that replaying the events into another hall does not double; who may do what.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { T0, tempDir } from '../store/fixtures';
import { EAST, PARTY_REF } from './fixtures';
import { rejects, type Cleanups } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, PARTY_REF);
  db.close();
  let clock = T0; // Tuesday 2026-03-10 10:00 China time
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
  cleanups.push(() => core.close());
  return { core, dir: t.dir, advance: (ms: number) => (clock += ms) };
}

type Core = Awaited<ReturnType<typeof open>>['core'];

async function request(core: Core) {
  const { orderId } = await core.call(
    'party.request',
    {
      need: 'elderly',
      communityCode: EAST,
      gridCode: '110105001001-01',
      address: '1号楼3单元',
      description: '独居老人行动不便，需要有人每周陪同去医院复诊。',
      citizen: { name: '孙大妈', phone: '13811112222' },
    },
    officer,
  );
  return orderId;
}

async function version(core: Core, orderId: string) {
  return (await core.call('orders.get', { orderId }, officer)).order.version;
}

/** Request → assign m1 → accept → done → rate; returns the order id. */
async function fullLoop(core: Core, advance: (ms: number) => number, stars = 5) {
  const orderId = await request(core);
  const step = async <P extends 'party.assign' | 'party.accept' | 'party.done' | 'party.rate'>(
    proc: P,
    input: Record<string, unknown>,
  ) => {
    advance(60_000);
    return core.call(
      proc,
      { orderId, expectedVersion: await version(core, orderId), ...input } as never,
      officer,
    );
  };
  await step('party.assign', { assignee: { kind: 'member', id: 'm1' } });
  await step('party.accept', { person: '李助老', via: 'phone' });
  await step('party.done', { result: '已陪同老人完成复诊，送回家中。' });
  await step('party.rate', { stars, note: '很满意' });
  return orderId;
}

describe('the volunteer loop', () => {
  it('居民点单 → 派单 → 接单 → 办结 → 评单 on the orders engine, with 积分, ledger and ranking', async () => {
    const { core, advance } = await open();
    const orderId = await request(core);
    const created = await core.call('orders.get', { orderId }, officer);
    expect(created.order).toMatchObject({
      source: 'volunteer',
      status: 'received',
      categoryCode: '03.01.001',
      communityCode: EAST,
      gridCode: '110105001001-01',
    });
    // The SLA clock runs on it like on any order.
    expect(created.timers.length).toBeGreaterThan(0);
    const open1 = await core.call('party.tasks', {}, officer);
    expect(open1.map((t) => [t.orderId, t.status, t.need, t.assignee])).toEqual([
      [orderId, 'received', 'elderly', null],
    ]);

    // Suggestion: the member with a fitting skill in the task's community first.
    const s = await core.call('party.suggest', { orderId }, officer);
    expect(s.members[0]?.id).toBe('m1');
    expect(s.members[0]?.reasons.join(' ')).toContain('技能匹配');
    expect(s.members[0]?.reasons).toContain('本社区');
    expect(s.sites[0]?.id).toBe('site-red-1');

    advance(60_000);
    const assigned = await core.call(
      'party.assign',
      { orderId, expectedVersion: created.order.version, assignee: { kind: 'member', id: 'm1' } },
      officer,
    );
    expect(assigned).toMatchObject({
      status: 'dispatched',
      assignee: { kind: 'member', id: 'm1', name: '李助老' },
    });
    advance(60_000);
    const accepted = await core.call(
      'party.accept',
      { orderId, expectedVersion: assigned.version, person: '李助老', via: 'phone' },
      officer,
    );
    expect(accepted.status).toBe('in_progress');
    expect(accepted.acceptedAt).not.toBeNull();
    // Before it is done no 积分.
    expect((await core.call('party.ledger', { memberId: 'm1' }, officer)).credits).toEqual([]);
    advance(60_000);
    const done = await core.call(
      'party.done',
      { orderId, expectedVersion: accepted.version, result: '已陪同老人完成复诊。' },
      officer,
    );
    expect(done.status).toBe('replied');
    expect((await core.call('party.ledger', { memberId: 'm1' }, officer)).earnedPoints).toBe(5);
    advance(60_000);
    const rated = await core.call(
      'party.rate',
      { orderId, expectedVersion: done.version, stars: 5 },
      officer,
    );
    expect(rated).toMatchObject({ status: 'closed', rating: { stars: 5, satisfaction: 'satisfied' } });

    const detail = await core.call('orders.get', { orderId }, officer);
    expect(detail.order.callback).toMatchObject({ satisfaction: 'satisfied', solved: true });
    expect(detail.events.map((e) => e.type)).toEqual([
      'created',
      'volunteer_assigned',
      'volunteer_accepted',
      'replied',
      'volunteer_rated',
    ]);
    const ledger = await core.call('party.ledger', { memberId: 'm1' }, viewer);
    expect(ledger).toMatchObject({ name: '李助老', basePoints: 120, earnedPoints: 8 });
    expect(ledger.credits.map((c) => [c.orderId, c.kind, c.points])).toEqual([
      [orderId, 'satisfied', 3],
      [orderId, 'done', 5],
    ]);
    const month = await core.call('party.ranking', { period: 'month' }, viewer);
    expect(month.map((r) => [r.memberId, r.points, r.tasks, r.rank])).toEqual([['m1', 8, 1, 1]]);
    const all = await core.call('party.ranking', { period: 'all' }, viewer);
    expect(all.map((r) => [r.memberId, r.points])).toEqual([
      ['m2', 300],
      ['m1', 128],
      ['m3', 50],
    ]);
    // Closed: no longer an open task.
    expect(await core.call('party.tasks', {}, officer)).toEqual([]);
    expect((await core.call('party.tasks', { all: true }, officer)).map((t) => t.orderId)).toEqual([orderId]);
  });

  it('a 基本满意 rating earns +1, 不满意 nothing beyond 完成', async () => {
    const { core, advance } = await open();
    await fullLoop(core, advance, 3);
    await fullLoop(core, advance, 2);
    const ledger = await core.call('party.ledger', { memberId: 'm1' }, officer);
    expect(ledger.credits.map((c) => c.kind).sort()).toEqual(['basic', 'done', 'done']);
    expect(ledger.earnedPoints).toBe(5 + 1 + 5);
  });

  it('a decline with its reason sends the order back to 待派单 and out of that member’s suggestion', async () => {
    const { core, advance } = await open();
    const orderId = await request(core);
    const a = await core.call(
      'party.assign',
      { orderId, expectedVersion: await version(core, orderId), assignee: { kind: 'member', id: 'm1' } },
      officer,
    );
    const empty = await rejects(
      core.call('party.decline', { orderId, expectedVersion: a.version, reason: ' ', via: 'phone' }, officer),
    );
    expect(empty.reason).toBe('invalid_input');
    advance(60_000);
    const d = await core.call(
      'party.decline',
      { orderId, expectedVersion: a.version, reason: '本周在外地出差', via: 'phone' },
      officer,
    );
    expect(d).toMatchObject({ status: 'received', assignee: null, declines: 1 });
    const s = await core.call('party.suggest', { orderId }, officer);
    expect(s.declinedBy).toEqual([{ id: 'm1', name: '李助老' }]);
    expect(s.members.map((m) => m.id)).not.toContain('m1');
    const detail = await core.call('orders.get', { orderId }, officer);
    const declined = detail.events.find((e) => e.type === 'volunteer_declined');
    expect(declined?.payload).toMatchObject({ assigneeId: 'm1', reason: '本周在外地出差', via: 'phone' });
    expect(declined?.actor).toBe('duty-1');
    // It can be given to a 红色驿站 next; the site shows it among its open tasks.
    await core.call(
      'party.assign',
      { orderId, expectedVersion: d.version, assignee: { kind: 'site', id: 'site-red-1' } },
      officer,
    );
    const overview = await core.call('party.overview', {}, viewer);
    const site = overview.sites.find((x) => x.id === 'site-red-1');
    expect(site?.openTasks.map((t) => t.orderId)).toEqual([orderId]);
    expect(overview.branches).toEqual([
      expect.objectContaining({ name: '东一网格党支部', secretary: '王网格', openTasks: 1 }),
    ]);
    // Accepting for someone else than the assignee is impossible: the step names the assignee itself.
    const acc = await core.call(
      'party.accept',
      { orderId, expectedVersion: await version(core, orderId), via: 'on_site' },
      officer,
    );
    expect(acc.assignee).toMatchObject({ kind: 'site', name: '东社区红色驿站' });
  });

  it('replaying the events into another hall, twice and shuffled, gives the same 积分 (no double credit)', async () => {
    const { core, advance } = await open();
    const orderId = await fullLoop(core, advance);
    const events = (await core.call('orders.get', { orderId }, officer)).events as OrderEvent[];
    expect((await core.call('party.ledger', { memberId: 'm1' }, officer)).earnedPoints).toBe(8);

    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    writeReference(db, PARTY_REF);
    ingestEvents(db, [...events].reverse(), { source: 'upstream', node: 'other', now: T0 });
    ingestEvents(db, events, { source: 'upstream', node: 'other', now: T0 });
    ingestEvents(db, [...events.slice(2), ...events], { source: 'upstream', node: 'other', now: T0 });
    db.close();
    const other = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => T0 + 3_600_000 });
    cleanups.push(() => other.close());
    const ledger = await other.call('party.ledger', { memberId: 'm1' }, officer);
    expect(ledger.earnedPoints).toBe(8);
    expect(ledger.credits).toHaveLength(2);
    expect((await other.call('party.ranking', { period: 'month' }, officer))[0]).toMatchObject({
      memberId: 'm1',
      points: 8,
    });
    // And the first hall still counts 8 after all that.
    expect((await core.call('party.ledger', { memberId: 'm1' }, officer)).earnedPoints).toBe(8);
  });

  it('roles and checks: viewers read only; only members and sites; orders.act cannot bypass party.*', async () => {
    const { core } = await open();
    const orderId = await request(core);
    const v = await version(core, orderId);
    const byViewer = await rejects(
      core.call(
        'party.assign',
        { orderId, expectedVersion: v, assignee: { kind: 'member', id: 'm1' } },
        viewer,
      ),
    );
    expect(byViewer.reason).toBe('role_required');
    expect(
      (
        await rejects(
          core.call(
            'party.request',
            { need: 'elderly', communityCode: EAST, description: '需要帮助', citizen: null },
            viewer,
          ),
        )
      ).reason,
    ).toBe('role_required');
    expect((await rejects(core.call('party.suggest', { orderId }, viewer))).reason).toBe('role_required');
    // A grid worker is not a 双报到 member; an unknown site is no site.
    for (const assignee of [
      { kind: 'member', id: 'p1' },
      { kind: 'member', id: 'nobody' },
      { kind: 'site', id: 'site-x' },
    ] as const) {
      const e = await rejects(core.call('party.assign', { orderId, expectedVersion: v, assignee }, officer));
      expect(e.reason).toBe('unknown_reference');
    }
    const stale = await rejects(
      core.call(
        'party.assign',
        { orderId, expectedVersion: v + 5, assignee: { kind: 'member', id: 'm1' } },
        officer,
      ),
    );
    expect(stale.reason).toBe('stale_version');
    // The desk's generic action cannot write the loop's events (it would skip the member check).
    const viaAct = await rejects(
      core.call(
        'orders.act',
        {
          orderId,
          expectedVersion: v,
          action: {
            type: 'volunteer_assigned',
            payload: { assignee: { kind: 'member', id: 'p1' } },
          } as never,
        },
        officer,
      ),
    );
    expect(viaAct.reason).toBe('invalid_input');
    // Steps out of order are refused by the reducer, nothing written.
    const early = await rejects(
      core.call('party.done', { orderId, expectedVersion: v, result: '完成' }, officer),
    );
    expect(early.reason).toBe('lifecycle_refused');
    const rateEarly = await rejects(
      core.call('party.rate', { orderId, expectedVersion: v, stars: 5 }, officer),
    );
    expect(rateEarly.reason).toBe('lifecycle_refused');
    expect(await version(core, orderId)).toBe(v);
    // Viewers read the screens, with the resident's details masked.
    const tasks = await core.call('party.tasks', {}, viewer);
    expect(JSON.stringify(tasks)).not.toContain('3单元');
    expect((await core.call('party.members', {}, viewer)).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });
});
