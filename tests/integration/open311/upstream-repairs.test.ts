/**
 * Issue 12, the Open311 connector never loses a request: each defect measured against the
 * loopback GeoReport v2 server reproduced here (maintenance page with 200, a server ignoring
 * page and dates, a mid-pull endpoint change, a mislabelled charset, our own updates read back,
 * refused closes, repeated quarantine, raw errors, requests without coordinates).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { configureOpen311, resetOpen311Cursor } from '../../../electron/core/features/open311';
import { readOpen311State } from '../../../electron/core/features/open311/queries';
import { getOrder, orderEvents } from '../../../electron/core/store/event-log/events';
import { appendOrderEvents } from '../../../electron/core/store/event-log/events';
import { listConflicts } from '../../../electron/core/features/sync/queries';
import { encodeHlc } from '../../../shared/kernel/hlc';
import { startLoopbackOpen311 } from './loopback-server';
import { H, logText, quarantine, req, requestGets, rig, SERVICE_MAP, T, type Cleanups } from './rig';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const orderCount = (db: { prepare(sql: string): { pluck(): { get(): unknown } } }): number =>
  db.prepare("SELECT count(*) FROM work_order WHERE id LIKE 'O311-%'").pluck().get() as number;

describe('item 1: a window is done only when it was read whole', () => {
  it('a maintenance page with status 200 keeps the window (no skip, however long), backs off, then reads it whole', async () => {
    const five = [1, 2, 3, 4, 5].map((i) => req(100 + i, i));
    // 8 failed cycles (3 tries each): more than the 5 after which the old code skipped the window.
    const r = await rig(cleanups, five, { maintenance200: { count: 8 * 3 } }, { intervalSec: 10 });
    const waits: number[] = [];
    for (let i = 1; i <= 8; i++) {
      await r.connector.runOnce();
      const st = readOpen311State(r.db);
      expect(st.windowStart).toBeNull();
      expect(st.failures).toBe(i);
      expect(st.waiting).toMatchObject({ from: T - H, to: T + 23 * H, failures: i });
      expect(st.waiting?.reason).toMatch(/返回了网页而不是数据（HTTP 200，页面标题“系统维护中/);
      expect(st.lastError).toMatch(/窗口 11-20 15:00:00 – 11-21 15:00:00 保留，不会跳过/);
      waits.push((st.nextPullAt as number) - r.clock.now);
      r.clock.now = st.nextPullAt as number;
    }
    // The pause grows (15 s, 30 s, 1 min …, with ±20 % jitter fixed at 0 here) and is capped at 30 min.
    expect(waits.slice(0, 4)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30 * 60_000);
    expect(orderCount(r.db)).toBe(0);
    expect(quarantine(r.db)).toEqual([]);
    await r.connector.runOnce();
    const st = readOpen311State(r.db);
    expect(orderCount(r.db)).toBe(5);
    expect(st).toMatchObject({ failures: 0, waiting: null, lastError: null });
    expect(st.windowStart).toBe(r.clock.now);
    expect(logText(r.db)).toMatch(/此前失败 8 次的窗口 11-20 15:00:00 – 11-21 15:00:00 已完整读取，没有遗漏/);
  });

  it('a window that fails after earlier windows were read keeps them and waits on the failing one only', async () => {
    const r = await rig(cleanups, [req(201, 1), req(202, 30)], {}, { windowDays: 1 });
    // The first window (T-1h … T+23h: page 1, then the empty page 2) reads; then the server goes down.
    let calls = 0;
    r.server.quirks = {
      hold: async () => {
        calls++;
        if (calls > 2) r.server.quirks.html500 = 99;
      },
    };
    await r.connector.runOnce();
    const st = readOpen311State(r.db);
    expect(getOrder(r.db, 'O311-201')).not.toBeNull();
    expect(getOrder(r.db, 'O311-202')).toBeNull();
    expect(st.windowStart).toBe(T + 23 * H);
    expect(st.waiting).toMatchObject({ from: T + 23 * H, failures: 1 });
    r.server.quirks = {};
    r.clock.now = st.nextPullAt as number;
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-202')).not.toBeNull();
  });
});

describe('item 2 and 3: another endpoint starts clean, and a change during a pull writes nothing of it', () => {
  it('the failure count does not carry over to a new endpoint', async () => {
    const r = await rig(cleanups, [req(301, 1)], { html500: 999 });
    for (let i = 0; i < 4; i++) await r.connector.runOnce();
    expect(readOpen311State(r.db).failures).toBe(4);
    const b = await startLoopbackOpen311({ requests: [req(302, 1)], quirks: { html500: 3 } });
    cleanups.push(() => b.close());
    configureOpen311(r.db, { endpoint: b.url }, 'admin', r.clock.now);
    expect(readOpen311State(r.db)).toMatchObject({
      failures: 0,
      waiting: null,
      lastError: null,
      windowStart: null,
    });
    await r.connector.runOnce();
    const st = readOpen311State(r.db);
    expect(st.failures).toBe(1);
    expect(st.nextPullAt! - r.clock.now).toBe(15_000);
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-302')).not.toBeNull();
  });

  it('an endpoint change during a pull: the old pull writes nothing, the new endpoint starts at its own beginning', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked: () => void = () => undefined;
    const wasAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const r = await rig(cleanups, [req(401, 1), req(402, 2)], {
      hold: async () => {
        asked();
        await held;
      },
    });
    const b = await startLoopbackOpen311({ requests: [req(501, 1), req(502, 20)] });
    cleanups.push(() => b.close());
    const pulling = r.connector.runOnce();
    await wasAsked;
    configureOpen311(r.db, { endpoint: b.url }, 'admin', r.clock.now);
    const gen = readOpen311State(r.db).generation;
    release();
    await pulling;
    // Nothing of the old endpoint's pull: no orders, no cursor in the new endpoint's state.
    const st = readOpen311State(r.db);
    expect(getOrder(r.db, 'O311-401')).toBeNull();
    expect(st).toMatchObject({ windowStart: null, highWater: null, generation: gen, lastError: null });
    expect(logText(r.db)).toMatch(/设置已更改，本轮拉取已取消，其结果一律不写入/);
    // The new endpoint's requests arrive, from its own beginning; the old one's never.
    r.server.quirks = {};
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-501')).not.toBeNull();
    expect(getOrder(r.db, 'O311-502')).not.toBeNull();
    expect(getOrder(r.db, 'O311-401')).toBeNull();
    expect(readOpen311State(r.db).windowStart).toBe(r.clock.now);
  });

  it('resetting the cursor reads from since again (repeats are no-ops), audited', async () => {
    const r = await rig(cleanups, [req(601, 1)]);
    await r.connector.runOnce();
    const events = r.db.prepare('SELECT count(*) FROM order_event').pluck().get();
    r.server.requests.push(req(602, 2));
    // 602 is older than the cursor: only a reset reads it.
    resetOpen311Cursor(r.db, undefined, 'admin', r.clock.now);
    expect(readOpen311State(r.db).windowStart).toBeNull();
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-602')).not.toBeNull();
    expect(r.db.prepare('SELECT count(*) FROM order_event').pluck().get()).toBe((events as number) + 1);
    const audit = r.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'open311.%'").pluck().all();
    expect(audit).toEqual(['open311.resetCursor']);
  });
});

describe('items 5 and 6: refused closes are listed; our own updates are not read back', () => {
  it('lists a refused upstream close in the 冲突 list, also one flagged before this fix', async () => {
    const r = await rig(cleanups, [req(701, 1, { status: 'closed' }), req(702, 1, { status: 'closed' })]);
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-701')?.status).toBe('received');
    let c = listConflicts(r.db, { includeResolved: false, limit: 50 });
    expect(c.map((x) => [x.orderId, x.eventType, x.kind])).toEqual([
      ['O311-702', 'closed', 'refused'],
      ['O311-701', 'closed', 'refused'],
    ]);
    // A store from before the fix: the event flagged, the 冲突 list empty. The next pull lists it.
    r.db.prepare("DELETE FROM sync_conflict WHERE order_id = 'O311-701'").run();
    await r.connector.runOnce();
    c = listConflicts(r.db, { includeResolved: false, limit: 50 });
    expect(c.map((x) => x.orderId).sort()).toEqual(['O311-701', 'O311-702']);
  });

  it('does not read its own posted updates back as upstream events (150 dispatches → 0 reopened)', async () => {
    const n = 20;
    // The default overlap re-reads the last 10 minutes: our posts come back in requests.json and
    // servicerequestupdates, as they did against the measured server.
    const r = await rig(
      cleanups,
      Array.from({ length: n }, (_, i) => req(800 + i, 1, { status: i % 2 === 0 ? 'closed' : 'open' })),
      {},
      { overlapMinutes: 10 },
    );
    await r.connector.runOnce();
    // The hall dispatches every order (the closed-upstream ones stay 待派单 here: their close was refused).
    let at = r.clock.now;
    for (let i = 0; i < n; i++) {
      at += 1000;
      appendOrderEvents(
        r.db,
        [
          {
            id: `hall-d-${i}`,
            orderId: `O311-${800 + i}`,
            type: 'dispatched',
            hlc: encodeHlc({ physical: at, counter: 0, node: 'hall' }),
            at,
            actor: 'duty',
            node: 'hall',
            payload: { unitId: 'U1', coUnitIds: [], note: '' },
          },
        ],
        { source: 'local', now: at },
      );
    }
    r.clock.now = at + 1000;
    await r.connector.runOnce(); // posts 20 ACTION_SCHEDULED; the server takes them as the requests' status
    expect(r.server.posted).toHaveLength(n);
    expect(r.server.updates).toHaveLength(n);
    r.clock.now += 60_000;
    await r.connector.runOnce(); // reads the requests and the updates back
    r.clock.now += 60_000;
    await r.connector.runOnce();
    const upstream = r.db
      .prepare(
        "SELECT type, count(*) AS n FROM order_event WHERE node = 'open311' GROUP BY type ORDER BY type",
      )
      .all();
    // Only what upstream itself did: the 20 created and the 10 closes (refused, listed).
    expect(upstream).toEqual([
      { type: 'closed', n: 10 },
      { type: 'created', n: 20 },
    ]);
    expect(logText(r.db)).not.toMatch(/重新打开/);
    // A reply posted as FIXED comes back neither as an upstream close.
    at = r.clock.now;
    for (const type of ['signed', 'replied'] as const) {
      at += 1000;
      appendOrderEvents(
        r.db,
        [
          {
            id: `hall-${type}-801`,
            orderId: 'O311-801',
            type,
            hlc: encodeHlc({ physical: at, counter: 0, node: 'hall' }),
            at,
            actor: 'duty',
            node: 'hall',
            payload: type === 'signed' ? { unitId: 'U1' } : { result: '已修复', photos: [] },
          } as never,
        ],
        { source: 'local', now: at },
      );
    }
    r.clock.now = at + 1000;
    await r.connector.runOnce();
    r.clock.now += 60_000;
    await r.connector.runOnce();
    expect(r.server.requests.find((x) => x.service_request_id === 801)?.status).toBe('fixed');
    expect(getOrder(r.db, 'O311-801')?.status).toBe('replied');
    expect(
      orderEvents(r.db, 'O311-801')
        .filter((e) => e.node === 'open311')
        .map((e) => e.type),
    ).toEqual(['created']);
    // Upstream then really closes it: that is news, and it is applied.
    r.server.requests[1] = { ...req(801, 1), status: 'closed', updated: r.clock.now + 30_000 };
    r.clock.now += 60_000;
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-801')?.status).toBe('closed');
  });
});

describe('item 7: a server that ignores page and the dates', () => {
  it('is detected and read once per pull, slowed down and said so — not 2,000 GETs a minute', async () => {
    // 45 requests over 7.6 days; the server ignores both and always returns its first 20.
    const many = Array.from({ length: 45 }, (_, i) => req(900 + i, -7.6 * 24 + i * 4));
    const r = await rig(
      cleanups,
      many,
      { ignorePaging: true, ignoreDates: true, pageLimit: 20 },
      { since: T - 7.7 * 24 * H, windowDays: 7, intervalSec: 10 },
    );
    // A minute of the loop at a 10 s interval.
    const end = r.clock.now + 60_000;
    let cycles = 0;
    while (r.clock.now < end) {
      const st = readOpen311State(r.db);
      if (st.nextPullAt === null || r.clock.now >= st.nextPullAt) {
        await r.connector.runOnce();
        cycles++;
      }
      r.clock.now += 10_000;
    }
    const st = readOpen311State(r.db);
    expect(cycles).toBe(1);
    // Two narrowings of the first 7-day window before items far outside it give the server away.
    expect(requestGets(r.server)).toBeLessThanOrEqual(8);
    expect(st.windowStart).not.toBeNull();
    expect(st.windowStart! >= T + 48 * H).toBe(true);
    expect(st.quirks).toMatchObject({ ignoresDates: true, ignoresPaging: true, cappedAt: 20 });
    expect(st.nextPullAt! - st.lastPullAt!).toBeGreaterThanOrEqual(15 * 60_000);
    expect(orderCount(r.db)).toBe(20);
    expect(logText(r.db)).toMatch(/每次只返回前 20 条：其余请求无法从该服务器读取/);
  });

  it('a server that ignores only the dates: the whole list once, every request, slowed down', async () => {
    const many = Array.from({ length: 45 }, (_, i) => req(1000 + i, -7 * 24 + i * 3));
    const r = await rig(cleanups, many, { ignoreDates: true, pageLimit: 10 }, { since: T - 8 * 24 * H });
    await r.connector.runOnce();
    expect(orderCount(r.db)).toBe(45);
    expect(requestGets(r.server)).toBeLessThanOrEqual(6);
    const st = readOpen311State(r.db);
    expect(st.quirks.ignoresDates).toBe(true);
    expect(st.windowStart).toBe(r.clock.now);
  });

  it('a server that ignores only paging: narrowed windows widen again, GETs stay bounded', async () => {
    const many = Array.from({ length: 60 }, (_, i) => req(1100 + i, 1 + i * 0.25));
    const r = await rig(cleanups, many, { pageLimit: 20, ignorePaging: true }, { windowDays: 2 });
    await r.connector.runOnce();
    expect(orderCount(r.db)).toBe(60);
    expect(readOpen311State(r.db).quirks.ignoresPaging).toBe(true);
    expect(requestGets(r.server)).toBeLessThan(80);
  });
});

describe('items 8–11: charset, quarantine once, Chinese errors, 待定位', () => {
  it('reads a UTF-8 body declared ISO-8859-1 as UTF-8, and says so', async () => {
    const r = await rig(cleanups, [req(1201, 1, { description: '井盖缺失，夜间行人易踩空' })], {
      charset: 'ISO-8859-1',
    });
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-1201')?.description).toBe('井盖缺失，夜间行人易踩空');
    expect(getOrder(r.db, 'O311-1201')?.title).toBe('道路破损');
    expect(readOpen311State(r.db).quirks.charsetNote).toMatch(/声明字符集为 iso-8859-1，但内容是 UTF-8/);
    expect(logText(r.db)).toMatch(/已按 UTF-8 读取/);
  });

  it('quarantines the same bad item once, with a count, however often it is read again', async () => {
    const r = await rig(cleanups, [
      req(1301, 1, { description: '<script>alert(1)</script>' }),
      req(1302, 1, { service_code: '099' }),
      req(1303, 1),
    ]);
    for (let i = 0; i < 7; i++) {
      resetOpen311Cursor(r.db, undefined, 'admin', r.clock.now);
      await r.connector.runOnce();
    }
    const q = quarantine(r.db);
    expect(q.map((x) => [x.ref, x.hits])).toEqual([
      ['1301', 7],
      ['1302', 7],
    ]);
    expect(readOpen311State(r.db).quarantinedTotal).toBe(2);
  });

  it('says in Chinese what happened and what the hall does; the technical detail stays in the log', async () => {
    const r = await rig(cleanups, [req(1401, 1)], { flaky: { p503: 0, pTruncate: 1, delayMs: 0 } });
    await r.connector.runOnce();
    const st = readOpen311State(r.db);
    expect(st.lastError).toMatch(
      /^与 Open311 服务器的连接在传输中断开，收到的内容不完整。窗口 .* 保留，不会跳过，已读取的数据不会丢失；.* 自动重试（连续第 1 次失败）$/,
    );
    expect(st.lastError).not.toMatch(/terminated|aborted|TypeError/);
    expect(logText(r.db)).toMatch(/技术细节：TypeError: terminated/);
  });

  it('keeps a request with an address and no coordinates as an order waiting for a place (待定位)', async () => {
    const r = await rig(cleanups, [
      req(1501, 1, { lat: undefined, long: undefined, address: '劲松路 3 号院东门' }),
      req(1502, 1, { lat: 0, long: 0, address: '广渠路 18 号' }),
      req(1503, 1, { lat: undefined, long: undefined, address: '' }),
      req(1504, 1, { lat: 41.8781, long: -87.6298 }),
    ]);
    await r.connector.runOnce();
    expect(getOrder(r.db, 'O311-1501')).toMatchObject({
      lng: null,
      lat: null,
      address: '劲松路 3 号院东门',
      status: 'received',
    });
    expect(getOrder(r.db, 'O311-1502')).toMatchObject({ lng: null, lat: null });
    const q = quarantine(r.db);
    expect(q.map((x) => [x.ref, x.reason])).toEqual([
      ['1503', '缺少坐标 lat/long，也没有地址，无法定位'],
      ['1504', expect.stringMatching(/^坐标不在辖区范围内: lat=41.8781, long=-87.6298/)],
    ]);
    expect(logText(r.db)).toMatch(/2 条请求只有地址、没有坐标，已建为待定位工单/);
    expect(SERVICE_MAP).toHaveLength(2);
  });
});
