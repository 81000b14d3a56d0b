/**
 * The dispatch desk's budgets (issue 13) on the bench store, through createCore (the app's shape:
 * the writer and the read pool in worker threads): opening an order's detail, the work queues'
 * counts, and a dispatch action's round trip (p95).
 */
import { createCore } from '../../electron/core/runtime/core';
import type { Table } from './table';

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

async function times(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(0);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchDesk(table: Table, dataDir: string, storeLabel: string): Promise<void> {
  const core = await createCore({ dataDir, host: 'test', demo: false });
  const officer = { role: 'officer' as const, actor: 'bench' };
  try {
    const recent = await core.call('orders.list', { limit: 100 }, officer);
    const ids = recent.rows.map((r) => r.id);
    const detail = await times(200, (i) =>
      core.call('orders.get', { orderId: ids[i % ids.length] ?? '' }, officer),
    );
    table.add({
      what: `open an order's detail (orders.get: order, events, timers, lock; p95 of 200), ${storeLabel} store`,
      value: `${pct(detail, 0.95).toFixed(2)} ms`,
      budget: '≤ 30 ms',
      pass: pct(detail, 0.95) <= 30,
      baseline: `median ${pct(detail, 0.5).toFixed(2)} ms`,
      ratio: pct(detail, 0.95) / pct(detail, 0.5),
    });
    const queues = await times(100, () => core.call('orders.queues', {}, officer));
    const counts = (await core.call('orders.queues', {}, officer)).counts;
    const waiting = Object.values(counts).reduce((a, b) => a + b, 0);
    table.add({
      what: `the work queues' counts (9 queues, ${waiting.toLocaleString()} orders waiting; p95 of 100), ${storeLabel} store`,
      value: `${pct(queues, 0.95).toFixed(2)} ms`,
      budget: '≤ 20 ms',
      pass: pct(queues, 0.95) <= 20,
      baseline: `median ${pct(queues, 0.5).toFixed(2)} ms`,
      ratio: pct(queues, 0.95) / pct(queues, 0.5),
    });
    // Orders a 催办 applies to: waiting to be signed for first, then any running one (a smaller
    // store may have none waiting).
    const targets: string[] = [];
    for (const queue of ['to_sign', 'due_soon', 'overdue'] as const) {
      const open = await core.call('orders.list', { queue, limit: 100 }, officer);
      for (const r of open.rows) if (targets.length < 100 && !targets.includes(r.id)) targets.push(r.id);
    }
    if (targets.length === 0) throw new Error('desk bench: no running order to act on');
    const versions = new Map<string, number>();
    for (const id of targets)
      versions.set(id, (await core.call('orders.get', { orderId: id }, officer)).order.version);
    const act = await times(150, async (i) => {
      const id = targets[i % targets.length] ?? '';
      const d = await core.call(
        'orders.act',
        {
          orderId: id,
          expectedVersion: versions.get(id) ?? 0,
          action: { type: 'urged', payload: { level: 'remind' } },
        },
        officer,
      );
      versions.set(id, d.order.version);
    });
    table.add({
      what: `a dispatch action's round trip (orders.act 催办 with the detail it answers; p95 of 150), ${storeLabel} store`,
      value: `${pct(act, 0.95).toFixed(2)} ms`,
      budget: '≤ 30 ms',
      pass: pct(act, 0.95) <= 30,
      baseline: `median ${pct(act, 0.5).toFixed(2)} ms`,
      ratio: pct(act, 0.95) / pct(act, 0.5),
    });
  } finally {
    await core.close();
  }
}
