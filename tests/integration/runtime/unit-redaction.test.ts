/**
 * Redaction for 协办 and summoned units (issue 15, item 5): the same order read by its 主办 unit's
 * account, a 协办 unit's account, a summoned (吹哨) unit's account and a duty officer. Only the
 * officer and the 主办 see the citizen's name and phone — in the order, its events, its title and
 * its description; the others see the facts with the citizen masked. The core decides from the
 * session's account (a page cannot ask for more), and the audit of personal-data views records
 * exactly the readers who saw the citizen unmasked. Real in-process core, real SQLite file.
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
const REF = {
  ...TINY_REF,
  units: [...TINY_REF.units, { ...TINY_REF.units[0]!, id: 'u-sc', name: '市场监管所', communityCodes: [] }],
};
const NAME = '张三丰';
const PHONE = '13812345678';

async function open(): Promise<{ core: Core; admin: CallContext }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, REF);
  db.close();
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => T0 });
  cleanups.push(() => core.close());
  const setup = await core.call(
    'auth.setup',
    { username: 'admin', displayName: '李主任', password: 'admin-password-1' },
    anon,
  );
  return { core, admin: { role: 'admin', actor: 'admin', session: setup.token! } };
}

async function account(core: Core, admin: CallContext, username: string, unitId: string | null) {
  const password = `${username}-pass-2026`;
  await core.call(
    'accounts.create',
    { username, displayName: username, password, role: 'officer', unitId },
    admin,
  );
  const r = await core.call('auth.login', { username, password }, anon);
  return { role: r.user.role, actor: username, session: r.token! } as CallContext;
}

describe('redaction for 协办 and summoned units', () => {
  it('the same order read by the 主办, a 协办, a summoned unit and a duty officer', async () => {
    const { core, admin } = await open();
    const duty = await account(core, admin, 'duty.wang', null);
    const main = await account(core, admin, 'cg.staff', 'u-cg');
    const co = await account(core, admin, 'wy.staff', 'u-wy');
    const summoned = await account(core, admin, 'sc.staff', 'u-sc');

    const created = await core.call(
      'orders.create',
      {
        order: createdPayload({
          title: `${NAME}反映工地夜间施工`,
          description: `${NAME}说每晚十点后仍在施工，回电 ${PHONE}。`,
        }),
      },
      duty,
    );
    const orderId = created.order.id;
    const d = await core.call(
      'orders.act',
      {
        orderId,
        expectedVersion: created.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg', coUnitIds: ['u-wy'] } },
      },
      duty,
    );
    await core.call(
      'whistle.create',
      {
        kind: 'order',
        orderId,
        title: '工地噪音联合执法',
        address: '光华路1号楼',
        lng: 116.401,
        lat: 39.901,
        deadlineMinutes: 30,
        unitIds: ['u-sc'],
      },
      duty,
    );
    expect(d.order.unitId).toBe('u-cg');

    const read = async (who: CallContext) => {
      const v = await core.call('orders.get', { orderId }, who);
      return { v, text: JSON.stringify(v) };
    };
    // The officer and the 主办 see the citizen.
    for (const who of [duty, main]) {
      const { v, text } = await read(who);
      expect(v.order.citizen).toEqual({ name: NAME, phone: PHONE });
      expect(v.order.title).toContain(NAME);
      expect(text).toContain(PHONE);
    }
    // The 协办 and the summoned unit see the facts, the citizen masked everywhere in the answer.
    for (const who of [co, summoned]) {
      const { v, text } = await read(who);
      expect(v.order.citizen?.name).not.toBe(NAME);
      expect(v.order.citizen?.phone).not.toBe(PHONE);
      expect(v.order.citizen?.phone).toContain('*');
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(PHONE);
      expect(v.order.description).toContain('每晚十点后仍在施工');
      expect(v.order.categoryCode).toBe(created.order.categoryCode);
      expect(v.events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['created', 'dispatched', 'whistled']),
      );
    }
    // The list: the 主办's row unmasked, the 协办's masked.
    const mainRow = (await core.call('orders.list', {}, main)).rows.find((r) => r.id === orderId);
    const coRow = (await core.call('orders.list', {}, co)).rows.find((r) => r.id === orderId);
    expect(mainRow?.title).toContain(NAME);
    expect(coRow?.title).toBeDefined();
    expect(coRow?.title).not.toContain(NAME);

    // Audit of personal-data views: the officer and the 主办 — not the 协办 nor the summoned unit.
    const audit = await core.call('audit.list', { action: 'orders.viewPersonal', orderId }, admin);
    expect(audit.rows.map((r) => r.actor).sort()).toEqual(['cg.staff', 'duty.wang']);
  });

  it('after 改派 the former 主办 becomes a reader without personal data, the new 主办 sees it', async () => {
    const { core, admin } = await open();
    const duty = await account(core, admin, 'duty.wang', null);
    const cg = await account(core, admin, 'cg.staff', 'u-cg');
    const wy = await account(core, admin, 'wy.staff', 'u-wy');
    const c = await core.call('orders.create', { order: createdPayload() }, duty);
    const d = await core.call(
      'orders.act',
      {
        orderId: c.order.id,
        expectedVersion: c.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg', coUnitIds: ['u-wy'] } },
      },
      duty,
    );
    expect((await core.call('orders.get', { orderId: c.order.id }, cg)).order.citizen?.phone).toBe(PHONE);
    expect((await core.call('orders.get', { orderId: c.order.id }, wy)).order.citizen?.phone).not.toBe(PHONE);
    await core.call(
      'orders.act',
      {
        orderId: c.order.id,
        expectedVersion: d.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-wy', coUnitIds: ['u-cg'] } },
      },
      duty,
    );
    expect((await core.call('orders.get', { orderId: c.order.id }, wy)).order.citizen?.phone).toBe(PHONE);
    expect((await core.call('orders.get', { orderId: c.order.id }, cg)).order.citizen?.phone).not.toBe(PHONE);
  });
});
