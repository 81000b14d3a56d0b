/**
 * How the import writes (features/import/history-writer.ts): while no other call is in flight on
 * the writer it keeps one transaction over many steps (a commit writes each touched page once);
 * as soon as another call is in flight it commits after the step it is in and waits for the call
 * to be answered. A second connection shows what was committed each time the writer looks.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryWriter } from '../../../electron/core/features/import/history-writer';
import { appendOrderEvents } from '../../../electron/core/store/event-log/events';
import { WalFolder } from '../../../electron/core/store/wal-folder';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { History, T0, createdPayload, openTinyStore } from '../store/fixtures';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 100 closed historical orders, as the import writes them (one `created` each). */
function ledger(from = 0): OrderEvent[] {
  return Array.from({ length: 100 }, (_, k) => {
    const i = from + k;
    const h = new History(`imp-${String(i).padStart(9, '0')}-0000000000000000`, T0 + i * 60_000);
    return h.add(
      'created',
      createdPayload({
        citizen: null,
        imported: { closedAt: T0 + i * 60_000 + 3_600_000, satisfaction: 'satisfied', unitName: '' },
      }),
      0,
    );
  });
}

/** Runs the writer over `ledger()`; records the committed order count each time it asks about other calls. */
async function run(inFlight: (asked: number) => number): Promise<{ added: number; seen: number[] }> {
  const db = openTinyStore({ push: (c) => cleanups.push(c) });
  const reader = new Database(db.name, { readonly: true });
  cleanups.push(() => {
    reader.close();
  });
  const committed = reader.prepare('SELECT count(*) FROM work_order').pluck();
  const seen: number[] = [];
  let warm = false;
  // A long limit: this test is about calls in flight, not about the clock.
  const writer = HistoryWriter.open(
    {
      db,
      now: () => T0,
      startWalFolder: () => WalFolder.start(db.name),
      callsInFlight: () => {
        if (!warm) return 1;
        seen.push((committed.get() as number) - 100);
        return inFlight(seen.length);
      },
    },
    10_000,
  );
  try {
    // A first ledger warms the statements and the cache (a cold first step can take 12 ms and more).
    await writer.write(ledger(1000), (e) => e);
    warm = true;
    const added = await writer.write(ledger(), (e) => e);
    return { added, seen };
  } finally {
    await writer.close();
  }
}

describe('the history writer', () => {
  it('keeps one transaction over many steps while it is the only call in flight', async () => {
    const { added, seen } = await run(() => 1);
    expect(added).toBe(100);
    // Asked between steps of 10 orders: nothing was committed while it went on, all at the end.
    expect(seen).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 100]);
  });

  it('a call that stays in flight (awaiting the network) slows it once, not at every step', async () => {
    const started = performance.now();
    const { added, seen } = await run(() => 2);
    expect(added).toBe(100);
    // The first transaction commits after one step and steps aside; after 50 ms the call counts as
    // settled, and the other 90 orders go in one transaction (committed: 0, then 10, then 100).
    expect(new Set(seen)).toEqual(new Set([0, 10, 100]));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('commits after the step it is in as soon as another call is in flight, and waits for it', async () => {
    // Another call is in flight whenever the writer asks inside a transaction, and is answered
    // by the time it steps aside (the second question after each commit).
    let inside = true;
    const { added, seen } = await run(() => {
      const n = inside ? 2 : 1;
      inside = !inside;
      return n;
    });
    expect(added).toBe(100);
    // Asked inside the transaction after its first step: what went before was committed (each
    // transaction held one step); asked when stepping aside: that step too. The last step ends
    // the ledger, so only the stepping aside asks after it.
    expect(seen).toEqual([0, 10, 10, 20, 20, 30, 30, 40, 40, 50, 50, 60, 60, 70, 70, 80, 80, 90, 100, 100]);
  });

  it('writes each transaction’s rollup counters once, equal to appending the orders one by one', async () => {
    const bulk = openTinyStore({ push: (c) => cleanups.push(c) });
    const writer = HistoryWriter.open(
      { db: bulk, now: () => T0, startWalFolder: () => WalFolder.start(bulk.name), callsInFlight: () => 1 },
      10_000,
    );
    try {
      expect(await writer.write([...ledger(), ...ledger(100)], (e) => e)).toBe(200);
    } finally {
      await writer.close();
    }
    const single = openTinyStore({ push: (c) => cleanups.push(c) });
    for (const e of [...ledger(), ...ledger(100)])
      appendOrderEvents(single, [e], { source: 'import', now: T0 });
    const counters = (db: typeof bulk) => ({
      rollup: db.prepare('SELECT month, metric, n FROM rollup ORDER BY month, metric').all(),
      days: db.prepare('SELECT day, category, community, n FROM analysis_day ORDER BY 1, 2, 3').all(),
    });
    const expected = counters(single);
    // 200 orders over 200 minutes: a few cells, each counted by many orders.
    expect(expected.rollup.length).toBeGreaterThan(0);
    expect(expected.days.length).toBeGreaterThan(0);
    expect(counters(bulk)).toEqual(expected);
  });
});
