/**
 * The WAL folder (store/wal-folder.ts): a thread of its own folds the WAL back while a writer
 * with auto-checkpoint off commits, so the WAL can start over instead of growing; a folder that
 * cannot start says so (`ok` false) and never leaves a caller waiting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dbPath, openDb, setAutoCheckpoint } from '../../../electron/core/store/db';
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
