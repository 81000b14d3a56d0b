/**
 * The dispatch desk's backend (issue 13): intake rules from the catalogue, soft edit locks,
 * reply templates, photos, and the call-back note.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dbPath } from '../../../electron/core/store/db';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { ORDER_LOCK_TTL_MS } from '../../../shared/features/orders/contract';
import { openTestCore, rejects, type Cleanups } from '../runtime/fixtures';
import { TINY_REF, createdPayload } from '../store/fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const officer = { role: 'officer', actor: 'duty-1' } as const;
const officer2 = { role: 'officer', actor: 'duty-2' } as const;
const commander = { role: 'commander', actor: 'boss' } as const;
const admin = { role: 'admin', actor: 'root' } as const;

/** TINY_REF with the catalogue rules of the desk: questions, an emergency class, a staff-only class. */
const DESK_REF: ReferenceData = {
  ...TINY_REF,
  categories: [
    ...TINY_REF.categories,
    { code: '03', name: '公共服务', level: 1, parentCode: null, defaultUrgency: 'P2' },
    { code: '03.01', name: '燃气', level: 2, parentCode: '03', defaultUrgency: 'P1' },
    {
      code: '03.01.001',
      name: '燃气泄漏',
      level: 3,
      parentCode: '03.01',
      defaultUrgency: 'P1',
      questions: [
        { id: 'smell', text: '是否闻到明显的燃气味', kind: 'yesno', required: true },
        { id: 'trapped', text: '是否有人员被困', kind: 'yesno', escalate: { answer: '是', urgency: 'P0' } },
      ],
    },
    { code: '04', name: '紧急警情', level: 1, parentCode: null, defaultUrgency: 'P0' },
    {
      code: '04.01',
      name: '火警',
      level: 2,
      parentCode: '04',
      defaultUrgency: 'P0',
      emergency: { service: '119', notice: '请拨打 119' },
    },
    { code: '04.01.001', name: '正在起火冒烟', level: 3, parentCode: '04.01', defaultUrgency: 'P0' },
    { code: '05', name: '感知与巡查', level: 1, parentCode: null, defaultUrgency: 'P2', staffOnly: true },
    { code: '05.01', name: '物联告警', level: 2, parentCode: '05', defaultUrgency: 'P1' },
    { code: '05.01.001', name: '井盖位移报警', level: 3, parentCode: '05.01', defaultUrgency: 'P1' },
  ],
};

const counts = (dir: string) => {
  const db = new Database(dbPath(dir), { readonly: true });
  const n = db
    .prepare('SELECT (SELECT count(*) FROM order_event) AS e, (SELECT count(*) FROM work_order) AS o')
    .get();
  db.close();
  return n;
};

