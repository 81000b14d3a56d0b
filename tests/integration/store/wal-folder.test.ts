/**
 * The WAL folder (store/wal-folder.ts): a thread of its own folds the WAL back while a writer
 * with auto-checkpoint off commits, so the WAL can start over instead of growing; a folder that
 * cannot start says so (`ok` false) and never leaves a caller waiting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { dbPath, openDb, restartWal, setAutoCheckpoint } from '../../../electron/core/store/db';
import { WalFolder } from '../../../electron/core/store/wal-folder';
import type { WritableDb } from '../../../electron/core/store/types';
import { tempDir } from './fixtures';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function store(): { db: WritableDb; file: string } {
  const t = tempDir();
  const db = openDb(t.dir);
  cleanups.push(t.cleanup, () => {
    db.close();
  });
  db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  setAutoCheckpoint(db, 0);
  return { db, file: dbPath(t.dir) };
}

/** 200 commits of ~8 KB each: a few hundred WAL frames. */
function write(db: WritableDb, from: number): void {
  const ins = db.prepare('INSERT INTO scratch(id, body) VALUES (?, ?)');
  for (let i = from; i < from + 200; i++) ins.run(i, 'x'.repeat(8000));
}

/** Frames in the writer's WAL now (a PASSIVE checkpoint that the test's own connection runs). */
function walFrames(db: WritableDb): number {
  return (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]?.log ?? -1;
}

describe('the WAL folder', () => {
  it('folds what the writer commits, so the next write starts the WAL over', async () => {
    const { db, file } = store();
    const folder = WalFolder.start(file);
    cleanups.push(() => folder.stop());
    write(db, 0);
    await folder.caughtUp();
    expect(folder.ok).toBe(true);
    expect(folder.frames()).toBeGreaterThan(400);
    // Everything was folded: this commit begins the WAL again, so it holds only its own frames.
    db.prepare('INSERT INTO scratch(id, body) VALUES (?, ?)').run(10_000, 'y');
    expect(walFrames(db)).toBeLessThan(10);
  });

  it('a reader in the WAL at the commit after a fold keeps it growing; restartWal starts it over once the reader is out', async () => {
    const { db, file } = store();
    const folder = WalFolder.start(file);
    cleanups.push(() => folder.stop());
    const reader = new Database(file, { readonly: true });
    cleanups.push(() => {
      reader.close();
    });
    write(db, 0);
    // The reader's snapshot holds a place in the WAL (it began while the WAL had unfolded frames).
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM scratch').pluck().get();
    await folder.caughtUp();
    db.prepare('INSERT INTO scratch(id, body) VALUES (?, ?)').run(10_000, 'y');
    // SQLite could not start the WAL over at that commit: it grew on.
    expect(walFrames(db)).toBeGreaterThan(400);
    // Nor now: the reader is still in it, and restartWal does not wait for it.
    const started = performance.now();
    expect(restartWal(db)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
    reader.exec('COMMIT');
    await folder.caughtUp();
    expect(restartWal(db)).toBe(true);
    db.prepare('INSERT INTO scratch(id, body) VALUES (?, ?)').run(10_001, 'z');
    expect(walFrames(db)).toBeLessThan(10);
    // The writer's own wait for a lock is back as it was.
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('without it the WAL only grows (the control)', () => {
    const { db } = store();
    write(db, 0);
    db.prepare('INSERT INTO scratch(id, body) VALUES (?, ?)').run(10_000, 'y');
    expect(walFrames(db)).toBeGreaterThan(400);
  });

  it('a folder that cannot open the database is not ok and keeps nobody waiting', async () => {
    const { file } = store();
    const folder = WalFolder.start(file, '/nonexistent/better_sqlite3.node');
    cleanups.push(() => folder.stop());
    await folder.caughtUp();
    await new Promise((r) => setTimeout(r, 50));
    expect(folder.ok).toBe(false);
    await folder.caughtUp();
  });
});
