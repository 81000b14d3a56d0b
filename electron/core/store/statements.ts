/** Prepared-statement cache per connection: the ingest path must not re-prepare per row. */
import type Database from 'better-sqlite3';
import type { ReadableDb } from './types';

const caches = new WeakMap<ReadableDb, Map<string, Database.Statement>>();

export function stmt(db: ReadableDb, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
