/**
 * Review findings on orders.create / orders.act, on a real in-process core over a temp SQLite
 * file with the tiny street: intake location, unit references, roles per action, extensions.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/runtime/core';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { ACTION_ROLES, type ActionType } from '../../../shared/features/orders/action-roles';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { createdPayload, TINY_REF } from '../store/fixtures';
import { openTestCore, rejects } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const commander = { role: 'commander', actor: 'chief' } as const;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const openCore = (ref: ReferenceData | null = TINY_REF) => openTestCore(cleanups, ref);

/** Row counts that any write would change. */
function counts(dir: string): Record<string, unknown> {
  const db = new Database(dbPath(dir), { readonly: true });
  try {
    return {
      orders: db.prepare('SELECT count(*) FROM work_order').pluck().get(),
      events: db.prepare('SELECT count(*) FROM order_event').pluck().get(),
      outbox: db.prepare('SELECT count(*) FROM outbox').pluck().get(),
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    };
  } finally {
    db.close();
  }
}

const noCodes = { communityCode: null, gridCode: null };

describe('orders.create: location from the point', () => {
  it('derives community and grid by point-in-polygon when none are given', async () => {
    const { core } = await openCore();
    const inGrid = await core.call('orders.create', { order: createdPayload({ ...noCodes }) }, officer);
    expect(inGrid.order).toMatchObject({ communityCode: '110105001001', gridCode: '110105001001-01' });
    expect(inGrid.events[0]?.payload).toMatchObject({
      communityCode: '110105001001',
      gridCode: '110105001001-01',
    });
    const west = await core.call(
      'orders.create',
      { order: createdPayload({ ...noCodes, lng: 116.4115, lat: 39.9015 }) },
      officer,
    );
    expect(west.order).toMatchObject({ communityCode: '110105001002', gridCode: '110105001002-01' });
    // In community 西社区 but in none of its grids.
    const noGrid = await core.call(
      'orders.create',
      { order: createdPayload({ ...noCodes, lng: 116.414, lat: 39.904 }) },
      officer,
    );
    expect(noGrid.order).toMatchObject({ communityCode: '110105001002', gridCode: null });
  });

  it('accepts an order outside the street with null codes', async () => {
    const { core } = await openCore();
    const far = await core.call(
      'orders.create',
      { order: createdPayload({ ...noCodes, lng: 116.5, lat: 39.95 }) },
      officer,
    );
    expect(far.order).toMatchObject({ status: 'received', communityCode: null, gridCode: null });
  });

  it('keeps an order with an address and no point as waiting to be placed (待定位)', async () => {
    const { core } = await openCore();
    const d = await core.call(
      'orders.create',
      { order: createdPayload({ ...noCodes, lng: null, lat: null, address: '劲松中街25号' }) },
      officer,
    );
    expect(d.order).toMatchObject({ lng: null, lat: null, communityCode: null, gridCode: null });
    // Half a point is not a point.
    const err = await rejects(
      core.call('orders.create', { order: createdPayload({ ...noCodes, lng: 116.41, lat: null }) }, officer),
    );
    expect(err).toMatchObject({ reason: 'invalid_input', field: 'order.lat' });
  });

  it('refuses locally what the hub would refuse: odd ids and script-like text (one rule, shared/)', async () => {
    const { core, dir } = await openCore();
    const before = counts(dir);
    const badId = await rejects(
      core.call('orders.create', { orderId: 'a/b c', order: createdPayload() }, officer),
    );
    expect(badId).toMatchObject({ reason: 'invalid_input', field: 'orderId' });
    for (const title of ['<img src=x>', '点击 onclick="x()"', 'javascript:alert(1)']) {
      const err = await rejects(core.call('orders.create', { order: createdPayload({ title }) }, officer));
      expect(err, title).toMatchObject({ reason: 'invalid_input', field: 'order.title' });
      expect(err.message).toMatch(/含有脚本或网页标记/);
    }
    expect(counts(dir)).toEqual(before);
  });

  it('checks given codes exist and agree, and writes nothing when they do not', async () => {
    const { core, dir } = await openCore();
    const before = counts(dir);
    const cases = [
      [{ communityCode: '110105001999', gridCode: null }, 'order.communityCode'],
      [{ communityCode: null, gridCode: '110105001001-99' }, 'order.gridCode'],
      [{ communityCode: '110105001002', gridCode: '110105001001-01' }, 'order.gridCode'],
    ] as const;
    for (const [codes, field] of cases) {
      const err = await rejects(core.call('orders.create', { order: createdPayload(codes) }, officer));
      expect(err, field).toMatchObject({ code: 'invalid_input', field });
      expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(counts(dir)).toEqual(before);
    const ok = await core.call('orders.create', { order: createdPayload() }, officer);
    expect(ok.order).toMatchObject({ communityCode: '110105001001', gridCode: '110105001001-01' });
  });

  it('completes a partial location: a grid brings its community, a community takes the grid of the point', async () => {
    const { core } = await openCore();
    const byGrid = await core.call(
      'orders.create',
      { order: createdPayload({ communityCode: null, gridCode: '110105001002-01' }) },
      officer,
    );
    expect(byGrid.order).toMatchObject({ communityCode: '110105001002', gridCode: '110105001002-01' });
    const byCommunity = await core.call(
      'orders.create',
      { order: createdPayload({ communityCode: '110105001001', gridCode: null }) },
      officer,
    );
    expect(byCommunity.order).toMatchObject({ communityCode: '110105001001', gridCode: '110105001001-01' });
    // The point's grid lies in another community: the given community stands, no grid is guessed.
    const elsewhere = await core.call(
      'orders.create',
      { order: createdPayload({ communityCode: '110105001002', gridCode: null }) },
      officer,
    );
    expect(elsewhere.order).toMatchObject({ communityCode: '110105001002', gridCode: null });
  });

  it('follows a new reference version without a restart', async () => {
    const { core, dir } = await openCore();
    const a = await core.call('orders.create', { order: createdPayload({ ...noCodes }) }, officer);
    expect(a.order.gridCode).toBe('110105001001-01');
    // Version 4 redraws the grid further east: the same point now lies in no grid.
    const east = [
      [116.403, 39.9],
      [116.404, 39.9],
      [116.404, 39.902],
      [116.403, 39.902],
      [116.403, 39.9],
    ] as const;
    const grids = TINY_REF.grids.map((g) => (g.code === '110105001001-01' ? { ...g, boundary: east } : g));
    const side = openDb(dir);
    writeReference(side, { ...TINY_REF, version: TINY_REF.version + 1, grids });
    side.close();
    const b = await core.call('orders.create', { order: createdPayload({ ...noCodes }) }, officer);
    expect(b.order).toMatchObject({ communityCode: '110105001001', gridCode: null });
    const c = await core.call(
      'orders.create',
      { order: createdPayload({ ...noCodes, lng: 116.4035 }) },
      officer,
    );
    expect(c.order.gridCode).toBe('110105001001-01');
  });
});

describe('orders.act: unit references', () => {
  const cases: Array<[string, { type: ActionType; payload: Record<string, unknown> }, string]> = [
    ['dispatched.unitId', { type: 'dispatched', payload: { unitId: 'u-ghost' } }, 'action.payload.unitId'],
    [
      'dispatched.coUnitIds',
      { type: 'dispatched', payload: { unitId: 'u-cg', coUnitIds: ['u-wy', 'u-ghost'] } },
      'action.payload.coUnitIds.1',
    ],
    ['signed.unitId', { type: 'signed', payload: { unitId: 'u-ghost' } }, 'action.payload.unitId'],
    [
      'return_requested.unitId',
      { type: 'return_requested', payload: { unitId: 'u-ghost', reason: '不属于本单位职责' } },
      'action.payload.unitId',
    ],
    [
      'whistled.unitIds',
      { type: 'whistled', payload: { unitIds: ['u-cg', 'u-ghost'], reason: '多部门联合处置' } },
      'action.payload.unitIds.1',
    ],
    ['reported_in.unitId', { type: 'reported_in', payload: { unitId: 'u-ghost' } }, 'action.payload.unitId'],
  ];

  it.each(cases)('refuses an unknown unit in %s and writes nothing', async (_name, action, field) => {
    const { core, dir } = await openCore();
    await core.call('orders.create', { orderId: 'o-1', order: createdPayload() }, officer);
    await core.call(
      'orders.act',
      { orderId: 'o-1', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
      officer,
    );
    const before = counts(dir);
    const err = await rejects(
      core.call('orders.act', { orderId: 'o-1', expectedVersion: 2, action }, officer),
    );
    expect(err).toMatchObject({ code: 'invalid_input', field });
    expect(err.message).toContain('u-ghost');
    expect(counts(dir)).toEqual(before);
    expect((await core.call('orders.get', { orderId: 'o-1' }, officer)).order.version).toBe(2);
  });

  it('accepts known units, and knows none before reference data exists', async () => {
    const { core } = await openCore();
    await core.call('orders.create', { orderId: 'o-2', order: createdPayload() }, officer);
    const ok = await core.call(
      'orders.act',
      {
        orderId: 'o-2',
        expectedVersion: 1,
        action: { type: 'dispatched', payload: { unitId: 'u-cg', coUnitIds: ['u-wy'] } },
      },
      officer,
    );
    expect(ok.order).toMatchObject({ status: 'dispatched', unitId: 'u-cg', coUnitIds: ['u-wy'] });

    const bare = await openCore(null);
    await bare.core.call('orders.create', { orderId: 'o-3', order: createdPayload({ ...noCodes }) }, officer);
    const err = await rejects(
      bare.core.call(
        'orders.act',
        { orderId: 'o-3', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
        officer,
      ),
    );
    expect(err).toMatchObject({ code: 'invalid_input', field: 'action.payload.unitId' });
  });
});

describe('orders.act: roles per action', () => {
  const commanderOnly: Array<[ActionType, Record<string, unknown>]> = [
    ['return_decided', { approved: true }],
    ['extension_decided', { approved: true }],
    ['reopened', { reason: '群众反映问题仍未解决' }],
    ['merged', { intoOrderId: 'x-2' }],
    ['suspended', { reason: '需列入问题库统筹解决' }],
    ['resumed', {}],
  ];

  it('the table says commander for approvals and overrides, officer for the rest', () => {
    const needCommander = Object.entries(ACTION_ROLES)
      .filter(([, r]) => r === 'commander')
      .map(([a]) => a)
      .sort();
    expect(needCommander).toEqual(commanderOnly.map(([a]) => a).sort());
    for (const [, role] of Object.entries(ACTION_ROLES)) expect(['officer', 'commander']).toContain(role);
  });

  it.each(commanderOnly)(
    'refuses %s to an officer in Chinese, naming the role, and writes nothing',
    async (type, payload) => {
      const { core, dir } = await openCore();
      await core.call('orders.create', { orderId: 'x-1', order: createdPayload() }, officer);
      await core.call('orders.create', { orderId: 'x-2', order: createdPayload() }, officer);
      const before = counts(dir);
      const err = await rejects(
        core.call('orders.act', { orderId: 'x-1', expectedVersion: 1, action: { type, payload } }, officer),
      );
      expect(err.code).toBe('forbidden');
      expect(err.message).toContain('指挥长');
      expect(err.reason).toBe('role_required');
      expect(err.params?.proc).toContain(type);
      expect(counts(dir)).toEqual(before);
    },
  );

  it('lets a commander approve what an officer requested', async () => {
    const { core } = await openCore();
    await core.call('orders.create', { orderId: 'r-1', order: createdPayload() }, officer);
    let d = await core.call(
      'orders.act',
      { orderId: 'r-1', expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
      officer,
    );
    d = await core.call(
      'orders.act',
      {
        orderId: 'r-1',
        expectedVersion: d.order.version,
        action: { type: 'extension_requested', payload: { days: 3, reason: '需协调施工方' } },
      },
      officer,
    );
    const denied = await rejects(
      core.call(
        'orders.act',
        {
          orderId: 'r-1',
          expectedVersion: d.order.version,
          action: { type: 'extension_decided', payload: { approved: true } },
        },
        officer,
      ),
    );
    expect(denied.code).toBe('forbidden');
    d = await core.call(
      'orders.act',
      {
        orderId: 'r-1',
        expectedVersion: d.order.version,
        action: { type: 'extension_decided', payload: { approved: true } },
      },
      commander,
    );
    expect(d.order).toMatchObject({ extensionDays: 3, extensionPending: false });
  });
});

describe('orders.act: extension policy', () => {
  async function dispatchedOrder(core: Core, id: string, over: Parameters<typeof createdPayload>[0]) {
    await core.call('orders.create', { orderId: id, order: createdPayload(over) }, officer);
    return core.call(
      'orders.act',
      { orderId: id, expectedVersion: 1, action: { type: 'dispatched', payload: { unitId: 'u-cg' } } },
      officer,
    );
  }
  const request = (orderId: string, days: number) => ({
    orderId,
    expectedVersion: 2,
    action: { type: 'extension_requested' as const, payload: { days, reason: '需协调多个部门' } },
  });

  it('refuses an extension where the rule has none (IoT alarms, P0/P1)', async () => {
    const { core, dir } = await openCore();
    // An IoT alarm of urgency P2: the reducer alone would let it through; the IoT rule has no extension.
    await dispatchedOrder(core, 'e-iot', { source: 'iot', urgency: 'P2' });
    await dispatchedOrder(core, 'e-p1', { urgency: 'P1' });
    const before = counts(dir);
    for (const id of ['e-iot', 'e-p1']) {
      const err = await rejects(core.call('orders.act', request(id, 1), officer));
      expect(err, id).toMatchObject({ code: 'rejected', message: '该类工单不可延期' });
    }
    expect(counts(dir)).toEqual(before);
  });

  it('refuses more days than the rule allows, naming the maximum', async () => {
    const { core, dir } = await openCore();
    await dispatchedOrder(core, 'e-p2', { urgency: 'P2' }); // hotline P2: +7 calendar days
    await dispatchedOrder(core, 'e-grid', { source: 'grid', urgency: 'P2' }); // grid event: +1 working day
    const before = counts(dir);
    const p2 = await rejects(core.call('orders.act', request('e-p2', 8), officer));
    expect(p2).toMatchObject({ code: 'invalid_input', field: 'action.payload.days' });
    expect(p2.message).toContain('7 天');
    const g = await rejects(core.call('orders.act', request('e-grid', 2), officer));
    expect(g).toMatchObject({ code: 'invalid_input', field: 'action.payload.days' });
    expect(g.message).toContain('1 个工作日');
    expect(counts(dir)).toEqual(before);
    const ok = await core.call('orders.act', request('e-p2', 7), officer);
    expect(ok.order).toMatchObject({ extensionPending: true, extensionRequestedDays: 7 });
    const okGrid = await core.call('orders.act', request('e-grid', 1), officer);
    expect(okGrid.order).toMatchObject({ extensionPending: true, extensionRequestedDays: 1 });
  });

  it('reads the policy in force, not the built-in default', async () => {
    const slaPolicy = {
      ...TINY_REF.slaPolicy,
      version: 2,
      byUrgency: {
        ...TINY_REF.slaPolicy.byUrgency,
        P2: { ...TINY_REF.slaPolicy.byUrgency.P2, extension: undefined },
      },
    };
    const { core } = await openCore({ ...TINY_REF, slaPolicy });
    await dispatchedOrder(core, 'e-pol', { urgency: 'P2' });
    const err = await rejects(core.call('orders.act', request('e-pol', 1), officer));
    expect(err).toMatchObject({ code: 'rejected', message: '该类工单不可延期' });
  });
});