describe('受理: the catalogue decides', () => {
  it('diverts an emergency to 110/119/120 and saves nothing', async () => {
    const { core, dir } = await openTestCore(cleanups, DESK_REF);
    const before = counts(dir);
    const err = await rejects(
      core.call(
        'orders.create',
        { order: createdPayload({ source: 'walk_in', categoryCode: '04.01.001' }) },
        officer,
      ),
    );
    expect(err).toMatchObject({
      reason: 'emergency_category',
      field: 'order.categoryCode',
      params: { service: '119' },
    });
    expect(counts(dir)).toEqual(before);
  });

  it('keeps staff-only classes out of citizen channels, and takes them from a grid worker', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    for (const source of ['hotline', 'walk_in', 'volunteer'] as const) {
      const err = await rejects(
        core.call('orders.create', { order: createdPayload({ source, categoryCode: '05.01.001' }) }, officer),
      );
      expect(err.reason, source).toBe('staff_only_category');
    }
    const ok = await core.call(
      'orders.create',
      {
        order: createdPayload({
          source: 'iot',
          categoryCode: '05.01.001',
          deviceId: 'MH-0042',
          citizen: null,
        }),
      },
      officer,
    );
    expect(ok.order).toMatchObject({ source: 'iot', deviceId: 'MH-0042' });
  });

  it('asks the required questions, keeps the answers, and lets an answer raise the urgency', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    const missing = await rejects(
      core.call(
        'orders.create',
        { order: createdPayload({ source: 'walk_in', categoryCode: '03.01.001' }) },
        officer,
      ),
    );
    expect(missing).toMatchObject({ reason: 'invalid_input', field: 'order.answers.smell' });
    const calm = await core.call(
      'orders.create',
      {
        order: createdPayload({
          source: 'walk_in',
          categoryCode: '03.01.001',
          urgency: 'P1',
          answers: { smell: '是', trapped: '否' },
        }),
      },
      officer,
    );
    expect(calm.order).toMatchObject({ urgency: 'P1', answers: { smell: '是', trapped: '否' } });
    const trapped = await core.call(
      'orders.create',
      {
        order: createdPayload({
          source: 'walk_in',
          categoryCode: '03.01.001',
          urgency: 'P1',
          answers: { smell: '是', trapped: '是' },
        }),
      },
      officer,
    );
    expect(trapped.order.urgency).toBe('P0');
    // A 12345 order arrives from upstream without answers: nobody here asked the caller.
    const hotline = await core.call(
      'orders.create',
      { order: createdPayload({ source: 'hotline', categoryCode: '03.01.001' }) },
      officer,
    );
    expect(hotline.order.answers).toEqual({});
  });

  it('takes a call on behalf of a caller: anonymous keeps no name, consent is kept', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    const bad = await rejects(
      core.call('orders.create', { order: createdPayload({ source: 'walk_in', anonymous: true }) }, officer),
    );
    expect(bad).toMatchObject({ reason: 'invalid_input', field: 'order.citizen' });
    const anon = await core.call(
      'orders.create',
      { order: createdPayload({ source: 'walk_in', anonymous: true, citizen: null }) },
      officer,
    );
    expect(anon.order).toMatchObject({ anonymous: true, callbackConsent: false, citizen: null });
    const named = await core.call(
      'orders.create',
      { order: createdPayload({ source: 'walk_in', callbackConsent: false }) },
      officer,
    );
    expect(named.order).toMatchObject({ anonymous: false, callbackConsent: false });
  });
});

