import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrderEvents } from '../../../../../../../electron/core/features/demo/generator/orders';
import { generateReference } from '../../../../../../../electron/core/features/demo/generator/reference';
import { pointInPolygon } from '../../../../../../../electron/core/features/demo/generator/geometry';
import { compareEvents } from '../../../../../../../shared/kernel/hlc';
import type { OrderEvent, OrderEventOf } from '../../../../../../../shared/features/orders/order-events';
import { OrderEventSchema } from '../../../../../../../shared/features/orders/order-events';
import { reduceOrder } from '../../../../../../../shared/features/orders/order-reducer';

const ref = generateReference(1);
// History ends 2026-01-15 12:00 Beijing time: one year covers a whole heating-season start.
const ANCHOR = Date.UTC(2026, 0, 15, 4, 0);
const DAY = 86_400_000;
const opts = { seed: 1, days: 365, anchor: ANCHOR, node: 'hall' } as const;
const local = (t: number) => new Date(t + 8 * 3_600_000);

let orders: OrderEvent[][] = [];
let created: OrderEventOf<'created'>[] = [];
beforeAll(() => {
  orders = [...generateOrderEvents(ref, opts)];
  created = orders.map((evs) => evs[0] as OrderEventOf<'created'>);
});

const share = (n: number, d: number) => n / Math.max(1, d);

describe('generateOrderEvents: determinism and identity', () => {
  it('same seed → same events; different seed → different', () => {
    const take = (seed: number) => {
      const out: OrderEvent[][] = [];
      for (const evs of generateOrderEvents(ref, { ...opts, seed, days: 20 })) out.push(evs);
      return out;
    };
    const a = take(1);
    expect(take(1)).toEqual(a);
    expect(take(2)).not.toEqual(a);
    // A day's orders do not depend on the window: the last 20 days match the year's tail.
    const tail = orders.filter((o) => (o[0] as OrderEvent).at >= ANCHOR - 20 * DAY);
    expect(a).toEqual(tail);
  });

  it('ids and HLCs are unique, events validate, orders come by receivedAt', () => {
    const ids = new Set<string>();
    const hlcs = new Set<string>();
    const orderIds = new Set<string>();
    let last = 0;
    const problems: string[] = []; // collected, then asserted once: expect() per event is slow
    for (const evs of orders) {
      const first = evs[0] as OrderEvent;
      if (first.type !== 'created') problems.push(`${first.orderId}: first event ${first.type}`);
      if (first.at < last) problems.push(`${first.orderId}: out of receivedAt order`);
      last = first.at;
      orderIds.add(first.orderId);
      for (let i = 0; i < evs.length; i++) {
        const e = evs[i] as OrderEvent;
        ids.add(e.id);
        hlcs.add(e.hlc);
        if (e.orderId !== first.orderId) problems.push(`${e.id}: orderId`);
        if (e.at > ANCHOR) problems.push(`${e.id}: after anchor`);
        if (i > 0 && compareEvents(evs[i - 1] as OrderEvent, e) >= 0)
          problems.push(`${e.id}: not after its predecessor`);
      }
    }
    expect(problems).toEqual([]);
    const total = orders.reduce((a, o) => a + o.length, 0);
    expect(ids.size).toBe(total);
    expect(hlcs.size).toBe(total);
    expect(orderIds.size).toBe(orders.length);
    // Full schema validation on a sample (every 7th order) keeps the test fast.
    const invalid: string[] = [];
    for (let i = 0; i < orders.length; i += 7)
      for (const e of orders[i] as OrderEvent[])
        if (!OrderEventSchema.safeParse(e).success) invalid.push(e.id);
    expect(invalid).toEqual([]);
  });
});

describe('generateOrderEvents: lifecycle', () => {
  it('every order reduces without a rejected event, with a plausible status mix', () => {
    const statuses: Record<string, number> = {};
    let overdueOpen = 0;
    for (const evs of orders) {
      const o = reduceOrder(evs);
      expect(o).not.toBeNull();
      if (!o) continue;
      expect(o.rejected, `${o.id}: ${JSON.stringify(o.rejected)}`).toEqual([]);
      statuses[o.status] = (statuses[o.status] ?? 0) + 1;
      if (
        o.upstreamDeadline !== null &&
        o.upstreamDeadline < ANCHOR &&
        ['dispatched', 'in_progress'].includes(o.status)
      )
        overdueOpen++;
    }
    const n = orders.length;
    expect(share(statuses.closed ?? 0, n)).toBeGreaterThan(0.95);
    const open =
      (statuses.received ?? 0) +
      (statuses.dispatched ?? 0) +
      (statuses.in_progress ?? 0) +
      (statuses.replied ?? 0);
    expect(open).toBeGreaterThan(20); // orders near the anchor are still open
    expect(open).toBeLessThan(300);
    expect(statuses.merged ?? 0).toBeGreaterThan(20);
    expect(statuses.suspended ?? 0).toBeGreaterThan(0);
    expect(overdueOpen).toBeGreaterThan(0);
    expect(overdueOpen).toBeLessThan(40);
  });
});

