/**
 * The hub's feed compaction of positions (docs/SYNC.md): a 300-person stream, one report each
 * every 30 s, relayed for 25 hours between the feed's events — then the first compaction (a day
 * of stream), and the steady run the hub makes every 10 minutes. Run alone:
 * `mkdir -p /tmp/x && cd /tmp/x && BENCH_ONLY=hub tsx <repo>/tests/bench/run.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { compactPositionItems } from '../../electron/core/features/sync';
import { appendPositionsItem, appendRawFeedItem } from '../../electron/core/features/sync/queries-hub';
import { openDb } from '../../electron/core/store/db';
import type { WritableDb } from '../../electron/core/store/types';
import type { Table } from './table';

const PEOPLE = 300;
const SLOT_MS = 30_000;
const EVENTS_PER_SLOT = 5;

function stream(db: WritableDb, from: number, to: number): number {
  let items = 0;
  db.transaction(() => {
    for (let t = from; t < to; t += SLOT_MS) {
      const reports = [];
      for (let p = 0; p < PEOPLE; p++)
        reports.push({ personId: `p${p}`, lng: 116.46 + p * 1e-5, lat: 39.9, accuracy: 10, at: t });
      appendPositionsItem(db, reports, 'hub');
      items++;
      for (let e = 0; e < EVENTS_PER_SLOT; e++)
        appendRawFeedItem(
          db,
          'event',
          JSON.stringify({ id: `e-${t}-${e}`, type: 'progressed', at: t }),
          'hallA',
        );
    }
  })();
  return items;
}

function feedCount(db: WritableDb, kind: string): number {
  return (db.prepare('SELECT count(*) FROM hub_feed WHERE kind = ?').pluck().get(kind) as number) ?? 0;
}

export async function benchHubCompact(table: Table, dir: string): Promise<void> {
  const hubDir = join(dir, 'hub-compact');
  mkdirSync(hubDir, { recursive: true });
  const db = openDb(hubDir);
  try {
    const now = Date.UTC(2026, 10, 20, 4, 0, 0);
    const items = stream(db, now - 25 * 3_600_000, now);
    const eventsBefore = feedCount(db, 'event');
    let t0 = performance.now();
    const first = compactPositionItems(db, { now });
    const firstMs = performance.now() - t0;
    const left = feedCount(db, 'positions');
    // Ten more minutes of the stream, then the hub's periodic run.
    stream(db, now, now + 600_000);
    t0 = performance.now();
    const steady = compactPositionItems(db, { now: now + 600_000 });
    const steadyMs = performance.now() - t0;
    if (feedCount(db, 'event') !== eventsBefore + (600_000 / SLOT_MS) * EVENTS_PER_SLOT)
      throw new Error('compaction touched events');
    table.add({
      what: `hub feed compaction of positions, the 10-minute run (${PEOPLE} people every 30 s; ${steady.items} position items read, ${steady.deletedItems} deleted)`,
      value: `${steadyMs.toFixed(0)} ms`,
      budget: '≤ 100 ms',
      pass: steadyMs <= 100,
      baseline: `first run over 25 h: ${firstMs.toFixed(0)} ms, ${items.toLocaleString()} items (${(items * PEOPLE).toLocaleString()} reports) → ${left} items, ${first.droppedReports.toLocaleString()} reports dropped`,
      ratio: steadyMs / firstMs,
    });
  } finally {
    db.close();
  }
}
