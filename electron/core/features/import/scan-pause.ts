/**
 * How the import's scan thread gives way to a dispatcher (docs/IMPORT.md, eighth pass). It looks
 * at the writer's call counters about every LOOK_EVERY_MS of work (some 20 rows), and:
 * - while the writer has a call in flight besides the import's own, it sleeps until the call is
 *   answered, and RELAY_MS more (the main thread still relays the answer);
 * - while someone is at work (at-work.ts), it reads only when the writer has no batch in hand:
 *   reading beside the writer then cost a dispatcher's action ~2–4 ms at its p95 (on two cores
 *   the thread takes CPU the writer and the main thread need). Once nobody has written for a
 *   while it reads ahead of the writer, which is where the import gains its speed.
 */
import { OtherCalls, callsInFlight, mutationsSent } from '../../runtime/call-counts';
import { SomeoneAtWork } from './at-work';
import type { Breathing } from './ledger-scan';

const LOOK_EVERY_MS = 0.5;
/** Longest a pause waits for calls that wait on something else than the CPU (the network). */
export const PAUSE_MAX_MS = 50;
const RELAY_MS = 1;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The scan thread's side of the hand-over (scan-worker.ts). */
export interface HandOver {
  /** Whether the writer holds a batch it has not finished. */
  readonly writerHasBatch: () => boolean;
  /** Resolves when the writer next reports (a batch finished, or a stop). */
  readonly nextReport: () => Promise<void>;
  readonly stopped: () => boolean;
}

/**
 * Calls still in flight after PAUSE_MAX_MS wait on something else than the CPU: they count as
 * settled (as the writer counts them, history-writer.ts) until they are answered.
 */
export function stepAsideForCalls(
  calls: SharedArrayBuffer,
  handOver: HandOver | null,
  clock: () => number = () => performance.now(),
): Breathing {
  const others = new OtherCalls(callsInFlight(calls));
  const atWork = new SomeoneAtWork(mutationsSent(calls), clock);
  const forCalls = async (): Promise<void> => {
    if (!others.any()) return;
    const until = performance.now() + PAUSE_MAX_MS;
    do {
      if (performance.now() >= until) {
        others.settle();
        return;
      }
      await sleep(1);
    } while (others.any());
    await sleep(RELAY_MS);
  };
  return {
    everyMs: LOOK_EVERY_MS,
    pause: async () => {
      await forCalls();
      while (handOver && !handOver.stopped() && handOver.writerHasBatch() && atWork.now())
        await handOver.nextReport();
    },
  };
}