describe('two people, one case: soft locks', () => {
  it('shows the holder, refuses the others, renews, expires by itself, and a commander can break it', async () => {
    const { core, dir } = await openTestCore(cleanups, DESK_REF);
    const d = await core.call('orders.create', { orderId: 'L-1', order: createdPayload() }, officer);
    const lock = await core.call('orders.lock', { orderId: 'L-1', purpose: 'dispatched' }, officer);
    expect(lock).toMatchObject({ holder: 'duty-1', purpose: 'dispatched', mine: true });
    // The other officer sees who holds it and cannot act or take it.
    const seen = await core.call('orders.get', { orderId: 'L-1' }, officer2);
    expect(seen.lock).toMatchObject({ holder: 'duty-1', holderName: 'duty-1', mine: false });
    const act = {
      orderId: 'L-1',
      expectedVersion: d.order.version,
      action: { type: 'urged', payload: { level: 'remind' } },
    } as const;
    expect(await rejects(core.call('orders.act', act, officer2))).toMatchObject({
      reason: 'order_locked',
      params: { name: 'duty-1', holder: 'duty-1' },
    });
    expect((await rejects(core.call('orders.lock', { orderId: 'L-1' }, officer2))).reason).toBe(
      'order_locked',
    );
    // The holder works on.
    const done = await core.call('orders.act', act, officer);
    expect(done.order.urgeCount).toBe(1);
    expect(done.lock).toMatchObject({ mine: true });
    // An officer cannot break a lock; a commander can, with a reason that is audited.
    expect(
      (await rejects(core.call('orders.breakLock', { orderId: 'L-1', reason: '值班员离岗' }, officer2)))
        .reason,
    ).toBe('role_required');
    expect(await core.call('orders.breakLock', { orderId: 'L-1', reason: '值班员离岗' }, commander)).toEqual({
      broken: true,
    });
    const db = new Database(dbPath(dir), { readonly: true });
    const audit = db
      .prepare("SELECT actor, detail FROM audit_log WHERE action = 'orders.breakLock'")
      .get() as {
      actor: string;
      detail: string;
    };
    db.close();
    expect(audit.actor).toBe('boss');
    expect(JSON.parse(audit.detail)).toMatchObject({ holder: 'duty-1', reason: '值班员离岗' });
    expect((await core.call('orders.get', { orderId: 'L-1' }, officer2)).lock).toBeNull();
    // Released by its holder, or expired: the others may go on.
    await core.call('orders.lock', { orderId: 'L-1' }, officer2);
    expect(await core.call('orders.unlock', { orderId: 'L-1' }, officer)).toEqual({ released: false });
    expect(await core.call('orders.unlock', { orderId: 'L-1' }, officer2)).toEqual({ released: true });
  });

  it('a lock not renewed expires after its TTL', async () => {
    let now = Date.UTC(2026, 2, 10, 2, 0, 0);
    const t = await import('../store/fixtures').then((m) => m.tempDir());
    cleanups.push(t.cleanup);
    const { openDb } = await import('../../../electron/core/store/db');
    const { writeReference } = await import('../../../electron/core/store/reference');
    const db = openDb(t.dir);
    writeReference(db, DESK_REF);
    db.close();
    const { createInProcessCore } = await import('../../../electron/core/runtime/core');
    const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => now });
    cleanups.push(() => core.close());
    const d = await core.call('orders.create', { orderId: 'L-2', order: createdPayload() }, officer);
    await core.call('orders.lock', { orderId: 'L-2' }, officer);
    const act = {
      orderId: 'L-2',
      expectedVersion: d.order.version,
      action: { type: 'urged', payload: { level: 'remind' } },
    } as const;
    expect((await rejects(core.call('orders.act', act, officer2))).reason).toBe('order_locked');
    now += ORDER_LOCK_TTL_MS + 1;
    expect((await core.call('orders.get', { orderId: 'L-2' }, officer2)).lock).toBeNull();
    expect((await core.call('orders.act', act, officer2)).order.urgeCount).toBe(1);
  });
});

describe('reply templates', () => {
  it('lists a category’s own templates first, then its parents’, then the general ones; admins edit', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    const general = await core.call(
      'templates.save',
      { categoryCode: null, title: '通用', body: '已处理完毕。' },
      admin,
    );
    const parent = await core.call(
      'templates.save',
      { categoryCode: '01', title: '市容', body: '已清理。' },
      admin,
    );
    const leaf = await core.call(
      'templates.save',
      { categoryCode: '01.01.001', title: '施工噪音', body: '已责令停工。' },
      admin,
    );
    await core.call('templates.save', { categoryCode: '02', title: '房屋', body: '已维修。' }, admin);
    const forLeaf = await core.call('templates.list', { categoryCode: '01.01.001' }, officer);
    expect(forLeaf.map((t) => t.id)).toEqual([leaf.id, parent.id, general.id]);
    expect((await core.call('templates.list', {}, officer)).length).toBe(4);
    const edited = await core.call(
      'templates.save',
      { id: leaf.id, categoryCode: '01.01.001', title: '施工噪音', body: '已责令夜间停工。' },
      admin,
    );
    expect(edited).toMatchObject({ id: leaf.id, body: '已责令夜间停工。', updatedBy: 'root' });
    expect(
      (await rejects(core.call('templates.save', { categoryCode: null, title: 'x', body: 'y' }, officer)))
        .reason,
    ).toBe('role_required');
    expect(
      (
        await rejects(
          core.call('templates.save', { categoryCode: null, title: 'x', body: '<script>' }, admin),
        )
      ).reason,
    ).toBe('invalid_input');
    expect(await core.call('templates.delete', { id: parent.id }, admin)).toEqual({ deleted: true });
    expect(
      (await core.call('templates.list', { categoryCode: '01.01.001' }, officer)).map((t) => t.id),
    ).toEqual([leaf.id, general.id]);
  });
});

