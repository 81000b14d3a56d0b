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
