/**
 * 协办党员 on ordinary orders (issue 15 item 3, docs/PARTY.md) on a real in-process core and real
 * SQLite files: the suggestion (grid/community, skills, why), adding and removing as order events
 * (audited, idempotent by eventId, version-checked, refused twice), the timeline, and the member's
 * ledger and 积分 when the order is closed with a 满意 call-back — and lost when it is reopened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { T0, createdPayload, tempDir } from '../store/fixtures';
import { rejects, type Cleanups } from '../runtime/fixtures';
import { EAST, PARTY_REF, member } from './fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const commander = { role: 'commander', actor: 'chief-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;
const GRID = '110105001001-01';

/** PARTY_REF with a member registered in the order's grid who knows 垃圾分类 (市容环境 fits it). */
const REF: ReferenceData = {
  ...PARTY_REF,
  people: [...PARTY_REF.people, { ...member('m4', '周网格', EAST, ['垃圾分类宣传'], 10), gridCode: GRID }],
};

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, REF);
  db.close();
  let clock = T0;
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
  cleanups.push(() => core.close());
  return { core, advance: (ms: number) => (clock += ms) };
}
type Core = Awaited<ReturnType<typeof open>>['core'];

async function ordinaryOrder(core: Core): Promise<string> {
  const d = await core.call('orders.create', { order: createdPayload() }, officer);
  const orderId = d.order.id;
  await core.call(
    'orders.act',
    { orderId, expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
    officer,
  );
  return orderId;
}

async function act(core: Core, orderId: string, action: Parameters<Core['call']>[1]) {
  const v = (await core.call('orders.get', { orderId }, officer)).order.version;
  return core.call('orders.act', { orderId, expectedVersion: v, action } as never, commander);
}

describe('协办党员 on an ordinary order', () => {
  it('suggests members of the grid with fitting skills (with reasons), adds one as an order event, shows it, and removes it with a reason', async () => {
    const { core } = await open();
    const orderId = await ordinaryOrder(core);
    const view = await core.call('party.assists', { orderId }, officer);
    expect(view.current).toEqual([]);
    expect(view.skills).toContain('垃圾分类宣传');
    const first = view.suggestions[0]!;
    expect(first.id).toBe('m4');
    expect(first.reasons).toEqual(['技能匹配 垃圾分类宣传', '本网格']);
    // m1/m2 of the same community come next (本社区), m3 of another community last.
    expect(view.suggestions.map((m) => m.id).slice(-1)).toEqual(['m3']);
    expect(view.suggestions.find((m) => m.id === 'm1')?.reasons).toContain('本社区');

    const added = await core.call(
      'party.assist',
      {
        orderId,
        expectedVersion: view.version,
        memberId: 'm4',
        note: '协助入户宣传',
        eventId: 'ev-assist-1',
      },
      officer,
    );
    expect(added.current.map((m) => [m.id, m.name])).toEqual([['m4', '周网格']]);
    expect(added.suggestions.map((m) => m.id)).not.toContain('m4');
    // A retry with the same eventId answers with the state and writes nothing more.
    const again = await core.call(
      'party.assist',
      { orderId, expectedVersion: view.version, memberId: 'm4', eventId: 'ev-assist-1' },
      officer,
    );
    expect(again.version).toBe(added.version);
    // The detail carries it, the timeline has the event with the member's name, the audit its row.
    const detail = await core.call('orders.get', { orderId }, officer);
    expect(detail.order.assistMembers?.map((m) => m.id)).toEqual(['m4']);
    const ev = detail.events.find((e) => e.type === 'member_assist_added');
    expect(ev).toMatchObject({
      id: 'ev-assist-1',
      actor: 'duty-1',
      payload: { memberId: 'm4', name: '周网格' },
    });
    const audit = await core.call('audit.list', { orderId }, { role: 'admin', actor: 'a' });
    expect(audit.rows.filter((r) => r.action === 'party:member_assist_added')).toHaveLength(1);

    // Version-checked; adding the same member with a new eventId is refused, not doubled.
    expect(
      (
        await rejects(
          core.call('party.assist', { orderId, expectedVersion: view.version, memberId: 'm1' }, officer),
        )
      ).reason,
    ).toBe('stale_version');
    expect(
      (
        await rejects(
          core.call('party.assist', { orderId, expectedVersion: added.version, memberId: 'm4' }, officer),
        )
      ).reason,
    ).toBe('lifecycle_refused');

    // Removal needs a reason; then the member is off the order and back in the suggestion.
    expect(
      (
        await rejects(
          core.call(
            'party.unassist',
            { orderId, expectedVersion: added.version, memberId: 'm4', reason: '' },
            officer,
          ),
        )
      ).reason,
    ).toBe('invalid_input');
    const removed = await core.call(
      'party.unassist',
      { orderId, expectedVersion: added.version, memberId: 'm4', reason: '临时出差' },
      commander,
    );
    expect(removed.current).toEqual([]);
    expect(removed.suggestions[0]?.id).toBe('m4');
    const after = await core.call('orders.get', { orderId }, officer);
    expect(after.order.assistMembers ?? null).toBeNull();
    expect(after.events.find((e) => e.type === 'member_assist_removed')?.payload).toMatchObject({
      memberId: 'm4',
      reason: '临时出差',
    });
    // Removing someone not on the order is refused.
    expect(
      (
        await rejects(
          core.call(
            'party.unassist',
            { orderId, expectedVersion: removed.version, memberId: 'm1', reason: 'x' },
            officer,
          ),
        )
      ).reason,
    ).toBe('lifecycle_refused');
  });

  it('the member’s ledger lists the assist; 积分 +5 at 结案 and +3 for a 满意 回访, gone after 重新打开', async () => {
    const { core, advance } = await open();
    const orderId = await ordinaryOrder(core);
    const v = (await core.call('party.assists', { orderId }, officer)).version;
    await core.call('party.assist', { orderId, expectedVersion: v, memberId: 'm2' }, officer);
    let ledger = await core.call('party.ledger', { memberId: 'm2' }, viewer);
    expect(ledger.assists.map((a) => [a.orderId, a.status])).toEqual([[orderId, 'dispatched']]);
    expect(ledger.credits).toEqual([]);
    // The members list counts the open assist in the member's load.
    expect((await core.call('party.members', {}, viewer)).find((m) => m.id === 'm2')?.openTasks).toBe(1);

    advance(60_000);
    await act(core, orderId, { type: 'signed', payload: { unitId: 'u-cg' } });
    await act(core, orderId, { type: 'replied', payload: { result: '已处理' } });
    // 已办结 is not 已结案: no points yet.
    expect((await core.call('party.ledger', { memberId: 'm2' }, viewer)).credits).toEqual([]);
    await act(core, orderId, { type: 'verified', payload: { passed: true } });
    await act(core, orderId, {
      type: 'callback_recorded',
      payload: { valid: true, contacted: true, solved: true, satisfaction: 'satisfied' },
    });
    ledger = await core.call('party.ledger', { memberId: 'm2' }, viewer);
    expect(ledger.credits.map((c) => [c.kind, c.points, c.assist])).toEqual(
      expect.arrayContaining([
        ['done', 5, true],
        ['satisfied', 3, true],
      ]),
    );
    expect(ledger.earnedPoints).toBe(8);
    const month = await core.call('party.ranking', { period: 'month' }, viewer);
    expect(month[0]).toMatchObject({ memberId: 'm2', points: 8, tasks: 1 });

    await act(core, orderId, { type: 'reopened', payload: { reason: '群众反映问题复发' } });
    ledger = await core.call('party.ledger', { memberId: 'm2' }, viewer);
    expect(ledger.earnedPoints).toBe(0);
    expect(ledger.assists).toHaveLength(1);
  });

  it('viewers cannot add; a unit account cannot; only 双报到 members; orders.act cannot write the event', async () => {
    const { core } = await open();
    const orderId = await ordinaryOrder(core);
    expect(
      (await rejects(core.call('party.assist', { orderId, expectedVersion: 2, memberId: 'm1' }, viewer)))
        .reason,
    ).toBe('role_required');
    expect((await rejects(core.call('party.assists', { orderId }, viewer))).reason).toBe('role_required');
    // p1 is a person of the reference data but not a party member.
    expect(
      (await rejects(core.call('party.assist', { orderId, expectedVersion: 2, memberId: 'p1' }, officer)))
        .reason,
    ).toBe('unknown_reference');
    expect(
      (
        await rejects(
          core.call(
            'orders.act',
            {
              orderId,
              expectedVersion: 2,
              action: { type: 'member_assist_added', payload: { memberId: 'm1', name: 'x' } },
            } as never,
            officer,
          ),
        )
      ).reason,
    ).toBe('invalid_input');
  });
});
