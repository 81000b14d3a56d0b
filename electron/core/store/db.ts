/** Opening the store: pragmas, migrations, and the branded handles. */
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';
import type { ReadableDb, WritableDb } from './types';

const DB_FILE_NAME = 'hall.db';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime's ABI (Electron ships its own). */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
}

export function dbPath(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME);
}

/** Opens (creating if needed) the hall database and brings its schema up to date. */
export function openDb(dataDir: string, opts: OpenOptions = {}): WritableDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(dbPath(dataDir), {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  }) as WritableDb;
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // No function may be called from the database's own schema (views, triggers, defaults): the
    // schema is this program's, and a restored file is checked to be exactly that (backup-check.ts).
    db.pragma('trusted_schema = OFF');
    // Bigger page cache and memory temp store: the projection and FTS updates are write-heavy.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * A read-only connection for the read pool: it never migrates (the writer did, before any reader
 * opens) and cannot write even by mistake. Readers see every commit of the writer at once (WAL).
 */
export function openReader(dataDir: string, opts: Pick<OpenOptions, 'nativeBinding'> = {}): ReadableDb {
  const db = new Database(dbPath(dataDir), {
    readonly: true,
    fileMustExist: true,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  }) as ReadableDb;
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('trusted_schema = OFF');
    db.pragma('cache_size = -32768');
    db.pragma('temp_store = MEMORY');
    db.pragma('query_only = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Bytes on disk of the database and its WAL/SHM files. */
export function storeBytes(dataDir: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(dbPath(dataDir) + suffix).size;
    } catch {
      // a missing -wal/-shm file is normal after a checkpoint
    }
  }
  return total;
}

/** SQLite's default auto-checkpoint (pages), which the store keeps. */
export const AUTO_CHECKPOINT_PAGES = 1000;

/** SQLite folds the WAL back after this many pages (0: only when asked, see checkpoint). */
export function setAutoCheckpoint(db: WritableDb, pages: number): void {
  db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(pages))}`);
}

/** Folds what it can of the WAL back now, without waiting on readers (a bulk writer's own time). */
export function checkpointPassive(db: WritableDb): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}

/**
 * Once everything in the WAL is folded: makes the next commit write the WAL from its start
 * (RESTART), without waiting for anyone — the checkpointer or a reader in the WAL at this moment
 * answers false, and the caller tries again later. SQLite starts the WAL over by itself only when
 * no reader holds a place in it at the commit after a full fold; beside a bulk writer's read-ahead
 * that chance rarely came, and a 1 M-row import grew the WAL to 5.6 GB (docs/IMPORT.md, ninth pass).
 */
export function restartWal(db: WritableDb): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const r = (db.pragma('wal_checkpoint(RESTART)') as Array<{ busy: number }>)[0];
    return r?.busy === 0;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

/** Folds the WAL back into the database file and truncates it (after a bulk load). */
export function checkpoint(db: WritableDb): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
