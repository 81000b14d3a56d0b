/** Reads a store folder through its own connection, for comparing hall and hub after the faults. */
import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface StoreView {
  readonly events: string[];
  readonly orders: Array<{ id: string; json: string }>;
  /** Event ids the hub's feed holds more than once (must be none). */
  readonly feedDuplicates: number;
  readonly feedEvents: number;
  readonly outbox: number;
}

export function readStore(dir: string): StoreView {
  const db = new Database(join(dir, 'hall.db'), { readonly: true });
  try {
    return {
      events: db.prepare('SELECT id FROM order_event ORDER BY id').pluck().all() as string[],
      orders: db.prepare('SELECT id, json FROM work_order ORDER BY id').all() as Array<{
        id: string;
        json: string;
      }>,
      feedDuplicates: db
        .prepare(
          "SELECT count(*) FROM (SELECT event_id FROM hub_feed WHERE kind = 'event' GROUP BY event_id HAVING count(*) > 1)",
        )
        .pluck()
        .get() as number,
      feedEvents: db.prepare("SELECT count(*) FROM hub_feed WHERE kind = 'event'").pluck().get() as number,
      outbox: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** Open orders' json without fields that legitimately differ per store (none today: whole json). */
export function projectionOf(v: StoreView): string {
  return JSON.stringify(v.orders);
}

/** The hub's feed sequence, read from its folder. */
export function hubSeqOf(dir: string): number {
  const db = new Database(join(dir, 'hall.db'), { readonly: true });
  try {
    return db.prepare('SELECT coalesce(max(seq), 0) FROM hub_feed').pluck().get() as number;
  } finally {
    db.close();
  }
}
