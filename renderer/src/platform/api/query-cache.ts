/**
 * One cache of server state keyed by procedure + input. Entries are refreshed when the core
 * pushes a ChangeHint (never by polling), after a mutation of this page (use-mutation.ts), and
 * when the push channel reconnects.
 *
 * This module is part of the page's small entry script: it must not import the contract's
 * runtime (zod). Which queries a hint makes stale is routed in by the app (`routeHints`); until
 * then a hint makes every entry stale.
 */
import type { ChangeHint, ProcInput, ProcName } from '../../../../shared/contract/index';
import { ApiError } from '../../../../shared/kernel/api-error';
import { call } from './client';
import { queryKey } from './query-key';
import { transport } from './transport';

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
  inFlight: boolean;
  /** Made stale while a fetch was in flight: fetch once more when that one lands. */
  again: boolean;
}

const entries = new Map<string, Entry>();

function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError('internal');
}

function notify(e: Entry): void {
  for (const fn of [...e.subscribers]) fn();
}

/** Fetch now; an answer still in flight is dropped when it lands. */
function run(key: string, e: Entry): void {
  const gen = ++e.generation;
  e.inFlight = true;
  e.again = false;
  e.state = { ...e.state, loading: true };
  notify(e);
  const settle = (next: QueryState<unknown>) => {
    if (entries.get(key) !== e || gen !== e.generation) return;
    e.inFlight = false;
    e.state = next;
    notify(e);
    if (e.again) run(key, e);
  };
  e.fetcher().then(
    (data) => settle({ data, error: null, loading: false }),
    (err: unknown) => settle({ data: e.state.data, error: toApiError(err), loading: false }),
  );
}

/**
 * Fetch again, deduplicated: while a fetch is in flight it is not repeated in parallel; one more
 * follows when it lands (its answer may predate the change). A mutation's own refresh and the
 * push hint of the same change, or a burst of hints, so cost at most one extra request.
 */
function refresh(key: string, e: Entry): void {
  if (e.inFlight) e.again = true;
  else run(key, e);
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
      inFlight: false,
      again: false,
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

/** Fetch one entry again (a retry button, a poll); deduplicated against a fetch in flight. */
export function refetchKey(key: string): void {
  const e = entries.get(key);
  if (e) refresh(key, e);
}

function matching(match: (proc: ProcName) => boolean, rank: (proc: ProcName) => number) {
  return [...entries].filter(([, e]) => match(e.proc)).sort(([, a], [, b]) => rank(a.proc) - rank(b.proc));
}

/**
 * The data changed: refresh watched entries whose procedure matches (deduplicated against a
 * fetch in flight), forget unwatched ones. `rank` orders the refetches (lower first): the core
 * answers one call at a time, so what the wall shows first is asked for first.
 */
export function markStale(
  match: (proc: ProcName) => boolean,
  rank: (proc: ProcName) => number = () => 0,
): void {
  for (const [key, e] of matching(match, rank)) {
    if (e.subscribers.size > 0) refresh(key, e);
    else entries.delete(key);
  }
}

/**
 * The answers themselves are no longer valid for this page (大屏模式 switched: the core masks
 * differently): refetch watched entries now, dropping any answer still in flight, and forget
 * unwatched ones.
 */
export function invalidate(match: (proc: ProcName) => boolean): void {
  for (const [key, e] of matching(match, () => 0)) {
    if (e.subscribers.size > 0) run(key, e);
    else entries.delete(key);
  }
}

/** Makes stale, in order, the queries a list of procedures names (the first is refetched first). */
export function markProcsStale(procs: readonly ProcName[]): void {
  if (procs.length === 0) return;
  const order = new Map(procs.map((p, i) => [p, i]));
  markStale(
    (p) => order.has(p),
    (p) => order.get(p) ?? procs.length,
  );
}

type HintTargets = (hint: ChangeHint) => readonly ProcName[];
let hintTargets: HintTargets | null = null;

/** The app tells the cache which queries each hint makes stale (cache-keys.ts, from CONTRACT). */
export function routeHints(targets: HintTargets): void {
  hintTargets = targets;
}

let wired = false;
/** Connect the cache to the transport's pushes; idempotent. */
export function wireCache(): void {
  if (wired) return;
  wired = true;
  const t = transport();
  t.onChange((hint: ChangeHint) => {
    // Before the app has loaded only the first calls are cached: refreshing them all is cheap.
    if (hintTargets) markProcsStale(hintTargets(hint));
    else markStale(() => true);
  });
  t.onResync(() => markStale(() => true));
}

export { queryKey };

/** Replace an entry's data in place (used to append a page) and tell its watchers. */
export function updateEntryData(key: string, fn: (prev: unknown) => unknown): void {
  const e = entries.get(key);
  if (!e) return;
  e.state = { ...e.state, data: fn(e.state.data) };
  notify(e);
}
