/**
 * Folds the WAL back into the database from a thread of its own while a bulk writer runs (the
 * 台账 import: docs/IMPORT.md).
 *
 * Why a thread: a bulk writer commits thousands of times, and the WAL must be folded back (a
 * checkpoint: copy its pages into the database file, fsync). Done on the writer — by whichever
 * commit crosses SQLite's auto-checkpoint threshold, or by the import after each batch — it holds
 * the writer ~10 ms each time, which both a dispatcher's action and the import itself wait for
 * (a third of the import's time in the profile). A PASSIVE checkpoint on a second connection runs
 * beside the writer's commits without taking the write lock; folding every FOLD_EVERY_MS copies a
 * page written by many commits once. The bulk writer pauses (off the writer: other calls run) when
 * the WAL has grown past a bound, until a fold has caught up and the WAL can start over.
 *
 * The thread runs a few lines of plain JavaScript (no TypeScript loader, starts in ~30 ms). If it
 * cannot start, `ok` is false and the caller folds on the writer as before.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the thread folds what the writer committed. */
const FOLD_EVERY_MS = 40;

/** One PASSIVE checkpoint's answer (PRAGMA wal_checkpoint): frames in the WAL, frames folded. */
interface FoldReport {
  readonly log: number;
  readonly checkpointed: number;
  readonly error?: string;
}

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 0');
const fold = () => {
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ log: -1, checkpointed: -1, error: String(err) });
  }
};
const timer = setInterval(fold, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'fold') return fold();
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

function _driverPath(): string {
  const url = (import.meta as { url?: string }).url;
  const req = createRequire(typeof url === 'string' && url.startsWith('file:') ? url : __filename);
  return req.resolve('better-sqlite3');
}

export class WalFolder {
  private last: FoldReport = { log: 0, checkpointed: 0 };
  private waiters: Array<() => void> = [];
  private stopped = false;

  private constructor(private readonly worker: Worker | null) {
    if (!worker) return;
    worker.on('message', (r: FoldReport) => {
      // -1: the fold did not run (the writer held the checkpoint for a RESTART); not caught up.
      if (r.error !== undefined || r.log < 0) return;
      this.last = r;
      if (r.log === r.checkpointed) this.release();
    });
    const down = (err?: unknown): void => {
      if (err !== undefined && !this.stopped) console.error('[store] the WAL folder stopped:', err);
      this.stopped = true;
      this.release();
    };
    worker.on('error', down);
    worker.on('exit', () => down());
  }

  /** Starts folding the WAL of `file` (the hall database) every FOLD_EVERY_MS. */
  static start(file: string, nativeBinding?: string): WalFolder {
    try {
      const worker = new Worker(SOURCE, {
        eval: true,
        workerData: { driver: _driverPath(), file, nativeBinding, everyMs: FOLD_EVERY_MS },
      });
      return new WalFolder(worker);
    } catch (err) {
      console.error('[store] the WAL folder could not start; the writer folds itself:', err);
      return new WalFolder(null);
    }
  }

  /** False when the thread is not folding (it did not start, or stopped): fold on the writer. */
  get ok(): boolean {
    return this.worker !== null && !this.stopped;
  }

  /**
   * Frames in the WAL as of the last fold. SQLite starts the WAL over only when a write begins
   * while everything in it is folded; with the folder a step behind a busy writer that is rare,
   * so the bulk writer pauses (`caughtUp`) when the WAL has grown past its bound.
   */
  frames(): number {
    return this.last.log;
  }

  /** Folds now; resolves once a fold has caught up with the WAL (or the thread is gone). */
  caughtUp(): Promise<void> {
    if (!this.ok || !this.worker) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.worker.postMessage('fold');
    return done;
  }

  async stop(): Promise<void> {
    if (!this.worker || this.stopped) return;
    this.stopped = true;
    const exited = new Promise<void>((resolve) => this.worker?.once('exit', () => resolve()));
    this.worker.postMessage('stop');
    await exited;
    this.release();
  }

  private release(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
