/**
 * Writes a 台账's closed orders on the writer without holding up dispatch (docs/IMPORT.md, "the
 * write path").
 *
 * A commit writes every page its transaction touched to the WAL once, so the fewer commits the
 * cheaper each imported row — but a dispatcher's action waits for the transaction in front of
 * it. The writer in its worker counts its calls in flight (WriteEnv.callsInFlight): then a
 * transaction runs until another call than the import's own is in flight, or TXN_MAX_MS,
 * checking between steps of STEP orders, and commits and steps aside until the others are
 * answered (an action with an `await` inside would otherwise wait for the next transaction). Where nobody can tell (the in-process core), each transaction
 * is bounded by TXN_BLIND_MS instead. The WAL is folded by a thread of its own (store/wal-folder.ts).
 */
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { chinaCalendar } from '../../../../shared/kernel/calendar';
import { AUTO_CHECKPOINT_PAGES, checkpointPassive, setAutoCheckpoint } from '../../store/db';
import { appendInTransaction, type ProjectionEnv } from '../../store/event-log/events';
import { readSlaPolicy } from '../../store/reference';
import type { WalFolder } from '../../store/wal-folder';
import type { WriteEnv } from '../../runtime/context';

/** Orders per append inside a transaction (~1 ms): how often it looks for a waiting call. */
const STEP = 10;
/** A transaction's length when a waiting call makes it commit at once. */
const TXN_MAX_MS = 12;
/** A transaction's length when nobody can tell whether a call waits. */
const TXN_BLIND_MS = 4;
/** WAL frames (4 KB pages) past which the writer pauses for the WAL to start over: 64 MB. */
const MAX_WAL_FRAMES = 16_384;
/** How long stepping aside waits at most for the other calls to be answered. */
const STEP_ASIDE_MAX_MS = 50;

/** What the writer uses of the writer's environment. */
export type HistoryEnv = Pick<WriteEnv, 'db' | 'now' | 'startWalFolder' | 'callsInFlight'>;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const nextTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class HistoryWriter {
  private readonly projection: ProjectionEnv;

  private constructor(
    private readonly env: HistoryEnv,
    private readonly folder: WalFolder,
    private readonly txnMaxMs: number,
  ) {
    this.projection = { policy: readSlaPolicy(env.db), calendar: chinaCalendar };
  }

  /** Takes WAL folding off the writer (auto-checkpoint off, the folder thread on) until `close`. */
  static open(env: HistoryEnv, txnMaxMs = TXN_MAX_MS): HistoryWriter {
    // Otherwise the commit that crosses SQLite's auto-checkpoint threshold pays for the fold, as
    // often a dispatcher's create as an import step (measured: docs/IMPORT.md).
    setAutoCheckpoint(env.db, 0);
    return new HistoryWriter(env, env.startWalFolder(), txnMaxMs);
  }

  /** Writes the events (each a `created` of its own order); answers how many were new. */
  async write(events: readonly OrderEvent[]): Promise<number> {
    const { db } = this.env;
    const others = this.othersInFlight;
    let i = 0;
    let inserted = 0;
    while (i < events.length) {
      const started = performance.now();
      const limit = others ? this.txnMaxMs : TXN_BLIND_MS;
      db.transaction(() => {
        do {
          const part = events.slice(i, i + STEP);
          inserted += appendInTransaction(db, part, {
            source: 'import',
            now: this.env.now(),
            env: this.projection,
          }).inserted.length;
          i += part.length;
        } while (i < events.length && !others?.() && performance.now() - started < limit);
      })();
      if (!this.folder.ok) checkpointPassive(db);
      else if (this.folder.frames() > MAX_WAL_FRAMES) await this.folder.caughtUp();
      await this.stepAside();
    }
    return inserted;
  }

  /** Whether calls other than the import's own are queued or under way on the writer. */
  private get othersInFlight(): (() => boolean) | null {
    const inFlight = this.env.callsInFlight;
    return inFlight ? () => inFlight() > 1 : null;
  }

  /**
   * Gives the thread to other calls. A call's message is taken in the event loop's poll phase,
   * after an immediate: while others are in flight, wait on timers until they are answered.
   */
  private async stepAside(): Promise<void> {
    await nextTurn();
    const others = this.othersInFlight;
    if (!others) return;
    const until = performance.now() + STEP_ASIDE_MAX_MS;
    while (others() && performance.now() < until) await nextTimer();
  }

  async close(): Promise<void> {
    await this.folder.stop();
    setAutoCheckpoint(this.env.db, AUTO_CHECKPOINT_PAGES);
  }
}
