/**
 * Writes a 台账's closed orders on the writer without holding up dispatch (docs/IMPORT.md, "the
 * write path").
 *
 * A commit writes every page its transaction touched to the WAL once, so the fewer commits the
 * cheaper each imported row — but a dispatcher's action waits for the transaction in front of
 * it. A transaction runs for TXN_MAX_MS at most; the writer in its worker also counts its calls
 * in flight (WriteEnv.callsInFlight), and a transaction commits after the step of STEP orders it
 * is in as soon as another call than the import's own is in flight, then steps aside until the
 * others are answered (an action with an `await` inside would otherwise wait for the next
 * transaction). Where nobody counts (the in-process core), only the time bounds it. The WAL is
 * folded by a thread of its own (store/wal-folder.ts).
 *
 * While someone is at work (two mutations sent to the writer less than QUIET_MS apart, the latest
 * within QUIET_MS: at-work.ts) a transaction lasts TXN_MAX_MS in steps of STEP, so that the next
 * action waits for little; otherwise it follows QUIET: fewer commits and bigger steps write the
 * pages many orders share once (docs/IMPORT.md, fourth and fifth passes), and an action that comes
 * meanwhile waits for one such step and commit. The rollup counters are written once per transaction, and each step
 * writes its search terms out (flushSearchText), so a COMMIT writes one step's at most.
 */
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { chinaCalendar } from '../../../../shared/kernel/calendar';
import { AUTO_CHECKPOINT_PAGES, checkpointPassive, restartWal, setAutoCheckpoint } from '../../store/db';
import {
  appendInTransaction,
  flushDeltas,
  type Deltas,
  type ProjectionEnv,
} from '../../store/event-log/events';
import { readSlaPolicy } from '../../store/reference';
import { flushSearchText } from '../../store/event-log/search-text';
import type { WalFolder } from '../../store/wal-folder';
import { SomeoneAtWork } from './at-work';
import { OtherCalls } from '../../runtime/call-counts';
import type { WriteEnv } from '../../runtime/context';

/** Orders per append inside a transaction (~1 ms): how often it looks for a waiting call. */
const STEP = 10;
/**
 * A transaction's longest run. Measured (docs/IMPORT.md): 12 ms and 8 ms held a concurrent
 * orders.create's p95 at 1.4–2.1× its quiet p95 — it waits for the commit of the transaction it
 * interrupts — and 4 ms at 0.7–1.2× at 50 k rows but 1.86× at 1 M; 2 ms 1.26× at 1 M, all at
 * the same import rate.
 */
const TXN_MAX_MS = 2;
/**
 * A transaction's longest run, and its steps, once nobody has written for QUIET_MS. Bigger steps
 * than 10: an append's multi-row INSERTs then touch each index's pages for many orders at once
 * (in process, 100 k rows, 200 ms transactions: 10 a step 9,133 rows/s, 100 a step 11,521, 500 a
 * step 11,376). But a call that arrives waits for the step it lands in and for the commit: at
 * 1 M rows, 200 ms of 100-order steps imported no faster than 100 ms of 50 (8,478 and 8,441
 * rows/s) and left that call's p95 at 28.6 ms against 18.2 (docs/IMPORT.md, fifth pass). A
 * transaction also ends with its read-ahead batch (ledger.ts BATCH).
 */
const QUIET: Pace = { ms: 100, step: 50 };
/** WAL frames (4 KB pages) past which the writer pauses for the WAL to start over: 64 MB. */
const MAX_WAL_FRAMES = 16_384;
/** How long stepping aside waits at most for the other calls to be answered. */
const STEP_ASIDE_MAX_MS = 50;

/** What the writer uses of the writer's environment. */
export type HistoryEnv = Pick<WriteEnv, 'db' | 'now' | 'startWalFolder' | 'callsInFlight'> &
  Partial<Pick<WriteEnv, 'mutationsSent'>>;

/** How long a transaction may run, and how many orders each of its steps appends. */
export interface Pace {
  readonly ms: number;
  readonly step: number;
}

