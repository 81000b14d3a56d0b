/**
 * The desk's work queues: the SQL counts and lists agree with the pure predicates of
 * shared/features/orders/queues.ts on a seeded history, at several instants; 超期 is one number
 * on every screen (the wall, the month counters, the queue).
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { dbPath } from '../../../electron/core/store/db';
import {
  decodeOrder,
  ORDER_ROW_COLS,
  type OrderRow,
} from '../../../electron/core/store/event-log/order-codec';
import { QUEUES, queuesOf, type QueueId } from '../../../shared/features/orders/queues';
import { chinaMonth } from '../../../shared/kernel/china-time';
import { tempDir } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ANCHOR = Date.UTC(2026, 10, 20, 4, 0, 0);
const officer = { role: 'officer', actor: 'duty-1' } as const;

async function demoCore(now: () => number): Promise<{ core: Core; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const core = await createInProcessCore({
    dataDir: t.dir,
    host: 'test',
    demo: { days: 45, anchor: ANCHOR },
    now,
  });
  cleanups.push(() => core.close());
  return { core, dir: t.dir };
}

/** Every order's queues by the pure predicates, from the stored projection. */
function expected(dir: string, now: number): Map<QueueId, string[]> {
  const db = new Database(dbPath(dir), { readonly: true });
  const rows = db.prepare(`SELECT ${ORDER_ROW_COLS}, finish_deadline FROM work_order`).all() as Array<
    OrderRow & { finish_deadline: number | null }
  >;
  db.close();
  const out = new Map<QueueId, string[]>(QUEUES.map((q) => [q, []]));
  for (const r of rows) {
    const o = decodeOrder(r);
    for (const q of queuesOf(o, r.finish_deadline, now)) out.get(q)?.push(o.id);
  }
  return out;
}

describe('work queues', () => {
  it('counts and lists what the predicates say, at several instants', async () => {
    let now = ANCHOR;
    const { core, dir } = await demoCore(() => now);
    let nonEmpty = 0;
    for (const at of [ANCHOR, ANCHOR + 6 * 3_600_000, ANCHOR + 5 * 86_400_000]) {
      now = at;
      const want = expected(dir, at);
      const { counts } = await core.call('orders.queues', {}, officer);
      for (const q of QUEUES) {
        const ids = want.get(q) ?? [];
        expect(counts[q], `${q} at ${new Date(at).toISOString()}`).toBe(ids.length);
        if (ids.length > 0) nonEmpty++;
        // The list of the queue, paged 7 at a time, has exactly its orders.
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof core.call<'orders.list'>>> = await core.call(
            'orders.list',
            { queue: q, limit: 7, cursor },
            officer,
          );
          expect(page.total).toBe(Math.min(ids.length, 10_000));
          seen.push(...page.rows.map((r) => r.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.sort()).toEqual([...ids].sort());
      }
    }
    // The seeded street has work in most queues (else this test would prove little).
    expect(nonEmpty).toBeGreaterThan(12);
  });

  it('lists 超期 most late first and 待派单 most urgent first', async () => {
    const now = ANCHOR + 3_600_000;
    const { core } = await demoCore(() => now);
    const overdue = await core.call('orders.list', { queue: 'overdue', limit: 50 }, officer);
    const deadlines = overdue.rows.map((r) => r.finishDeadline ?? 0);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    const toDispatch = await core.call('orders.list', { queue: 'to_dispatch', limit: 50 }, officer);
    const urg = toDispatch.rows.map((r) => r.urgency);
    expect(urg).toEqual([...urg].sort());
  });

  it('shows one 超期 on every screen: the wall, the month counters and the queue', async () => {
    // Five days on, the street's open orders have run past their deadlines.
    const now = ANCHOR + 5 * 86_400_000;
    const { core, dir } = await demoCore(() => now);
    const want = expected(dir, now).get('overdue')?.length ?? -1;
    expect(want).toBeGreaterThan(0);
    const wall = await core.call('awareness.today', {}, officer);
    const month = await core.call('stats.month', { month: chinaMonth(now) }, officer);
    const queues = await core.call('orders.queues', {}, officer);
    expect(wall.overdue.today).toBe(want);
    expect(month.overdue).toBe(want);
    expect(queues.counts.overdue).toBe(want);
  });

  it('refuses a cursor of the other kind', async () => {
    const { core } = await demoCore(() => ANCHOR);
    const page = await core.call('orders.list', { limit: 5 }, officer);
    await expect(
      core.call('orders.list', { queue: 'overdue', cursor: page.nextCursor }, officer),
    ).rejects.toMatchObject({
      reason: 'bad_cursor',
    });
  });
});
