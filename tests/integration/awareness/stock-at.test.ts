/**
 * Yesterday's stocks (处置中 / 超期 / 预警 at a past moment) from the event log, on a real SQLite
 * file: orders that changed since are folded from their events up to then, the others are
 * counted from the projection. Checked against folding every order from scratch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inProgressCount } from '../../../electron/core/features/awareness/queries';
import { overdueCount } from '../../../electron/core/features/orders/queries-queues';
import { stockAt } from '../../../electron/core/features/awareness/stock-at';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { readSlaPolicy } from '../../../electron/core/store/reference';
import { isOpen } from '../../../electron/core/store/event-log/projection';
import type { WritableDb } from '../../../electron/core/store/types';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { reduceOrder } from '../../../shared/features/orders/order-reducer';
import { chinaCalendar } from '../../../shared/kernel/calendar';
import { finishDeadline } from '../../../shared/features/orders/sla-clock';
import { History, T0, createdPayload, openTinyStore } from '../store/fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const open = (): WritableDb => openTinyStore(cleanups);

/** The oracle: every order folded from its events up to `at`, counted like the wall. */
function foldedStock(events: readonly OrderEvent[], at: number, db: WritableDb) {
  const policy = readSlaPolicy(db);
  const byOrder = new Map<string, OrderEvent[]>();
  for (const e of events) if (e.at <= at) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
  let inProgress = 0;
  let overdue = 0;
  let warning = 0;
  for (const list of byOrder.values()) {
    const o = reduceOrder(list);
    if (!o || !isOpen(o)) continue;
    if (['dispatched', 'in_progress', 'return_requested'].includes(o.status)) inProgress++;
    // 超期 and 预警 only while the finish timer runs: a replied order is not overdue (queues.ts).
    if (o.status === 'replied') continue;
    const d = finishDeadline(o, policy, chinaCalendar);
    if (d === null) continue;
    if (d < at) overdue++;
    else if (at - o.receivedAt >= 0.5 * (d - o.receivedAt)) warning++;
  }
  return { inProgress, overdue, warning };
}

describe('stockAt: the wall counters as they stood yesterday at this time', () => {
  it('counts orders as they were then, not as they are now', () => {
    const db = open();
    const then = T0 + HOUR;
    const events: OrderEvent[] = [];
    // Dispatched before `then`, untouched since: in progress then and now.
    const a = new History('o-a', T0);
    a.add('created', createdPayload(), 0);
    a.add('dispatched', { unitId: 'u-cg' });
    // Dispatched before `then`, replied and closed after it: in progress then, closed now.
    const b = new History('o-b', T0);
    b.add('created', createdPayload(), 0);
    b.add('dispatched', { unitId: 'u-cg' });
    b.add('signed', { unitId: 'u-cg' }, 2 * HOUR);
    b.add('replied', { result: '已处理' });
    b.add('closed', {});
    // Received after `then`: did not exist then.
    const c = new History('o-c', then + HOUR);
    c.add('created', createdPayload(), 0);
    c.add('dispatched', { unitId: 'u-cg' });
    // Received a month before, still open: overdue then and now.
    const d = new History('o-d', T0 - 30 * DAY);
    d.add('created', createdPayload(), 0);
    // Received a month before, closed after `then`: overdue then, gone now.
    const e = new History('o-e', T0 - 30 * DAY);
    e.add('created', createdPayload(), 0);
    e.add('dispatched', { unitId: 'u-cg' });
    e.add('signed', { unitId: 'u-cg' }, 30 * DAY + 2 * HOUR);
    e.add('replied', { result: '已处理' });
    e.add('closed', {});
    // Received just before `then`: early in its timer.
    const f = new History('o-f', then - 10 * 60_000);
    f.add('created', createdPayload({ urgency: 'P1' }), 0);
    for (const h of [a, b, c, d, e, f]) events.push(...h.events);
    ingestEvents(db, events, { source: 'upstream', node: 'hall' });

    const stock = stockAt(db, then);
    expect(stock.inProgress).toBe(3); // a, b, e
    expect(stock.overdue).toBe(2); // d, e
    expect(stock).toEqual(foldedStock(events, then, db));
    // Now the same orders count differently: b and e are closed, c is in progress.
    expect(inProgressCount(db)).toBe(2); // a, c
    expect(overdueCount(db, then)).toBe(1); // d
  });

  it('matches folding every order from scratch on a random history', () => {
    const db = open();
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const events: OrderEvent[] = [];
    for (let i = 0; i < 300; i++) {
      const h = new History(`o-${i}`, T0 - Math.floor(rnd() * 20 * DAY));
      h.add('created', createdPayload({ urgency: rnd() < 0.2 ? 'P1' : 'P2' }), 0);
      if (rnd() < 0.7) h.add('dispatched', { unitId: 'u-cg' }, Math.floor(rnd() * 3 * DAY));
      if (rnd() < 0.6 && h.events.length > 1) {
        h.add('signed', { unitId: 'u-cg' }, Math.floor(rnd() * 2 * DAY));
        if (rnd() < 0.5) {
          h.add('replied', { result: '已处理' }, Math.floor(rnd() * 3 * DAY));
          h.add('closed', {}, Math.floor(rnd() * DAY));
        }
      }
      events.push(...h.events);
    }
    ingestEvents(db, events, { source: 'upstream', node: 'hall' });
    const seen = { inProgress: 0, overdue: 0, warning: 0 };
    for (const at of [T0 - 10 * DAY, T0 - 3 * DAY, T0 - 4 * HOUR, T0, T0 + 2 * DAY]) {
      const want = foldedStock(events, at, db);
      expect(stockAt(db, at), new Date(at).toISOString()).toEqual(want);
      for (const k of ['inProgress', 'overdue', 'warning'] as const) seen[k] = Math.max(seen[k], want[k]);
    }
    // The history exercises every counter.
    expect(seen.inProgress).toBeGreaterThan(0);
    expect(seen.overdue).toBeGreaterThan(0);
    expect(seen.warning).toBeGreaterThan(0);
  });
});
