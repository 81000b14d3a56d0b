/**
 * One cache of server state keyed by procedure + input. Entries are refreshed when the core
 * pushes a ChangeHint (never by polling) and when the push channel reconnects.
 */
import type { ChangeHint, ProcInput, ProcName, ProcOutput } from '../../../../shared/contract/index';
import { ApiError } from '../../../../shared/kernel/proc';
import { call } from './client';
import { transport } from './transport';
import { procsForHint, queryKey } from './cache-keys';

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | null;
  /** True while a request for this key is in flight (data may still hold the previous answer). */
  readonly loading: boolean;
}

interface Entry {
  proc: ProcName;
  state: QueryState<unknown>;
  subscribers: Set<() => void>;
  /** Bumped per fetch so a slow, stale answer cannot overwrite a newer one. */
  generation: number;
  fetcher: () => Promise<unknown>;
}

const entries = new Map<string, Entry>();

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('internal', err instanceof Error ? err.message : String(err));
}

function notify(e: Entry): void {
  for (const fn of [...e.subscribers]) fn();
}

function run(key: string, e: Entry): void {
  const gen = ++e.generation;
  e.state = { ...e.state, loading: true };
  notify(e);
  e.fetcher().then(
    (data) => {
      if (entries.get(key) !== e || gen !== e.generation) return;
      e.state = { data, error: null, loading: false };
      notify(e);
    },
    (err: unknown) => {
      if (entries.get(key) !== e || gen !== e.generation) return;
      e.state = { data: e.state.data, error: toApiError(err), loading: false };
      notify(e);
    },
  );
}

/** Get or create the entry for a key; the first subscriber triggers the fetch. */
export function ensureEntry(key: string, proc: ProcName, fetcher: () => Promise<unknown>): Entry {
  let e = entries.get(key);
  if (!e) {
    e = {
      proc,
      state: { data: undefined, error: null, loading: true },
      subscribers: new Set(),
      generation: 0,
      fetcher,
    };
    entries.set(key, e);
    run(key, e);
  } else {
    e.fetcher = fetcher;
  }
  return e;
}

/**
 * Start a query before any component watches it (see first-calls.ts). Kept like any unwatched
 * entry (30 s) once answered; a failed one is forgotten at once, so the component that mounts
 * later asks again instead of showing an error from before the login.
 */
export function prefetchQuery<P extends ProcName>(proc: P, input: ProcInput<P>): void {
  const key = queryKey(proc, input);
  if (entries.has(key)) return;
  const e = ensureEntry(key, proc, () => call(proc, input));
  const stop = subscribeEntry(key, () => {
    if (e.state.loading) return;
    stop();
    if (e.state.error && e.subscribers.size === 0 && entries.get(key) === e) entries.delete(key);
  });
}

export function subscribeEntry(key: string, fn: () => void): () => void {
  const e = entries.get(key);
  if (!e) return () => undefined;
  e.subscribers.add(fn);
  return () => {
    e.subscribers.delete(fn);
    // Unwatched entries are dropped lazily so that a quick remount (tab switch) reuses them.
    if (e.subscribers.size === 0) {
      window.setTimeout(() => {
        if (e.subscribers.size === 0 && entries.get(key) === e) entries.delete(key);
      }, 30_000);
    }
  };
}

export function entryState(key: string): QueryState<unknown> | undefined {
  return entries.get(key)?.state;
}

export function refetchKey(key: string): void {
  const e = entries.get(key);
  if (e) run(key, e);
}

/**
 * Refresh watched entries whose procedure matches; forget unwatched ones. `rank` orders the
 * refetches (lower first): the core answers one call at a time, so what the wall shows first
 * (counters, the map's orders) is asked for first.
 */
export function invalidate(
  match: (proc: ProcName) => boolean,
  rank: (proc: ProcName) => number = () => 0,
): void {
  const stale = [...entries]
    .filter(([, e]) => match(e.proc))
    .sort(([, a], [, b]) => rank(a.proc) - rank(b.proc));
  for (const [key, e] of stale) {
    if (e.subscribers.size > 0) run(key, e);
    else entries.delete(key);
  }
}

export function fetchQuery<P extends ProcName>(proc: P, input: ProcInput<P>): Promise<ProcOutput<P>> {
  return call(proc, input);
}

let wired = false;
/** Connect the cache to the transport's pushes; idempotent. */
export function wireCache(): void {
  if (wired) return;
  wired = true;
  const t = transport();
  t.onChange((hint: ChangeHint) => {
    const procs = procsForHint(hint);
    const rank = (p: ProcName) => procs.findIndex((prefix) => p.startsWith(prefix));
    invalidate((p) => rank(p) >= 0, rank);
  });
  t.onResync(() => invalidate(() => true));
}

export { queryKey };

/** Replace an entry's data in place (used to append a page) and tell its watchers. */
export function updateEntryData(key: string, fn: (prev: unknown) => unknown): void {
  const e = entries.get(key);
  if (!e) return;
  e.state = { ...e.state, data: fn(e.state.data) };
  notify(e);
}
