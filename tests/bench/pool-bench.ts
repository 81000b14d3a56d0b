/**
 * The read pool (issue 10): a dispatch action's round trip (orders.act, p95) while a full-year
 * category × community × month cube runs in a loop on the read pool, against orders.act alone, on
 * the same store, through createCore (the writer and the readers in their worker threads).
 */
import { createCore } from '../../electron/core/runtime/core';
import { chinaMonth } from '../../shared/kernel/china-time';
import type { Table } from './table';

const ACTS = 150;

function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
}

export async function benchReadPool(
  table: Table,
  dataDir: string,
  storeLabel: string,
  anchor: number,
): Promise<void> {
  const core = await createCore({ dataDir, host: 'test', demo: false });
  const officer = { role: 'officer' as const, actor: 'bench' };
  try {
    const open = await core.call('orders.list', { status: ['in_progress'], limit: 100 }, officer);
    const ids = open.rows.map((r) => r.id);
    if (ids.length === 0) throw new Error('no in-progress orders to act on');
    const versions = new Map<string, number>();
    for (const id of ids)
      versions.set(id, (await core.call('orders.get', { orderId: id }, officer)).order.version);
    let next = 0;
    /** One 催办 on the next order: a write transaction, an event, the outbox, the projection. */
    const actOnce = async (): Promise<number> => {
      const id = ids[next++ % ids.length] as string;
      const t = performance.now();
      const d = await core.call(
        'orders.act',
        {
          orderId: id,
          expectedVersion: versions.get(id) ?? 0,
          action: { type: 'urged', payload: { level: 'remind' } },
        },
        officer,
      );
      const ms = performance.now() - t;
      versions.set(id, d.order.version);
      return ms;
    };
    const acts = async (): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < ACTS; i++) {
        out.push(await actOnce());
        // A duty officer's pace is not a tight loop: give the other workers their turn too.
        await new Promise((r) => setTimeout(r, 5));
      }
      return out;
    };
    for (let i = 0; i < 20; i++) await actOnce(); // warm-up
    const alone = p95(await acts());

    const to = chinaMonth(anchor);
    const from = chinaMonth(anchor - 330 * 86_400_000);
    let running = true;
    let cubes = 0;
    let cubeMs = 0;
    const loop = (async () => {
      while (running) {
        const t = performance.now();
        await core.call('stats.cube', { from, to, level: 2 }, officer);
        cubeMs += performance.now() - t;
        cubes++;
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    const busy = p95(await acts());
    running = false;
    await loop;
    table.add({
      what: `orders.act round trip p95 while a full-year category × community × month cube (${from}…${to}) runs in a loop on the read pool (${cubes} cubes, ${(cubeMs / Math.max(1, cubes)).toFixed(0)} ms each), ${storeLabel} store`,
      value: `${busy.toFixed(2)} ms`,
      budget: '≤ 1.5× alone; ≤ 30 ms',
      pass: busy <= 1.5 * alone && busy <= 30,
      baseline: `orders.act alone p95 ${alone.toFixed(2)} ms`,
      ratio: busy / alone,
    });
  } finally {
    await core.close();
  }
}
