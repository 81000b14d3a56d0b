/**
 * The one way a component changes something: `useMutation(proc)` calls the procedure, tracks
 * busy and error, and on success makes stale at once every cached query that the mutation's
 * declared `changes` make stale (cache-keys.ts). The push hint of the same change follows and
 * is deduplicated by the cache against a refetch still in flight.
 */
import { useCallback, useRef, useState } from 'react';
import type { ProcInput, ProcName, ProcOutput } from '../../../../shared/contract/index';
import type { ApiError } from '../../../../shared/kernel/api-error';
import { procsStaleAfter } from './cache-keys';
import { call } from './client';
import { asApiError } from './error-text';
import { markProcsStale } from './query-cache';

/** Calls a mutation and, on success, refreshes what it changed. For code outside components. */
export async function mutate<P extends ProcName>(proc: P, input: ProcInput<P>): Promise<ProcOutput<P>> {
  const out = await call(proc, input);
  markProcsStale(procsStaleAfter(proc));
  return out;
}

export interface UseMutationResult<P extends ProcName> {
  /** Resolves with the output; rejects with the ApiError that `error` then holds. */
  run(input: ProcInput<P>): Promise<ProcOutput<P>>;
  /** True while a run is in flight. */
  readonly busy: boolean;
  /** The last run's failure, until the next run or `reset()`. */
  readonly error: ApiError | null;
  /** Forget the last failure (a confirmation was cancelled). */
  reset(): void;
}

export function useMutation<P extends ProcName>(proc: P): UseMutationResult<P> {
  const [error, setError] = useState<ApiError | null>(null);
  const [inFlight, setInFlight] = useState(0);
  // The latest run decides `error`: an older one that fails after a newer started says nothing.
  const latest = useRef(0);

  const run = useCallback(
    async (input: ProcInput<P>): Promise<ProcOutput<P>> => {
      const id = ++latest.current;
      setInFlight((n) => n + 1);
      setError(null);
      try {
        return await mutate(proc, input);
      } catch (err) {
        const e = asApiError(err);
        if (id === latest.current) setError(e);
        throw e;
      } finally {
        setInFlight((n) => n - 1);
      }
    },
    [proc],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, busy: inFlight > 0, error, reset };
}
