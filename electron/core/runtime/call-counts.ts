/**
 * The counters a writer in its worker shares with the thread that sends it calls (worker-link.ts):
 * calls sent, calls answered, mutations sent. A long writer task reads them between its steps to
 * step aside for a dispatcher's action (the 台账 import), and so may a thread that task starts.
 */

export const SENT = 0;
export const ANSWERED = 1;
export const MUTATIONS = 2;
/** Bytes of the shared buffer: three Int32 counters. */
export const CALL_COUNTS_BYTES = 12;

/** The worker side: count a call as answered (core-worker.ts, as it posts the result). */
export function answerCall(calls: SharedArrayBuffer | undefined): void {
  if (calls) Atomics.add(new Int32Array(calls), ANSWERED, 1);
}

/** The worker side: calls sent to this worker and not answered yet (queued or under way). */
export function callsInFlight(calls: SharedArrayBuffer): () => number {
  const counts = new Int32Array(calls);
  return () => Atomics.load(counts, SENT) - Atomics.load(counts, ANSWERED);
}

/**
 * The worker side: mutations sent to this worker so far. Queries that run on the writer (an
 * import's progress, polled by its dialog) are not someone at work.
 */
export function mutationsSent(calls: SharedArrayBuffer): () => number {
  const counts = new Int32Array(calls);
  return () => Atomics.load(counts, MUTATIONS);
}

/**
 * Calls in flight on the writer besides the caller's own (a long writer task, or a thread it
 * started) and besides those known to wait on something else than the writer's CPU (the network,
 * a backup): only the others are worth stepping aside for.
 */
export class OtherCalls {
  /** The caller's own call, and any `settle`d; falls back as they are answered. */
  private settled = 1;

  constructor(private readonly inFlight: () => number) {}

  /** Whether calls other than the settled ones are queued or under way. */
  any(): boolean {
    const n = this.inFlight();
    this.settled = Math.max(1, Math.min(this.settled, n));
    return n > this.settled;
  }

  /** The calls in flight now wait on something else (still under way after a caller's wait). */
  settle(): void {
    this.settled = Math.max(1, this.inFlight());
  }
}
