/**
 * 评估反馈 over a real store through the gate: units ranked by composite with movement against
 * last month; the weights (admin-only settings) change the composite; a ranking row's orders;
 * 不满意 risk of open orders with its reasons; ranking what-if of an awaited call-back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { createdPayload, History, tempDir, TINY_REF } from '../store/fixtures';
import { rejects } from '../runtime/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 10:00 China time on a China date. */
const at = (date: string) => Date.parse(`${date}T02:00:00Z`);
const NOW = at('2026-03-20');
const viewer = { role: 'viewer', actor: 'committee' } as const;
const admin = { role: 'admin', actor: 'root' } as const;

function lifecycle(
  id: string,
  date: string,
  unitId: string,
  outcome: 'satisfied' | 'unsatisfied' | null,
  over: Parameters<typeof createdPayload>[0] = {},
): OrderEvent[] {
  const h = new History(id, at(date));
  h.add('created', createdPayload(over), 0);
  h.add('dispatched', { unitId });
  h.add('signed', { unitId });
  h.add('contacted', {});
  h.add('replied', { result: '已处理' });
  h.add('closed', {});
  if (outcome)
    h.add('callback_recorded', {
      valid: true,
      contacted: true,
      solved: outcome === 'satisfied',
      satisfaction: outcome,
    });
  return h.events;
}

function history(): OrderEvent[] {
  const evs: OrderEvent[] = [];
  // February: u-cg perfect, u-wy poor → u-cg 1st, u-wy 2nd.
  evs.push(...lifecycle('F1', '2026-02-03', 'u-cg', 'satisfied'));
  evs.push(...lifecycle('F2', '2026-02-04', 'u-wy', 'unsatisfied'));
  // March: the order flips → u-wy up one, u-cg down one.
  evs.push(
    ...lifecycle('M1', '2026-03-02', 'u-cg', 'unsatisfied', {
      citizen: { name: '李四', phone: '13900000001' },
    }),
  );
  evs.push(...lifecycle('M2', '2026-03-03', 'u-wy', 'satisfied'));
  evs.push(...lifecycle('M3', '2026-03-04', 'u-wy', 'satisfied'));
  // March, finished and still awaiting its call-back (what-if).
  evs.push(...lifecycle('M4', '2026-03-05', 'u-cg', null));
  // Open and overdue, by a caller who called before (risk).
  const h = new History('O1', at('2026-03-01'));
  h.add('created', createdPayload({ citizen: { name: '李四', phone: '13900000001' } }), 0);
  h.add('dispatched', { unitId: 'u-cg' });
  evs.push(...h.events);
  return evs;
}

async function core(): Promise<Core> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  ingestEvents(db, history(), { source: 'upstream', node: 'hall' });
  db.close();
  const c = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => NOW });
  cleanups.push(() => c.close());
  return c;
}

describe('evaluation', () => {
  it('ranks units by composite with movement against last month, and drills to their orders', async () => {
    const c = await core();
    const s = await c.call('evaluation.scores', { month: '2026-03', level: 'unit' }, viewer);
    expect(s.rows.map((r) => [r.key, r.rank, r.prevRank])).toEqual([
      ['u-wy', 1, 2],
      ['u-cg', 2, 1],
    ]);
    const wy = s.rows[0]!;
    expect(wy.counts).toMatchObject({ valid: 2, satisfied: 2 });
    expect(wy.rates.composite).toBeCloseTo(1);
    expect(wy.prevComposite).toBeCloseTo(0.1);
    expect(s.street.counts.valid).toBe(3);
    expect(s.street.prev.composite).not.toBeNull();
    const orders = await c.call(
      'evaluation.orders',
      { month: '2026-03', level: 'unit', key: 'u-wy' },
      viewer,
    );
    expect([...orders.ids].sort()).toEqual(['M2', 'M3']);
    const byCommunity = await c.call('evaluation.scores', { month: '2026-03', level: 'community' }, viewer);
    expect(byCommunity.rows.map((r) => r.key)).toEqual(['110105001001']);
  });

  it('weights and targets are admin settings; the composite follows them', async () => {
    const c = await core();
    const settings = {
      weights: { response: 0.5, resolution: 0.5, satisfaction: 0, basicFactor: 0.9 },
      targets: { response: 0.9, resolution: 0.9, satisfaction: 0.9, composite: 0.9 },
    };
    expect(
      (await rejects(c.call('evaluation.setSettings', settings, { role: 'commander', actor: 'c' }))).reason,
    ).toBe('role_required');
    const bad = { ...settings, weights: { ...settings.weights, response: 0.9 } };
    expect((await rejects(c.call('evaluation.setSettings', bad, admin))).reason).toBe('invalid_input');
    await c.call('evaluation.setSettings', settings, admin);
    const s = await c.call('evaluation.scores', { month: '2026-03', level: 'unit' }, viewer);
    const cg = s.rows.find((r) => r.key === 'u-cg')!;
    // u-cg in March: contacted 1/1, solved 0/1 → 0.5·1 + 0.5·0.
    expect(cg.rates.composite).toBeCloseTo(0.5);
    expect(s.settings.targets.composite).toBe(0.9);
  });

  it('lists open orders at risk with their reasons, and what an awaited call-back would do', async () => {
    const c = await core();
    const risk = await c.call('evaluation.risk', {}, viewer);
    const o1 = risk.find((r) => r.orderId === 'O1');
    expect(o1).toBeDefined();
    expect(o1!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['overdue', 'repeat_caller']));
    expect(o1!.score).toBeGreaterThanOrEqual(0.55);

    const w = await c.call('evaluation.whatIf', { month: '2026-03' }, viewer);
    expect(w.pending).toBe(1);
    const m4 = w.rows[0]!;
    expect(m4).toMatchObject({
      orderId: 'M4',
      unitId: 'u-cg',
      rank: 2,
      rankIfSatisfied: 2,
      rankIfUnsatisfied: 2,
    });
    expect(m4.compositeIfSatisfied).toBeGreaterThan(m4.compositeIfUnsatisfied);
    expect(m4.streetIfSatisfied).toBeGreaterThan(0);
    expect(m4.streetIfUnsatisfied).toBeLessThan(0);
  });
});