/** A real 1×1 JPEG. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64',
);

describe('photos', () => {
  it('stores a photo once by its digest, refuses what is not an image, and an action names only known photos', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    const a = await core.call(
      'attachments.upload',
      { fileName: '现场.jpg', mime: 'image/jpeg', data: JPEG.toString('base64') },
      officer,
    );
    expect(a).toMatchObject({ mime: 'image/jpeg', bytes: JPEG.length });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await core.call(
      'attachments.upload',
      { fileName: '再传.jpg', mime: 'image/jpeg', data: JPEG.toString('base64') },
      officer,
    );
    expect(again.sha256).toBe(a.sha256);
    const text = await rejects(
      core.call(
        'attachments.upload',
        { fileName: 'x.jpg', mime: 'image/jpeg', data: Buffer.from('<html>').toString('base64') },
        officer,
      ),
    );
    expect(text).toMatchObject({ reason: 'file_refused' });
    const big = Buffer.concat([JPEG, Buffer.alloc(700 * 1024)]);
    expect(
      (
        await rejects(
          core.call(
            'attachments.upload',
            { fileName: 'big.jpg', mime: 'image/jpeg', data: big.toString('base64') },
            officer,
          ),
        )
      ).reason,
    ).toBe('invalid_input');
    const got = await core.call('attachments.get', { sha256: a.sha256 }, officer);
    expect(Buffer.from(got.data, 'base64').equals(JPEG)).toBe(true);
    expect(
      (await rejects(core.call('attachments.get', { sha256: a.sha256 }, { role: 'viewer', actor: 'wall' })))
        .reason,
    ).toBe('role_required');

    let d = await core.call('orders.create', { orderId: 'P-1', order: createdPayload() }, officer);
    d = await core.call(
      'orders.act',
      {
        orderId: 'P-1',
        expectedVersion: d.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
      },
      officer,
    );
    d = await core.call(
      'orders.act',
      {
        orderId: 'P-1',
        expectedVersion: d.order.version,
        action: { type: 'signed', payload: { unitId: 'u-cg' } },
      },
      officer,
    );
    const unknown = await rejects(
      core.call(
        'orders.act',
        {
          orderId: 'P-1',
          expectedVersion: d.order.version,
          action: { type: 'progressed', payload: { note: '已到场', photos: ['a'.repeat(64)] } },
        },
        officer,
      ),
    );
    expect(unknown).toMatchObject({ reason: 'unknown_reference', field: 'action.payload.photos' });
    d = await core.call(
      'orders.act',
      {
        orderId: 'P-1',
        expectedVersion: d.order.version,
        action: { type: 'progressed', payload: { note: '已到场', photos: [a.sha256] } },
      },
      officer,
    );
    expect(d.events.at(-1)).toMatchObject({ type: 'progressed', payload: { photos: [a.sha256] } });
  });
});

describe('回访', () => {
  it('keeps what the caller said with the result', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    let d = await core.call('orders.create', { orderId: 'C-1', order: createdPayload() }, officer);
    for (const action of [
      { type: 'dispatched', payload: { unitId: 'u-cg' } },
      { type: 'signed', payload: { unitId: 'u-cg' } },
      { type: 'replied', payload: { result: '已责令停工' } },
      { type: 'closed', payload: {} },
      {
        type: 'callback_recorded',
        payload: {
          valid: true,
          contacted: true,
          solved: true,
          satisfaction: 'basic',
          note: '晚上还有一点声音',
        },
      },
    ] as const)
      d = await core.call(
        'orders.act',
        { orderId: 'C-1', expectedVersion: d.order.version, action },
        commander,
      );
    expect(d.order.callback).toMatchObject({ satisfaction: 'basic', note: '晚上还有一点声音' });
  });
});

describe('address suggestions (reference.places)', () => {
  it('finds buildings, roads, sites and communities by part of their name, with their community and grid', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    const ref = await import('../store/fixtures').then((m) => m.TINY_REF);
    const building = ref.buildings[0];
    expect(building).toBeDefined();
    const hits = await core.call('reference.places', { q: (building?.name ?? '').slice(0, 2) }, officer);
    expect(hits.length).toBeGreaterThan(0);
    const b = hits.find((h) => h.kind === 'building' && h.name === building?.name);
    expect(b).toBeDefined();
    expect(b?.gridCode).toBe(building?.gridCode);
    expect(await core.call('reference.places', { q: '不存在的地名' }, officer)).toEqual([]);
  });
});

describe('定位: an order without a place', () => {
  it('waits in 待受理, gets its point, community and grid, and moves to 待派单', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    let d = await core.call(
      'orders.create',
      {
        orderId: 'U-1',
        order: createdPayload({
          lng: null,
          lat: null,
          communityCode: null,
          gridCode: null,
          address: '光华路1号楼',
        }),
      },
      officer,
    );
    expect((await core.call('orders.queues', {}, officer)).counts.to_accept).toBe(1);
    d = await core.call(
      'orders.act',
      {
        orderId: 'U-1',
        expectedVersion: d.order.version,
        action: { type: 'located', payload: { lng: 116.401, lat: 39.901, address: '光华路1号楼' } },
      },
      officer,
    );
    expect(d.order).toMatchObject({
      lng: 116.401,
      lat: 39.901,
      communityCode: '110105001001',
      gridCode: '110105001001-01',
    });
    const q = (await core.call('orders.queues', {}, officer)).counts;
    expect(q.to_accept).toBe(0);
    expect(q.to_dispatch).toBe(1);
  });
});

describe('核查/结案 are their own permission', () => {
  it('an officer needs the verify permission an admin grants; a commander has it with the role', async () => {
    const { core } = await openTestCore(cleanups, DESK_REF);
    const anon = { role: null, actor: 'anonymous', local: true } as const;
    const setup = await core.call(
      'auth.setup',
      { username: 'root', displayName: '管理员', password: 'Admin-pass-2026!' },
      anon,
    );
    const asAdmin = { role: null, actor: 'anonymous', session: setup.token ?? null } as const;
    await core.call(
      'accounts.create',
      { username: 'verifier', displayName: '核查员', password: 'Verify-pass-2026!', role: 'officer' },
      asAdmin,
    );
    const login = await core.call(
      'auth.login',
      { username: 'verifier', password: 'Verify-pass-2026!' },
      anon,
    );
    const asVerifier = { role: null, actor: 'anonymous', session: login.token ?? null } as const;
    expect(login.user.permissions).toEqual([]);
    let d = await core.call('orders.create', { orderId: 'V-1', order: createdPayload() }, officer);
    for (const action of [
      { type: 'dispatched', payload: { unitId: 'u-cg' } },
      { type: 'signed', payload: { unitId: 'u-cg' } },
      { type: 'replied', payload: { result: '已责令停工' } },
    ] as const)
      d = await core.call(
        'orders.act',
        { orderId: 'V-1', expectedVersion: d.order.version, action },
        officer,
      );
    const verify = {
      orderId: 'V-1',
      expectedVersion: d.order.version,
      action: { type: 'verified', payload: { passed: true } },
    } as const;
    expect(await rejects(core.call('orders.act', verify, asVerifier))).toMatchObject({
      reason: 'permission_required',
      params: { permission: '核查结案', permissionId: 'verify' },
    });
    expect(
      (
        await rejects(
          core.call('orders.act', { ...verify, action: { type: 'closed', payload: {} } }, officer),
        )
      ).reason,
    ).toBe('permission_required');
    const granted = await core.call(
      'accounts.setPermissions',
      { username: 'verifier', permissions: ['verify'] },
      asAdmin,
    );
    expect(granted.permissions).toEqual(['verify']);
    expect((await core.call('auth.status', {}, asVerifier)).user?.permissions).toEqual(['verify']);
    d = await core.call('orders.act', verify, asVerifier);
    expect(d.order.status).toBe('closed');
    // A commander needs no grant.
    expect((await core.call('orders.get', { orderId: 'V-1' }, commander)).order.status).toBe('closed');
  });
});
