/**
 * A demo store of about `orders` orders over the year before `now` (seeded: the same store every
 * run), written with the demo ingest in batches of 5,000 events — for a bench run on its own,
 * without run.ts's 1 M store. Answers how many orders it holds.
 */
import { generateOrderEvents } from '../../electron/core/features/demo/generator/orders';
import { generateReference } from '../../electron/core/features/demo/generator/reference';
import { openDb } from '../../electron/core/store/db';
import { ingestEvents } from '../../electron/core/store/event-log/events';
import { setDemo } from '../../electron/core/store/meta';
import { writeReference } from '../../electron/core/store/reference';
import type { OrderEvent } from '../../shared/features/orders/order-events';

export function buildDemoStore(dir: string, orders: number, now: number): number {
  const ref = generateReference(1);
  // The generator's volume at scale 1, to scale it to the orders asked for.
  let probe = 0;
  for (const _ of generateOrderEvents(ref, { seed: 1, days: 365, anchor: now, node: 'up' })) probe++;
  const scale = (orders / probe) * 1.05;
  const db = openDb(dir);
  try {
    writeReference(db, ref);
    setDemo(db, true);
    let n = 0;
    let batch: OrderEvent[] = [];
    for (const evs of generateOrderEvents(ref, {
      seed: 1,
      days: 365,
      anchor: now,
      node: 'up',
      ordersPerDayScale: scale,
    })) {
      batch.push(...evs);
      if (++n >= orders) break;
      if (batch.length >= 5_000) {
        ingestEvents(db, batch, { source: 'demo', node: 'hall', now, validate: false });
        batch = [];
      }
    }
    ingestEvents(db, batch, { source: 'demo', node: 'hall', now, validate: false });
    return n;
  } finally {
    db.close();
  }
}
