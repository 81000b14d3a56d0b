/**
 * orders.recommend on a real in-process core over a temp SQLite file with the tiny street (plus a
 * second, identical enforcement team so load alone can decide between two units).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/runtime/core';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { createdPayload, TINY_REF } from '../store/fixtures';
import { openTestCore, rejects } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;

const cgUnit = TINY_REF.units.find((u) => u.id === 'u-cg');
if (!cgUnit) throw new Error('fixture lacks u-cg');
/** u-cg2: same place, same (street-wide) area as u-cg, named by no rule. */
const REF: ReferenceData = {
  ...TINY_REF,
  units: [...TINY_REF.units, { ...cgUnit, id: 'u-cg2', name: '城管执法二队' }],
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const openCore = async (): Promise<Core> => (await openTestCore(cleanups, REF)).core;

async function dispatchTo(core: Core, orderId: string, unitId: string): Promise<void> {
  const d = await core.call('orders.get', { orderId }, officer);
  await core.call(
    'orders.act',
    { orderId, expectedVersion: d.order.version, action: { type: 'dispatched', payload: { unitId } } },
    officer,
  );
}

describe('orders.recommend', () => {
  it('ranks the responsible unit of the responsibility list first, with factors and reasons', async () => {
    const core = await openCore();
    // 01.01.001 施工噪音 in 东社区: rule rr1 names u-cg (category 01, street-wide). u-wy serves
    // 东社区 and sits on the order's point, so it wins on area and distance, not on responsibility.
    await core.call('orders.create', { orderId: 'o-noise', order: createdPayload() }, officer);
    const r = await core.call('orders.recommend', { orderId: 'o-noise' }, officer);
    expect(r.orderId).toBe('o-noise');
    expect(r.responsibleUnitId).toBe('u-cg');
    expect(r.candidates.map((c) => c.unitId)).toEqual(['u-cg', 'u-wy', 'u-cg2']);
    const [first, second] = r.candidates;
    expect(first).toMatchObject({ name: '城管执法队', kind: 'department', load: 0 });
    expect(first?.factors.responsibility).toBe(1);
    expect(first?.reasons).toContain('责任单位');
    expect(first?.reasons).toContain('在办0件');
    expect(second).toMatchObject({ kind: 'property_company' });
    expect(second?.factors).toMatchObject({ responsibility: 0, grid: 0.5, distance: 1 });
    expect(second?.reasons).toContain('本社区');
    expect(second?.distanceM).toBe(0);
    // Scores are best first and the weighted sum of the factors.
    const scores = r.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(first?.score).toBeCloseTo(
      0.4 + 0.2 * 0.25 + 0.15 * (first?.factors.distance ?? 0) + 0.15 + 0.1,
      9,
    );
    // limit cuts the list.
    const one = await core.call('orders.recommend', { orderId: 'o-noise', limit: 1 }, officer);
    expect(one.candidates.map((c) => c.unitId)).toEqual(['u-cg']);
  });

  it('current load changes the ranking, at once', async () => {
    const core = await openCore();
    // 02.01 漏水 in 西社区: no rule covers it, u-wy serves only 东社区, and u-cg and u-cg2 tie on
    // everything; the id breaks the tie.
    const leak = createdPayload({
      categoryCode: '02.01',
      title: '楼道漏水',
      lng: 116.411,
      lat: 39.901,
      communityCode: '110105001002',
      gridCode: '110105001002-01',
    });
    await core.call('orders.create', { orderId: 'o-leak', order: leak }, officer);
    const before = await core.call('orders.recommend', { orderId: 'o-leak' }, officer);
    expect(before.responsibleUnitId).toBeNull();
    expect(before.candidates.slice(0, 2).map((c) => [c.unitId, c.load])).toEqual([
      ['u-cg', 0],
      ['u-cg2', 0],
    ]);
    // One open order for u-cg: the call right after sees it (no stale load cache).
    await core.call('orders.create', { orderId: 'o-busy', order: leak }, officer);
    await dispatchTo(core, 'o-busy', 'u-cg');
    const after = await core.call('orders.recommend', { orderId: 'o-leak' }, officer);
    const ids = after.candidates.map((c) => c.unitId);
    expect(ids.indexOf('u-cg2')).toBeLessThan(ids.indexOf('u-cg'));
    const cg = after.candidates.find((c) => c.unitId === 'u-cg');
    expect(cg?.load).toBe(1);
    expect(cg?.factors.load).toBeCloseTo(1 / (1 + 1 / 5), 9);
    expect(cg?.reasons).toContain('在办1件');
    // The order's own unit is no candidate (a 转派 moves it elsewhere).
    const busy = await core.call('orders.recommend', { orderId: 'o-busy' }, officer);
    expect(busy.candidates.map((c) => c.unitId)).not.toContain('u-cg');
  });

  it('an unknown order is not_found; bad input is invalid_input', async () => {
    const core = await openCore();
    const err = await rejects(core.call('orders.recommend', { orderId: 'nope' }, officer));
    expect(err.code).toBe('not_found');
    expect(err.field).toBe('orderId');
    const bad = await rejects(core.call('orders.recommend', { orderId: 'x', limit: 0 }, officer));
    expect(bad.code).toBe('invalid_input');
  });

  it('a viewer is forbidden', async () => {
    const core = await openCore();
    await core.call('orders.create', { orderId: 'o-noise', order: createdPayload() }, officer);
    const err = await rejects(core.call('orders.recommend', { orderId: 'o-noise' }, viewer));
    expect(err.code).toBe('forbidden');
  });
});