describe('generateOrderEvents: calibration (DATA.md)', () => {
  const hotline = () => created.filter((c) => c.payload.source === 'hotline');

  it('daily volumes: hotline ≈15/day, grid 10–30, IoT 1–5', () => {
    expect(hotline().length / 365).toBeGreaterThan(13);
    expect(hotline().length / 365).toBeLessThan(19);
    const grid = created.filter((c) => c.payload.source === 'grid').length / 365;
    expect(grid).toBeGreaterThan(12);
    expect(grid).toBeLessThan(25);
    const iot = created.filter((c) => c.payload.source === 'iot').length / 365;
    expect(iot).toBeGreaterThan(1.5);
    expect(iot).toBeLessThan(5);
  });

  it('weekday pattern: Monday highest, weekend ≈ 0.66 × weekday', () => {
    const byDow = new Array<number>(7).fill(0);
    for (const c of hotline()) byDow[local(c.at).getUTCDay()] = (byDow[local(c.at).getUTCDay()] ?? 0) + 1;
    const weekday = (byDow[1]! + byDow[2]! + byDow[3]! + byDow[4]! + byDow[5]!) / 5;
    const weekend = (byDow[0]! + byDow[6]!) / 2;
    expect(weekend / weekday).toBeGreaterThan(0.58);
    expect(weekend / weekday).toBeLessThan(0.74);
    expect(byDow[1]).toBe(Math.max(...byDow));
  });

  it('hour of day: peaks at 10 and 15 h, night ≈6 %, evening ≈5 %/h; grid patrols in shifts', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const c of hotline())
      byHour[local(c.at).getUTCHours()] = (byHour[local(c.at).getUTCHours()] ?? 0) + 1;
    const n = hotline().length;
    expect(byHour[10]).toBeGreaterThan(byHour[12]! * 1.4);
    expect(byHour[15]).toBeGreaterThan(byHour[12]! * 1.4);
    expect(byHour[10]).toBeGreaterThan(byHour[20]!);
    const night = byHour.slice(0, 6).reduce((a, b) => a + b, 0) / n;
    expect(night).toBeGreaterThan(0.04);
    expect(night).toBeLessThan(0.09);
    for (const h of [20, 21]) {
      expect(byHour[h]! / n).toBeGreaterThan(0.035);
      expect(byHour[h]! / n).toBeLessThan(0.065);
    }
    for (const c of created.filter((x) => x.payload.source === 'grid')) {
      const d = local(c.at);
      const h = d.getUTCHours() + d.getUTCMinutes() / 60;
      expect((h >= 8 && h < 11.5) || (h >= 14 && h < 20)).toBe(true);
    }
  });

  it('heating appeals spike after 15 Nov and fall after two weeks', () => {
    const heatingCodes = new Set(ref.categories.filter((c) => c.parentCode === '04.01').map((c) => c.code));
    const perDay = (from: number, to: number) =>
      created.filter((c) => heatingCodes.has(c.payload.categoryCode) && c.at >= from && c.at < to).length /
      ((to - from) / DAY);
    const d = (m: number, day: number, y = 2025) => Date.UTC(y, m - 1, day) - 8 * 3_600_000;
    const start = perDay(d(11, 15), d(11, 22));
    const late = perDay(d(12, 20), d(1, 10, 2026));
    const summer = perDay(d(6, 1), d(9, 1));
    expect(start).toBeGreaterThan(late * 3);
    expect(late).toBeGreaterThan(summer * 3);
  });

  it('category mix: housing/property management leads; appeal types match 47/30/15/5', () => {
    const n = hotline().length;
    const byMajor = new Map<string, number>();
    for (const c of hotline())
      byMajor.set(
        c.payload.categoryCode.slice(0, 2),
        (byMajor.get(c.payload.categoryCode.slice(0, 2)) ?? 0) + 1,
      );
    const sorted = [...byMajor].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]?.[0]).toBe('01'); // 住房管理
    expect(share(sorted[0]?.[1] ?? 0, n)).toBeGreaterThan(0.18);
    const types: Record<string, number> = {};
    for (const c of hotline()) types[c.payload.appealType] = (types[c.payload.appealType] ?? 0) + 1;
    expect(share(types.consult ?? 0, n)).toBeCloseTo(0.47 / 0.97, 1);
    expect(Math.abs(share(types.help ?? 0, n) - 0.31)).toBeLessThan(0.04);
    expect(Math.abs(share(types.suggestion ?? 0, n) - 0.155)).toBeLessThan(0.03);
    expect(Math.abs(share((types.complaint ?? 0) + (types.report ?? 0), n) - 0.052)).toBeLessThan(0.02);
    const urg: Record<string, number> = {};
    for (const c of created) urg[c.payload.urgency] = (urg[c.payload.urgency] ?? 0) + 1;
    expect(share(urg.P2 ?? 0, created.length)).toBeGreaterThan(0.55);
    expect(share(urg.P0 ?? 0, created.length)).toBeLessThan(0.03);
    expect(urg.P1 ?? 0).toBeGreaterThan(0);
    expect(urg.P3 ?? 0).toBeGreaterThan(0);
  });

  it('outcomes: returns 5 % (40 % approved), extensions, rework 3 %, call-back shares', () => {
    const dispatched = orders.filter((o) => o.some((e) => e.type === 'dispatched'));
    const returns = dispatched.filter((o) => o.some((e) => e.type === 'return_requested'));
    expect(Math.abs(share(returns.length, dispatched.length) - 0.05)).toBeLessThan(0.012);
    const approved = returns.filter((o) => o.some((e) => e.type === 'return_decided' && e.payload.approved));
    expect(Math.abs(share(approved.length, returns.length) - 0.4)).toBeLessThan(0.1);
    const extendable = dispatched.filter((o) =>
      ['P2', 'P3'].includes((o[0] as OrderEventOf<'created'>).payload.urgency),
    );
    const ext = extendable.filter((o) => o.some((e) => e.type === 'extension_requested'));
    expect(Math.abs(share(ext.length, extendable.length) - 0.06)).toBeLessThan(0.015);
    const replied = orders.filter((o) => o.some((e) => e.type === 'replied'));
    const rework = replied.filter((o) => o.some((e) => e.type === 'verified' && !e.payload.passed));
    expect(Math.abs(share(rework.length, replied.length) - 0.03)).toBeLessThan(0.01);
    const cbs = orders.flatMap((o) =>
      o.filter((e): e is OrderEventOf<'callback_recorded'> => e.type === 'callback_recorded'),
    );
    const valid = cbs.filter((c) => c.payload.valid);
    expect(Math.abs(share(valid.length, cbs.length) - 0.7)).toBeLessThan(0.03);
    const v = (f: (c: OrderEventOf<'callback_recorded'>) => boolean) =>
      share(valid.filter(f).length, valid.length);
    expect(Math.abs(v((c) => c.payload.contacted) - 0.98)).toBeLessThan(0.015);
    expect(Math.abs(v((c) => c.payload.solved) - 0.92)).toBeLessThan(0.02);
    expect(Math.abs(v((c) => c.payload.satisfaction === 'satisfied') - 0.7)).toBeLessThan(0.035);
    expect(Math.abs(v((c) => c.payload.satisfaction === 'basic') - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(v((c) => c.payload.satisfaction === 'unsatisfied') - 0.1)).toBeLessThan(0.025);
  });

  it('durations: grid cases in hours, consultations faster than other hotline orders', () => {
    const replyHours = (o: OrderEvent[]) => {
      const r = o.find((e) => e.type === 'replied');
      return r ? (r.at - (o[0] as OrderEvent).at) / 3_600_000 : null;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const of = (pred: (c: OrderEventOf<'created'>) => boolean) =>
      orders
        .filter((o) => pred(o[0] as OrderEventOf<'created'>))
        .map(replyHours)
        .filter((x): x is number => x !== null);
    const grid = median(of((c) => c.payload.source === 'grid'));
    const consult = median(of((c) => c.payload.source === 'hotline' && c.payload.appealType === 'consult'));
    const other = median(of((c) => c.payload.source === 'hotline' && c.payload.appealType !== 'consult'));
    expect(grid).toBeLessThan(8);
    expect(consult).toBeLessThan(other);
    expect(other).toBeLessThan(7 * 24);
  });
});

describe('generateOrderEvents: places', () => {
  it('every order lies inside its grid, in the right community, with a road address', () => {
    const grids = new Map(ref.grids.map((g) => [g.code, g]));
    const roads = ref.roads.map((r) => r.name);
    for (const c of created) {
      const g = grids.get(c.payload.gridCode ?? '');
      expect(g).toBeDefined();
      expect(g?.communityCode).toBe(c.payload.communityCode);
      expect(pointInPolygon([c.payload.lng ?? NaN, c.payload.lat ?? NaN], g?.boundary ?? [])).toBe(true);
      expect(roads.some((r) => c.payload.address.startsWith(r))).toBe(true);
      expect(c.payload.address).toMatch(/\d+号/);
    }
  });

  it('hotline orders carry upstream id, deadline and a synthetic citizen', () => {
    for (const c of created.filter((x) => x.payload.source === 'hotline')) {
      expect(c.payload.upstreamId).toMatch(/^12345-\d{14}$/);
      expect(c.payload.upstreamDeadline).toBeGreaterThan(c.at);
      expect(c.payload.citizen?.phone).toMatch(/^13[78]0000\d{4}$/);
    }
  });
});