/**
 * The next transaction's pace: `busy` while someone is at work (at-work.ts), `quiet` otherwise.
 * Without a count of mutations (the in-process core) always `busy`.
 */
export class TransactionPace {
  private readonly atWork: SomeoneAtWork | null;

  constructor(
    sent: (() => number) | null,
    private readonly busy: Pace,
    private readonly quiet: Pace,
    clock: () => number = () => performance.now(),
  ) {
    this.atWork = sent ? new SomeoneAtWork(sent, clock) : null;
  }

  next(): Pace {
    return !this.atWork || this.atWork.now() ? this.busy : this.quiet;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const nextTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class HistoryWriter {
  private readonly projection: ProjectionEnv;
  /** Calls beyond the import's own and those stepping aside gave up on: they end a transaction early. */
  private readonly others: OtherCalls | null;

  private readonly pace: TransactionPace;
  /** The current transaction's rollup changes, written once before its COMMIT. */
  private readonly deltas: Deltas = new Map();

  private constructor(
    private readonly env: HistoryEnv,
    private readonly folder: WalFolder,
    busyMs: number,
  ) {
    this.projection = { policy: readSlaPolicy(env.db), calendar: chinaCalendar };
    this.pace = new TransactionPace(env.mutationsSent ?? null, { ms: busyMs, step: STEP }, QUIET);
    this.others = env.callsInFlight ? new OtherCalls(env.callsInFlight) : null;
  }

  /** Takes WAL folding off the writer (auto-checkpoint off, the folder thread on) until `close`. */
  static open(env: HistoryEnv, txnMaxMs = TXN_MAX_MS): HistoryWriter {
    // Otherwise the commit that crosses SQLite's auto-checkpoint threshold pays for the fold, as
    // often a dispatcher's create as an import step (measured: docs/IMPORT.md).
    setAutoCheckpoint(env.db, 0);
    return new HistoryWriter(env, env.startWalFolder(), txnMaxMs);
  }

  /**
   * Writes an order for each item (`toEvent` gives its `created`: taken step by step inside the
   * transaction, so that decoding 2,000 is no block a waiting call cannot interrupt); answers how
   * many were new.
   */
  async write<T>(items: readonly T[], toEvent: (item: T) => OrderEvent): Promise<number> {
    const { db } = this.env;
    const others = this.others;
    let i = 0;
    let inserted = 0;
    while (i < items.length) {
      const started = performance.now();
      const { ms: limit, step } = this.pace.next();
      db.transaction(() => {
        do {
          const part = items.slice(i, i + step).map(toEvent);
          inserted += appendInTransaction(db, part, {
            source: 'import',
            now: this.env.now(),
            env: this.projection,
            deltas: this.deltas,
          }).inserted.length;
          i += part.length;
          // Each step's search terms out now, not all at the COMMIT a waiting call sits behind.
          flushSearchText(db);
        } while (i < items.length && !others?.any() && performance.now() - started < limit);
        flushDeltas(db, this.deltas);
      })();
      if (!this.folder.ok) checkpointPassive(db);
      else if (this.folder.frames() > MAX_WAL_FRAMES) {
        await this.folder.caughtUp();
        restartWal(db);
      }
      await this.stepAside();
    }
    return inserted;
  }

  /**
   * Gives the thread to other calls. A call's message is taken in the event loop's poll phase,
   * after an immediate: while others are in flight, wait on timers until they are answered.
   */
  private async stepAside(): Promise<void> {
    await nextTurn();
    const others = this.others;
    if (!others) return;
    const until = performance.now() + STEP_ASIDE_MAX_MS;
    while (others.any()) {
      if (performance.now() >= until) {
        // Still under way after STEP_ASIDE_MAX_MS: they wait on something else than this thread.
        others.settle();
        return;
      }
      await nextTimer();
    }
  }

  async close(): Promise<void> {
    await this.folder.stop();
    setAutoCheckpoint(this.env.db, AUTO_CHECKPOINT_PAGES);
  }
}
