import { afterEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../../electron/core/store/meta';
import {
  appendOrderEvents,
  eventCount,
  getOrder,
  ingestEvents,
  orderEvents,
  rebuildProjections,
} from '../../../electron/core/store/event-log/events';
import { outboxPending } from '../../../electron/core/store/event-log/outbox';
import { monthCounters } from '../../../electron/core/features/stats/queries';
import { readReference } from '../../../electron/core/store/reference';
import type { WritableDb } from '../../../electron/core/store/types';
import { reduceOrder } from '../../../shared/features/orders/order-reducer';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { History, T0, TINY_REF, closedHistory, createdPayload, openTinyStore } from './fixtures';
import { seededRandom } from '../../../shared/kernel/seeded-random';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const fresh = (): WritableDb => openTinyStore(cleanups);

const TITLES = [
  '楼道堆物占用消防通道',
  '小区暖气不热',
  '噪音扰民',
  '卫生间漏水',
  '路灯不亮',
  '共享单车乱停放',
];

/** Varied histories: finished, open, returned, suspended, extended, and some refused events. */
function histories(n: number, seed: number): OrderEvent[][] {
  const r = seededRandom(seed);
  const out: OrderEvent[][] = [];
  for (let i = 0; i < n; i++) {
    const id = `o${String(i).padStart(4, '0')}`;
    const t = T0 + Math.floor(r() * 60) * 86_400_000 + i * 1000;
    const title = TITLES[i % TITLES.length] as string;
    const over = {
      title,
      urgency: (['P0', 'P1', 'P2', 'P3'] as const)[i % 4],
      communityCode: i % 3 === 0 ? '110105001002' : '110105001001',
      categoryCode: i % 2 ? '02.01' : '01.01.001',
      description: `第${i}号诉求：${title}`,
    };
    const kind = i % 6;
    if (kind === 0) {
      out.push(closedHistory(id, t, over));
      continue;
    }
    const h = new History(id, t);
    h.add('created', createdPayload(over), 0);
    if (kind === 1) {
      h.add('signed', { unitId: 'u-cg' }); // refused: not dispatched yet
      h.add('dispatched', { unitId: 'u-cg' });
    } else if (kind === 2) {
      h.add('dispatched', { unitId: 'u-wy' });
      h.add('return_requested', { unitId: 'u-wy', reason: '不属于物业职责' });
      h.add('return_decided', { approved: true, note: '' });
      h.add('dispatched', { unitId: 'u-cg' });
      h.add('signed', { unitId: 'u-cg' });
    } else if (kind === 3) {
      h.add('dispatched', { unitId: 'u-cg' });
      h.add('signed', { unitId: 'u-cg' });
      h.add('suspended', { reason: '需协调多部门' });
    } else if (kind === 4) {
      h.add('dispatched', { unitId: 'u-cg' });
      h.add('signed', { unitId: 'u-cg' });
      h.add('extension_requested', { days: 3, reason: '等待配件' });
      h.add('extension_decided', { approved: true, note: '' });
      h.add('replied', { result: '已修复' });
      h.add('verified', { passed: false, note: '仍有渗漏' });
      h.add('replied', { result: '已彻底修复' });
      h.add('closed', {});
      h.add('callback_recorded', { valid: true, contacted: true, solved: false, satisfaction: 'basic' });
    }
    out.push(h.events);
  }
  return out;
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function projectionRows(db: WritableDb): unknown[] {
  return db
    .prepare(
      'SELECT id, version, last_hlc, status, is_open, urgency, source, category_code, community_code, grid_code, unit_id, title, address, received_at, finish_deadline, json FROM work_order ORDER BY id',
    )
    .all();
}
const rollups = (db: WritableDb) =>
  db.prepare('SELECT month, metric, n FROM rollup WHERE n <> 0 ORDER BY month, metric').all();
const flags = (db: WritableDb) =>
  db.prepare('SELECT id, flag FROM order_event WHERE flag IS NOT NULL ORDER BY id').all();

describe('ingest', () => {
  it('is idempotent: a repeated event id is a no-op, and upstream/demo events skip the outbox', () => {
    const db = fresh();
    const evs = closedHistory('o1', T0);
    const first = ingestEvents(db, evs, { source: 'upstream', node: 'hall' });
    expect(first.inserted).toHaveLength(evs.length);
    const before = projectionRows(db);
    const again = ingestEvents(db, [...evs, ...evs], { source: 'upstream', node: 'hall' });
    expect(again.inserted).toHaveLength(0);
    expect(eventCount(db)).toBe(evs.length);
    expect(projectionRows(db)).toEqual(before);
    expect(outboxPending(db)).toBe(0);
    expect(monthCounters(db, '2026-03', T0).received).toBe(1);
    ingestEvents(db, closedHistory('o2', T0 + 5000), { source: 'demo', validate: false });
    expect(outboxPending(db)).toBe(0);
    ingestEvents(db, closedHistory('o3', T0 + 9000), { source: 'local' });
    expect(outboxPending(db)).toBe(7);
  });

  it('stores the first copy of an id repeated within one batch, across multi-row insert chunks', () => {
    // 30 orders x 7 events: the batch spans several 50-row insert statements and a remainder.
    const evs = Array.from({ length: 30 }, (_, i) => closedHistory(`o${i}`, T0 + i * 1000)).flat();
    const once = fresh();
    ingestEvents(once, evs, { source: 'upstream', node: 'hall' });
    const db = fresh();
    const res = ingestEvents(db, [...evs, ...evs.slice(0, 77)], { source: 'local' });
    expect(res.inserted.map((e) => e.id)).toEqual(evs.map((e) => e.id));
    expect(eventCount(db)).toBe(evs.length);
    expect(outboxPending(db)).toBe(evs.length);
    expect(projectionRows(db)).toEqual(projectionRows(once));
  });

  it('validates upstream events and writes nothing from a batch with one bad event', () => {
    const db = fresh();
    const evs = closedHistory('o1', T0);
    const bad = { ...evs[3], payload: { note: 5 } };
    expect(() => ingestEvents(db, [...evs.slice(0, 3), bad], { source: 'upstream' })).toThrow();
    expect(eventCount(db)).toBe(0);
    expect(getOrder(db, 'o1')).toBeNull();
  });

  it('merges received clocks so later local events sort after them', () => {
    const db = fresh();
    const future = Date.now() + 60_000;
    ingestEvents(db, closedHistory('o1', future), { source: 'upstream', node: 'hall' });
    const last = closedHistory('o1', future).at(-1) as OrderEvent;
    expect((getMeta(db, 'hlc') as string) > last.hlc.slice(0, 21)).toBe(true);
  });

  it('projects the same rows whatever the arrival order, equal to reduceOrder, with refused events flagged', () => {
    const all = histories(120, 7);
    const inOrder = fresh();
    for (const h of all) ingestEvents(inOrder, h, { source: 'upstream' });
    const r = seededRandom(99);
    const shuffled = fresh();
    const flat = shuffle(all.flat(), r);
    for (let i = 0; i < flat.length; i += 37)
      ingestEvents(shuffled, flat.slice(i, i + 37), { source: 'upstream' });

    expect(projectionRows(shuffled)).toEqual(projectionRows(inOrder));
    expect(rollups(shuffled)).toEqual(rollups(inOrder));
    expect(flags(shuffled)).toEqual(flags(inOrder));
    for (const h of all.slice(0, 20)) {
      const id = (h[0] as OrderEvent).orderId;
      expect(getOrder(inOrder, id)).toEqual(reduceOrder(orderEvents(inOrder, id)));
    }
    // kind 1: the early `signed` is refused, kept and flagged, never dropped.
    const o1 = getOrder(inOrder, 'o0001');
    expect(o1?.rejected.map((x) => x.eventId)).toEqual(['o0001-e2']);
    expect(flags(inOrder)).toContainEqual({ id: 'o0001-e2', flag: 'rejected' });
  });

  it('rebuildProjections re-derives work_order, search, flags and rollups row for row', () => {
    const db = fresh();
    for (const h of histories(150, 3)) ingestEvents(db, h, { source: 'upstream' });
    const rows = projectionRows(db);
    const rolls = rollups(db);
    const fl = flags(db);
    const search = db
      .prepare('SELECT rowid FROM order_search WHERE order_search MATCH \'"暖气 气不"\' ORDER BY rowid')
      .pluck()
      .all();
    const rowids = db.prepare('SELECT id, rowid FROM work_order ORDER BY id').all();
    // Wreck the projection first, so the rebuild has to do the work.
    db.exec(
      "UPDATE work_order SET status = 'closed', json = '{}'; DELETE FROM rollup; UPDATE order_event SET flag = NULL",
    );
    expect(rebuildProjections(db)).toBe(150);
    expect(projectionRows(db)).toEqual(rows);
    expect(rollups(db)).toEqual(rolls);
    expect(flags(db)).toEqual(fl);
    expect(db.prepare('SELECT id, rowid FROM work_order ORDER BY id').all()).toEqual(rowids);
    expect(
      db
        .prepare('SELECT rowid FROM order_search WHERE order_search MATCH \'"暖气 气不"\' ORDER BY rowid')
        .pluck()
        .all(),
    ).toEqual(search);
  });

  it('keeps month counters and call-back counts in the same transaction as the events', () => {
    const db = fresh();
    const all = histories(60, 11);
    for (const h of all) ingestEvents(db, h, { source: 'upstream' });
    const orders = all.map((h) => reduceOrder(h)).filter((o) => o !== null);
    const months = new Set(
      orders.map((o) => new Date(o.receivedAt + 8 * 3600_000).toISOString().slice(0, 7)),
    );
    let received = 0;
    let valid = 0;
    for (const m of months) {
      const c = monthCounters(db, m, T0);
      received += c.received;
      valid += c.callbacks.valid;
    }
    expect(received).toBe(orders.length);
    expect(valid).toBe(orders.filter((o) => o.callback?.valid).length);
    const closed = orders.filter((o) => o.status === 'closed').length;
    let closedCounted = 0;
    for (const m of months) closedCounted += monthCounters(db, m, T0).closed;
    expect(closedCounted).toBe(closed);
  });

  it('rolls back the whole batch when the projection fails', () => {
    const db = fresh();
    ingestEvents(db, closedHistory('o1', T0), { source: 'local' });
    const rollsBefore = rollups(db);
    const hlcBefore = getMeta(db, 'hlc');
    db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON work_order BEGIN SELECT RAISE(ABORT, 'boom'); END");
    expect(() => appendOrderEvents(db, closedHistory('o2', T0 + 1000), { source: 'local' })).toThrow('boom');
    expect(eventCount(db)).toBe(7);
    expect(outboxPending(db)).toBe(7);
    expect(rollups(db)).toEqual(rollsBefore);
    expect(getMeta(db, 'hlc')).toBe(hlcBefore);
    expect(
      db.prepare('SELECT count(*) FROM order_search WHERE order_search MATCH \'"噪音"\'').pluck().get(),
    ).toBe(1);
  });

  it('refuses, and does not take for a repeat, an event the table would skip (a column missing)', () => {
    // The events' INSERT skips repeats with OR IGNORE, which would skip a NOT NULL breach too.
    const db = fresh();
    const evs = closedHistory('o1', T0);
    const broken = { ...evs[1], actor: null } as unknown as OrderEvent;
    expect(() => appendOrderEvents(db, [evs[0] as OrderEvent, broken], { source: 'local' })).toThrow(
      `order_event refused event ${broken.id}`,
    );
    expect(eventCount(db)).toBe(0);
    expect(getOrder(db, 'o1')).toBeNull();
    // A true repeat is still a no-op.
    appendOrderEvents(db, evs, { source: 'local' });
    expect(appendOrderEvents(db, evs, { source: 'local' }).inserted).toHaveLength(0);
    expect(eventCount(db)).toBe(evs.length);
  });

  it('writes and reads reference data whole', () => {
    const db = fresh();
    expect(readReference(db)).toEqual(TINY_REF);
  });
});
