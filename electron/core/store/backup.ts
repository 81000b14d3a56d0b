/**
 * Online backup and restore of hall.db.
 *
 * backupTo uses SQLite's backup API through better-sqlite3 (`db.backup`): pages are copied a
 * step at a time between turns of the event loop, so writers wait for one step, never for the
 * whole copy; writes made through the same connection meanwhile are carried into the copy, which
 * ends as the database at the moment the last step ran. It writes `<file>.partial` and renames it,
 * so a crash mid-copy never leaves a truncated file under a backup's name.
 *
 * restoreFrom replaces a data folder's hall.db with a backup, offline: it refuses while a core has
 * the folder open, checks the backup on a copy before touching anything (SQLite header; the
 * schema object by object against this program's migrations, so no foreign trigger or view can
 * ride in; integrity_check; every row the program parses — backup-check.ts), and keeps the
 * replaced database as hall.db.before-restore.
 */
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { BackupCheckError, checkRows, checkSchema } from './backup-check';
import { dataDirInUse } from './data-dir-lock';
import { dbPath } from './db';
import type { WritableDb } from './types';

export interface BackupStats {
  readonly bytes: number;
  readonly pages: number;
}

/** Copies the live database to `file` (overwritten). `pagesPerStep` tunes the step (default 100). */
export async function backupTo(
  db: WritableDb,
  file: string,
  opts: { readonly pagesPerStep?: number } = {},
): Promise<BackupStats> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    const step = opts.pagesPerStep;
    const res = step ? await db.backup(partial, { progress: () => step }) : await db.backup(partial);
    // The copy carries the source's WAL flag; as a plain rollback-journal file, opening a backup
    // to look at it does not leave -wal/-shm files beside it (the core turns WAL on when it opens).
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, file);
    return { bytes: statSync(file).size, pages: res.totalPages };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** A restore refused: nothing was replaced. The message is for the person at the console. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreResult {
  /** The data folder's hall.db, now the backup's content. */
  readonly restored: string;
  /** Where the replaced database went, or null when the folder had none. */
  readonly previous: string | null;
  readonly schemaVersion: number;
  readonly orders: number;
  readonly events: number;
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const BEFORE_RESTORE_SUFFIX = '.before-restore';

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Opens the candidate copy and checks it is a whole hall database this program can run. */
function checkCandidate(file: string): { schemaVersion: number; orders: number; events: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new RestoreError(`备份文件无法打开 The backup cannot be opened: ${(err as Error).message}`);
  }
  try {
    // Nothing in the file's schema may call functions while it is being looked at.
    db.pragma('trusted_schema = OFF');
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      // sqlite_master alone, before any row is read: a foreign trigger or view is refused here.
      checkSchema(db, version);
    } catch (err) {
      if (err instanceof BackupCheckError) throw new RestoreError(err.message);
      throw new RestoreError(`备份文件已损坏 The backup is damaged: ${(err as Error).message}`);
    }
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
        (r) => r.integrity_check,
      );
    } catch (err) {
      throw new RestoreError(`备份文件已损坏 The backup is damaged: ${(err as Error).message}`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new RestoreError(
        `备份文件已损坏 The backup is damaged (integrity_check): ${problems.slice(0, 3).join('; ')}`,
      );
    }
    try {
      checkRows(db, version);
    } catch (err) {
      if (err instanceof BackupCheckError) throw new RestoreError(err.message);
      throw new RestoreError(`备份文件已损坏 The backup is damaged: ${(err as Error).message}`);
    }
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const out = {
      schemaVersion: version,
      orders: count('SELECT count(*) AS n FROM work_order'),
      events: count('SELECT count(*) AS n FROM order_event'),
    };
    // A plain rollback-journal file: no -wal of the copy is left behind; the core turns WAL on again.
    db.pragma('journal_mode = DELETE');
    return out;
  } finally {
    db.close();
  }
}

/**
 * Replaces `<dataDir>/hall.db` with `backupFile`. Throws RestoreError (nothing replaced) when a
 * core has the folder open or the file is not a sound hall database.
 */
export function restoreFrom(dataDir: string, backupFile: string): RestoreResult {
  const source = resolve(backupFile);
  const target = dbPath(dataDir);
  const inUse = existsSync(dataDir) ? dataDirInUse(dataDir) : null;
  if (inUse) {
    throw new RestoreError(
      `数据目录正在使用中，请先关闭程序 The data folder is open in a running process ` +
        `(pid ${inUse.pid}, ${inUse.host}); stop it first. ` +
        `(If nothing runs, delete ${resolve(dataDir, 'hall.lock')}.)`,
    );
  }
  let st;
  try {
    st = statSync(source);
  } catch {
    throw new RestoreError(`备份文件不存在 The backup file does not exist: ${source}`);
  }
  if (!st.isFile()) throw new RestoreError(`不是文件 Not a file: ${source}`);
  if (source === resolve(target))
    throw new RestoreError('不能用数据库自身恢复 The backup is the live database itself');
  if (!hasSqliteHeader(source)) {
    throw new RestoreError(`不是 SQLite 数据库文件 Not an SQLite database file: ${source}`);
  }

  mkdirSync(dataDir, { recursive: true });
  // Check a copy, in the data folder (same file system, so the final rename is atomic).
  const candidate = `${target}.restoring`;
  const dropCandidate = (): void => {
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(candidate + s, { force: true });
  };
  dropCandidate();
  let info: { schemaVersion: number; orders: number; events: number };
  try {
    copyFileSync(source, candidate);
    info = checkCandidate(candidate);
  } catch (err) {
    dropCandidate();
    throw err;
  }

  // Move the current database and its -wal/-shm aside together: a stale WAL next to the new file
  // would be replayed into it.
  const previous = `${target}${BEFORE_RESTORE_SUFFIX}`;
  const suffixes = ['', '-wal', '-shm'];
  const hadDb = existsSync(target);
  const moved: string[] = [];
  try {
    for (const s of suffixes) rmSync(previous + s, { force: true });
    for (const s of suffixes) {
      if (existsSync(target + s)) {
        renameSync(target + s, previous + s);
        moved.push(s);
      }
    }
    renameSync(candidate, target);
  } catch (err) {
    for (const s of moved) {
      try {
        renameSync(previous + s, target + s);
      } catch {
        // best effort: the message below names both files
      }
    }
    dropCandidate();
    throw new RestoreError(`恢复失败 Restore failed while replacing ${target}: ${(err as Error).message}`);
  }
  dropCandidate();
  return { restored: target, previous: hadDb ? previous : null, ...info };
}
