/**
 * The Open311 connector against the loopback GeoReport v2 server: a real SQLite store on a temp
 * dir, real loopback HTTP, each server quirk of DATA.md switched on in turn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allDeliveries, readOpen311State } from '../../../electron/core/features/open311/queries';
import { listConflicts } from '../../../electron/core/features/sync/queries';
import { appendOrderEvents, getOrder, orderEvents } from '../../../electron/core/store/event-log/events';
import { encodeHlc } from '../../../shared/kernel/hlc';
import { H, logText, quarantine, req, rig as makeRig, T, type Cleanups, type Rig } from './rig';
import type { LoopRequest, Quirks } from './loopback-server';
import type { Open311Settings } from '../../../shared/features/open311/contract';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const rig = (requests: LoopRequest[], quirks: Quirks = {}, settings: Partial<Open311Settings> = {}) =>
  makeRig(cleanups, requests, quirks, settings);

describe('Open311 pull', () => {
  let r: Rig;

  it('creates work orders with mapped categories, idempotently, and moves the cursor', async () => {
    r = await rig([req(1001, 1), req(1002, 2, { service_code: '002' }), req('BOS-77', 30)]);
    await r.connector.runOnce();
    const o = getOrder(r.db, 'O311-1001');
    expect(o).toMatchObject({
      categoryCode: '01.01.001',
      source: 'hotline',
      upstreamId: '1001',
      status: 'received',
    });
    expect(getOrder(r.db, 'O311-1002')).toMatchObject({
      categoryCode: '02.01',
      urgency: 'P1',
      appealType: 'complaint',
    });
    expect(getOrder(r.db, 'O311-BOS-77')).not.toBeNull();
    const st = readOpen311State(r.db);
    expect(st.windowStart).toBe(r.clock.now);
    expect(st.highWater).toBe(T + 30 * H);
    expect(st.createdTotal).toBe(3);
    expect(st.lastError).toBeNull();
    expect(r.hints.some((h) => h.topic === 'orders.changed')).toBe(true);
    // Re-pull from the beginning: nothing new.
    const before = r.db.prepare('SELECT count(*) FROM order_event').pluck().get();
    r.db.prepare('DELETE FROM open311_state').run();
    r.configure({});
    await r.connector.runOnce();
    expect(r.db.prepare('SELECT count(*) FROM order_event').pluck().get()).toBe(before);
    // start/end dates were sent, in whole seconds, and no empty jurisdiction_id.
    const hit = r.server.hits.find((h) => h.includes('/requests.json')) ?? '';
    expect(hit).toMatch(/start_date=2026-11-20T07%3A00%3A00Z/);
    expect(hit).toMatch(/end_date=/);
    expect(hit).not.toMatch(/jurisdiction_id/);
  });

  it('pages through a server that caps page size at 3 and repeats the last page past the end', async () => {
    const many = Array.from({ length: 10 }, (_, i) => req(2000 + i, 1 + i * 0.1));
    r = await rig(many, { pageLimit: 3, pastEnd: 'repeat' }, { pageSize: 50 });
    await r.connector.runOnce();
    expect(r.db.prepare("SELECT count(*) FROM work_order WHERE id LIKE 'O311-20%'").pluck().get()).toBe(10);
    expect(logText(r.db)).toMatch(/与上一页相同/);
    expect(readOpen311State(r.db).lastError).toBeNull();
  });

  it('treats a 404 past the end as the end, and an XML server with another root name', async () => {
    const many = Array.from({ length: 7 }, (_, i) => req(3000 + i, 2 + i));
    r = await rig(
      many,
      { pageLimit: 2, pastEnd: '404', xmlRoot: 'requests', bom: true, dates: 'offset' },
      { format: 'xml' },
    );
    await r.connector.runOnce();
    expect(r.db.prepare("SELECT count(*) FROM work_order WHERE id LIKE 'O311-30%'").pluck().get()).toBe(7);
    expect(getOrder(r.db, 'O311-3000')?.receivedAt).toBe(T + 2 * H);
    expect(logText(r.db)).toMatch(/404，视为末页/);
    expect(logText(r.db)).toMatch(/根元素是 <requests>/);
  });

  it('narrows the window when a server ignores paging and truncates', async () => {
    const many = Array.from({ length: 45 }, (_, i) => req(4000 + i, 1 + i * 0.5));
    r = await rig(many, { pageLimit: 20, ignorePaging: true }, { windowDays: 2 });
    await r.connector.runOnce();
    expect(r.db.prepare("SELECT count(*) FROM work_order WHERE id LIKE 'O311-40%'").pluck().get()).toBe(45);
    expect(logText(r.db)).toMatch(/窗口缩小/);
  });

  it('quarantines bad items with a reason and keeps the valid ones of the same batch', async () => {
    r = await rig([
      req(5001, 1),
      req(5002, 1.1, { description: '<script>alert(1)</script>' }),
      req(5003, 1.2, { service_code: '099' }),
      req(5004, 1.3, { lat: 40.7128, long: -74.006 }),
      req(5005, 1.4, { lat: { x: 1 } }),
      req(5006, 1.5, { lat: 116.4612, long: 39.8937 }),
      req(5007, 1.6, { description: "x'; DROP TABLE work_order; --" }),
      { ...req(0, 1.7), service_request_id: undefined, token: 'tok-9' },
      req('ab/cd?e f', 1.8, { media_url: ['http://m/1.jpg', 'http://m/2.jpg'] }),
      req(5009, 1.9, { requested: 0 }),
    ]);
    await r.connector.runOnce();
    const q = quarantine(r.db);
    expect(q.map((x) => x.ref)).toEqual(['5005', '5002', '5003', '5004', 'tok-9']);
    expect(q[0]?.reason).toMatch(/字段 lat/);
    expect(q[1]?.reason).toMatch(/脚本或 HTML/);
    expect(q[1]?.excerpt).toContain('<script>alert(1)</script>');
    expect(q[2]?.reason).toMatch(/service_code=099 未在分类映射表中/);
    // A real position outside the hall's area: out, with that reason (not "invalid").
    expect(q[3]?.reason).toMatch(/坐标不在辖区范围内: lat=40.7128, long=-74.006/);
    expect(q[4]?.reason).toMatch(/token/);
    expect(getOrder(r.db, 'O311-5001')).not.toBeNull();
    // Swapped lat/long put right, with a log line.
    expect(getOrder(r.db, 'O311-5006')).toMatchObject({ lat: 39.8937, lng: 116.4612 });
    expect(logText(r.db)).toMatch(/5006 的 lat\/long 互换，已纠正/);
    // SQL-looking text is text.
    expect(getOrder(r.db, 'O311-5007')?.description).toBe("x'; DROP TABLE work_order; --");
    // Odd ids are hashed into a safe order id; media_url arrays kept in the description.
    const odd = r.db
      .prepare("SELECT order_id FROM open311_request WHERE service_request_id = 'ab/cd?e f'")
      .pluck()
      .get() as string;
    expect(odd).toMatch(/^O311-h[0-9a-f]{24}$/);
    expect(getOrder(r.db, odd)?.description).toContain('http://m/2.jpg');
    // 1970 requested date: blank, falls back to updated.
    expect(getOrder(r.db, 'O311-5009')?.receivedAt).toBe(T + 1.9 * H);
    expect(readOpen311State(r.db).quarantinedTotal).toBe(5);
  });

  it('keeps the cursor on an HTML 500 page and an error object, then recovers', async () => {
    // Each request is tried three times in a cycle: three failures make the cycle fail.
    r = await rig([req(6001, 1)], { html500: 3 });
    await r.connector.runOnce();
    let st = readOpen311State(r.db);
    expect(st.lastError).toMatch(/网页而不是数据（HTTP 500/);
    expect(st.windowStart).toBeNull();
    r.server.quirks = { errorObject: 3 };
    await r.connector.runOnce();
    st = readOpen311State(r.db);
    expect(st.lastError).toMatch(/400: start_date is invalid/);
    await r.connector.runOnce();
    expect(readOpen311State(r.db).lastError).toBeNull();
    expect(getOrder(r.db, 'O311-6001')).not.toBeNull();
  });

  it('tries a failed request again at once: one 503 or cut-off body does not fail the pull', async () => {
    r = await rig([req(6051, 1)], { html500: 2 });
    await r.connector.runOnce();
    expect(readOpen311State(r.db).lastError).toBeNull();
    expect(getOrder(r.db, 'O311-6051')).not.toBeNull();
    expect(logText(r.db)).toMatch(/第 2 次失败，0\.005 秒后重试/);
  });

  it('reads dates without milliseconds, without offset, +0000', async () => {
    for (const [dates, off] of [
      ['plain', 0],
      ['plus0000', 0],
      ['naive', 0],
    ] as const) {
      r = await rig([req(7001, 3)], { dates }, { naiveOffsetMinutes: off });
      await r.connector.runOnce();
      expect(getOrder(r.db, 'O311-7001')?.receivedAt).toBe(T + 3 * H);
    }
    expect(logText(r.db)).toMatch(/无时区/);
  });

  it('applies status changes; a change our lifecycle refuses is kept and flagged, never dropped', async () => {
    r = await rig([req(8001, 1), req(8002, 1)]);
    await r.connector.runOnce();
    // The hall works 8001 to 办结 (replied); upstream then closes both.
    let at = r.clock.now;
    const local = (type: 'dispatched' | 'signed' | 'replied', payload: object) => {
      at += 1000;
      appendOrderEvents(
        r.db,
        [
          {
            id: `hall-${type}`,
            orderId: 'O311-8001',
            type,
            hlc: encodeHlc({ physical: at, counter: 0, node: 'hall' }),
            at,
            actor: 'duty',
            node: 'hall',
            payload,
          } as never,
        ],
        { source: 'local', now: at },
      );
    };
    local('dispatched', { unitId: 'U1', coUnitIds: [], note: '' });
    local('signed', { unitId: 'U1' });
    local('replied', { result: '已修复', photos: [] });
    const closedAt = r.clock.now + H / 2;
    r.server.requests[0] = { ...req(8001, 1), status: 'CLOSED', status_notes: '已修复', updated: closedAt };
    r.server.requests[1] = { ...req(8002, 1), status: 'fixed', updated: closedAt };
    r.clock.now += H;
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-8001')?.status).toBe('closed');
    // 8002 was never worked here: upstream's close is refused by our lifecycle, kept and flagged.
    expect(getOrder(r.db, 'O311-8002')?.status).toBe('received');
    const flagged = r.db
      .prepare("SELECT id FROM order_event WHERE order_id = 'O311-8002' AND flag = 'rejected'")
      .pluck()
      .all();
    expect(flagged).toHaveLength(1);
    // …and listed in the 冲突 list (issue 12 item 5), for a person, with the reducer's reason.
    const conflicts = listConflicts(r.db, { includeResolved: false, limit: 10 });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      orderId: 'O311-8002',
      kind: 'refused',
      eventType: 'closed',
      node: 'open311',
    });
    expect(conflicts[0]?.reason).toMatch(/Open311 上游要求结案，但本中心的工单流程不允许/);
    expect(logText(r.db)).toMatch(/1 条上游状态变更被工单流程拒绝，已保存并列入冲突列表/);
    // Updates on 8001: out of order on the wire, one duplicated; applied oldest first, once.
    const n = r.clock.now;
    r.server.updates.push(
      { update_id: 'u2', service_request_id: '8001', status: 'closed', updated: n + 0.7 * H },
      { update_id: 'u1', service_request_id: '8001', status: 'in_progress', updated: n + 0.6 * H },
      { update_id: 'u1', service_request_id: '8001', status: 'in_progress', updated: n + 0.6 * H },
    );
    r.clock.now += H;
    await r.connector.runOnce();
    const tail = orderEvents(r.db, 'O311-8001')
      .map((e) => e.id)
      .slice(-2);
    expect(tail).toEqual(['o311:8001:open:uu1', 'o311:8001:closed:uu2']);
    expect(getOrder(r.db, 'O311-8001')?.status).not.toBe('closed');
    // Pulled again: nothing new.
    const count = orderEvents(r.db, 'O311-8001').length;
    r.db.prepare("UPDATE open311_state SET state = json_set(state, '$.updatesStart', 0)").run();
    r.clock.now += H;
    await r.connector.runOnce();
    expect(orderEvents(r.db, 'O311-8001')).toHaveLength(count);
  });
});

describe('Open311 push (service-request-updates)', () => {
  it('posts our status changes upper-case, retries failures with backoff, never marks a failure sent', async () => {
    const r = await rig([req(9001, 1)], { failPosts: 1 });
    await r.connector.runOnce();
    const at = r.clock.now + 1000;
    appendOrderEvents(
      r.db,
      [
        {
          id: 'hall-ev-1',
          orderId: 'O311-9001',
          type: 'dispatched',
          hlc: encodeHlc({ physical: at, counter: 0, node: 'hall' }),
          at,
          actor: 'duty',
          node: 'hall',
          payload: { unitId: 'U1', coUnitIds: [], note: '请尽快处理' },
        },
      ],
      { source: 'local', now: at },
    );
    r.clock.now = at + 1000;
    await r.connector.runOnce();
    let d = allDeliveries(r.db);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ state: 'failed', attempts: 1, status: 'action_scheduled' });
    expect(d[0]?.lastError).toMatch(/500.*database unavailable/);
    expect(r.server.posted).toHaveLength(0);
    // Not due yet: nothing sent.
    await r.connector.runOnce();
    expect(allDeliveries(r.db)[0]?.state).toBe('failed');
    r.clock.now += 31_000;
    await r.connector.runOnce();
    d = allDeliveries(r.db);
    expect(d[0]).toMatchObject({ state: 'sent', attempts: 2, remoteUpdateId: 'srv-1' });
    expect(r.server.posted[0]).toMatchObject({
      service_request_id: '9001',
      status: 'ACTION_SCHEDULED',
      update_id: 'hall-ev-1',
      description: '已派单: 请尽快处理',
      api_key: 'secret-key',
    });
    // Upstream-made events are never echoed back.
    expect(allDeliveries(r.db)).toHaveLength(1);
  });
});
