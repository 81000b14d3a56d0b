import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../electron/core/store/db';
import { isDemo } from '../../../electron/core/store/meta';
import { eventCount, orderCount } from '../../../electron/core/store/event-log/events';
import { outboxPending } from '../../../electron/core/store/event-log/outbox';
import { readReference } from '../../../electron/core/store/reference';
import { seedDemoIfEmpty, type DemoGenerator } from '../../../electron/core/features/demo/seed';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { T0, TINY_REF, closedHistory, tempDir } from '../store/fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tinyGenerator(n: number, failAt = -1): DemoGenerator {
  return {
    generateReference: () => TINY_REF,
    *generateOrderEvents(): Iterable<OrderEvent[]> {
      for (let i = 0; i < n; i++) {
        if (i === failAt) throw new Error('generator broke');
        yield closedHistory(`d${i}`, T0 + i * 60_000);
      }
    },
  };
}

describe('demo seeding', () => {
  it('seeds an empty store once: reference, orders, demo flag, no outbox', () => {
    const t = tempDir();
    const db = openDb(t.dir);
    cleanups.push(() => {
      db.close();
      t.cleanup();
    });
    const res = seedDemoIfEmpty(db, tinyGenerator(1200), { node: 'hall', now: T0 + 86_400_000 });
    expect(res).toMatchObject({ seeded: true, orders: 1200, events: 8400 });
    expect(orderCount(db)).toBe(1200);
    expect(eventCount(db)).toBe(8400);
    expect(outboxPending(db)).toBe(0);
    expect(isDemo(db)).toBe(true);
    expect(readReference(db)).toEqual(TINY_REF);
    expect(seedDemoIfEmpty(db, tinyGenerator(5), { node: 'hall', now: T0 }).seeded).toBe(false);
    expect(orderCount(db)).toBe(1200);
  });

  it('leaves an empty store (not half a street) when seeding fails midway', () => {
    const t = tempDir();
    const db = openDb(t.dir);
    cleanups.push(() => {
      db.close();
      t.cleanup();
    });
    expect(() => seedDemoIfEmpty(db, tinyGenerator(1200, 900), { node: 'hall', now: T0 })).toThrow(
      'generator broke',
    );
    expect(eventCount(db)).toBe(0);
    expect(orderCount(db)).toBe(0);
    expect(isDemo(db)).toBe(false);
    expect(readReference(db)).toBeNull();
  });
});
