/**
 * The push path's speed work (issue 4, 10,000 events in ≤ 2 s) without giving up exactly-once:
 * the outbox goes out in local write order, in disjoint batches keyed by local seq, two batches
 * in flight; an answer lost in flight means a resend the hub acknowledges as a repeat; the hub
 * folds its WAL back when idle instead of inside a push.
 */
import { statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../../electron/core/adapters/hub/hub-server';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import { appendOrderEvents, eventCount } from '../../../electron/core/store/event-log/events';
import { outboxEventsJson, outboxPending } from '../../../electron/core/store/event-log/outbox';
import { appendRawFeedItem, pullFeedJson } from '../../../electron/core/features/sync/queries-hub';
import { setSyncKv } from '../../../electron/core/features/sync/queries';
import type { WritableDb } from '../../../electron/core/store/types';
import { createSyncEngine } from '../../../electron/core/adapters/sync/engine';
import { encodeHlc } from '../../../shared/kernel/hlc';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { ROUTES } from '../../../shared/features/sync/protocol';
import type { Cleanups } from '../runtime/fixtures';
import { createdPayload, openTinyStore, T0, tempDir } from '../store/fixtures';
import { REG_TOKEN, startTestHub, waitFor } from './sync-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

/**
 * `orders` orders of four events each (受理 → 派单 → 签收 → 办结), written in that order, with ids
 * that sort the other way round (z… before y… before …): id order is never write order.
 */
function history(orders: number, node: string): OrderEvent[] {
  const out: OrderEvent[] = [];
  const created = { ...createdPayload({ source: 'grid' }), upstreamId: null, upstreamDeadline: null };
  let k = 0;
  for (let o = 0; o < orders; o++) {
    const orderId = `${node}-o${o}`;
    const steps: Array<[OrderEvent['type'], unknown]> = [
      ['created', { ...created, title: `第${o}件` }],
      ['dispatched', { unitId: 'u-cg', coUnitIds: [], note: '' }],
      ['signed', { unitId: 'u-cg' }],
      ['replied', { result: '已处理完毕', photos: [] }],
    ];
    for (const [type, payload] of steps) {
      k++;
      out.push({
        id: `${String.fromCharCode(122 - (k % 26))}-${node}-${String(100_000 - k)}`,
        orderId,
        type,
        payload,
        hlc: encodeHlc({ physical: T0 + k, counter: 0, node }),
        at: T0 + k,
        actor: 'test',
        node,
      } as OrderEvent);
    }
  }
  return out;
}

/** A loopback proxy in front of the hub that counts concurrent pushes and can lose one answer. */
async function pushProxy(
  target: string,
  loseAnswerOfPush: number | null,
): Promise<{
  url: string;
  maxConcurrentPushes: () => number;
  pushes: () => number;
}> {
  const to = new URL(target);
  let concurrent = 0;
  let max = 0;
  let pushes = 0;
  const server: Server = createServer((req, res) => {
    const isPush = req.url === ROUTES.push;
    const n = isPush ? ++pushes : 0;
    if (isPush) max = Math.max(max, ++concurrent);
    const up = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (isPush) concurrent--;
          if (n === loseAnswerOfPush) {
            // The hub stored the batch; the hall never hears of it.
            res.writeHead(502).end();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
        });
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    maxConcurrentPushes: () => max,
    pushes: () => pushes,
  };
}

function engineFor(db: WritableDb, hubUrl: string, node: string, pushBatch: number) {
  setSyncKv(db, 'hub_url', hubUrl);
  setSyncKv(db, 'token', REG_TOKEN);
  const e = createSyncEngine({
    db,
    node,
    now: () => T0 + 10_000,
    publish: () => undefined,
    timing: { pollMs: 60_000, backoff: { baseMs: 10, maxMs: 50 }, hints: false, pushBatch },
  });
  cleanups.push(() => e.stop());
  return e;
}

function hubEventCounts(db: WritableDb): { events: number; feed: number; distinct: number } {
  return {
    events: db.prepare('SELECT count(*) FROM order_event').pluck().get() as number,
    feed: db.prepare("SELECT count(*) FROM hub_feed WHERE kind = 'event'").pluck().get() as number,
    distinct: db
      .prepare("SELECT count(DISTINCT event_id) FROM hub_feed WHERE kind = 'event'")
      .pluck()
      .get() as number,
  };
}

describe('push order and batches', () => {
  it('reads the outbox in local write order, not id order, in disjoint batches keyed by seq', () => {
    const db = openTinyStore(cleanups);
    const events = history(3, 'hallA');
    // One transaction, one `now`: the old (created, event_id) order sent these in id order.
    appendOrderEvents(db, events, { source: 'local', now: T0 });
    const first = outboxEventsJson(db, 5);
    const second = outboxEventsJson(db, 5, first.lastSeq);
    const third = outboxEventsJson(db, 5, second.lastSeq);
    expect([...first.ids, ...second.ids, ...third.ids]).toEqual(events.map((e) => e.id));
    expect(third.ids).toHaveLength(2);
    expect(outboxEventsJson(db, 5, third.lastSeq).ids).toEqual([]);
    // The JSON is the events as written (what the hub parses).
    expect((JSON.parse(first.json) as OrderEvent[]).map((e) => e.type)).toEqual([
      'created',
      'dispatched',
      'signed',
      'replied',
      'created',
    ]);
  });

  it('migration 9 gives outbox rows written before it their local seq, so they still go out', () => {
    const t = tempDir('outbox-migration-');
    cleanups.push(t.cleanup);
    const raw = new Database(dbPath(t.dir));
    migrate(raw as WritableDb, MIGRATIONS.slice(0, 8));
    const ev = history(1, 'hallA');
    const ins = raw.prepare(
      'INSERT INTO order_event(id, order_id, type, payload, actor, node, hlc, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const e of ev) {
      ins.run(e.id, e.orderId, e.type, JSON.stringify(e.payload), e.actor, e.node, e.hlc, e.at);
      raw.prepare('INSERT INTO outbox(event_id, created) VALUES (?, ?)').run(e.id, T0);
    }
    raw.close();
    const db = openDb(t.dir);
    try {
      const nulls = db.prepare('SELECT count(*) FROM outbox WHERE event_seq IS NULL').pluck().get();
      expect(nulls).toBe(0);
      expect(outboxEventsJson(db, 10).ids).toEqual(ev.map((e) => e.id));
    } finally {
      db.close();
    }
  });
});

describe('pipelined push through a real hub', () => {
  it('keeps two batches in flight and stores every event exactly once', async () => {
    const hub = await startTestHub(cleanups);
    const proxy = await pushProxy(hub.url, null);
    const db = openTinyStore(cleanups);
    const events = history(10, 'hallA');
    appendOrderEvents(db, events, { source: 'local', now: T0 });
    const engine = engineFor(db, proxy.url, 'hallA', 6);
    expect(await engine.runOnce()).toBe(true);
    expect(outboxPending(db)).toBe(0);
    expect(proxy.pushes()).toBe(Math.ceil(events.length / 6));
    expect(proxy.maxConcurrentPushes()).toBe(2);
    expect(hubEventCounts(hub.db)).toEqual({ events: 40, feed: 40, distinct: 40 });
    // Each order arrived created-first: the hub applied it incrementally, nothing was refused.
    const flagged = hub.db.prepare('SELECT count(*) FROM order_event WHERE flag IS NOT NULL').pluck().get();
    expect(flagged).toBe(0);
    const statuses = hub.db.prepare('SELECT DISTINCT status FROM work_order').pluck().all();
    expect(statuses).toEqual(['replied']);
  });

  it('an answer lost while the next batch is in flight: the resend is a repeat, still exactly once', async () => {
    const hub = await startTestHub(cleanups);
    const proxy = await pushProxy(hub.url, 1);
    const db = openTinyStore(cleanups);
    const events = history(5, 'hallA');
    appendOrderEvents(db, events, { source: 'local', now: T0 });
    const engine = engineFor(db, proxy.url, 'hallA', 4);
    // First cycle: batch 1 is stored but its answer is lost; the cycle fails.
    expect(await engine.runOnce()).toBe(false);
    expect(outboxPending(db)).toBeGreaterThan(0);
    const stored = hubEventCounts(hub.db).events;
    expect(stored).toBeGreaterThanOrEqual(4);
    // Next cycle drains the rest; the repeats are acknowledged, not applied twice.
    expect(await engine.runOnce()).toBe(true);
    expect(outboxPending(db)).toBe(0);
    expect(hubEventCounts(hub.db)).toEqual({ events: 20, feed: 20, distinct: 20 });
    expect(eventCount(db)).toBe(20);
  });
});

describe('pull page as bytes', () => {
  it('splices stored bodies (any UTF-8) and concurrency lists into valid JSON, page by page', () => {
    const db = openTinyStore(cleanups);
    appendRawFeedItem(db, 'event', '{"id":"e1","title":"楼道堆物 ☃"}', 'hub');
    db.prepare(
      "INSERT INTO hub_feed(kind, event_id, order_id, origin, body, concurrent_with) VALUES ('event', 'e2', 'o', 'hallB', '{\"note\":\"né\"}', '[\"z1\"]')",
    ).run();
    appendRawFeedItem(db, 'event', '{"id":"own"}', 'hallA');
    const page = (after: number, limit: number): unknown =>
      JSON.parse(pullFeedJson(db, 'hallA', after, limit).toString('utf8'));
    expect(page(0, 1)).toEqual({
      items: [{ seq: 1, kind: 'event', body: { id: 'e1', title: '楼道堆物 ☃' } }],
      next: 1,
      more: true,
      hubSeq: 3,
    });
    expect(page(1, 5)).toEqual({
      items: [{ seq: 2, kind: 'event', body: { note: 'né' }, concurrentWith: ['z1'] }],
      next: 3,
      more: false,
      hubSeq: 3,
    });
    expect(page(3, 5)).toEqual({ items: [], next: 3, more: false, hubSeq: 3 });
  });
});

describe('hub WAL upkeep', () => {
  it('folds its WAL back once no push came for a while, not inside a push', async () => {
    const t = tempDir('hub-wal-');
    cleanups.push(t.cleanup);
    const hub = await startHub({
      dataDir: t.dir,
      port: 0,
      registrationToken: REG_TOKEN,
      checkpointIdleMs: 100,
    });
    cleanups.push(() => hub.close());
    expect(hub.db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1_000);
    const db = openTinyStore(cleanups);
    appendOrderEvents(db, history(5, 'hallA'), { source: 'local', now: T0 });
    const engine = engineFor(db, hub.url, 'hallA', 8);
    expect(await engine.runOnce()).toBe(true);
    await waitFor('an idle checkpoint', () => statSync(`${dbPath(t.dir)}-wal`).size === 0, 5_000);
    expect(hubEventCounts(hub.db).events).toBe(20);
  });
});
