/** React bindings of the query cache: `useQuery(proc, input)` and the paged orders list. */
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { OrderListPage, ProcInput, ProcName, ProcOutput } from '../../../../shared/contract/index';
import type { ApiError } from '../../../../shared/kernel/api-error';
import { call } from './client';
import { asApiError } from './error-text';
import {
  ensureEntry,
  entryState,
  queryKey,
  refetchKey,
  subscribeEntry,
  updateEntryData,
  type QueryState,
} from './query-cache';

const INITIAL: QueryState<never> = { data: undefined, error: null, loading: true };

function useEntry<T>(key: string, proc: ProcName, fetcher: () => Promise<unknown>): QueryState<T> {
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const subscribe = useCallback(
    (cb: () => void) => {
      ensureEntry(key, proc, () => fetcherRef.current());
      return subscribeEntry(key, cb);
    },
    [key, proc],
  );
  const snapshot = useCallback(() => (entryState(key) ?? INITIAL) as QueryState<T>, [key]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export interface UseQueryResult<T> extends QueryState<T> {
  refetch(): void;
}

export function useQuery<P extends ProcName>(proc: P, input: ProcInput<P>): UseQueryResult<ProcOutput<P>> {
  const key = queryKey(proc, input);
  const state = useEntry<ProcOutput<P>>(key, proc, () => call(proc, input));
  const refetch = useCallback(() => refetchKey(key), [key]);
  return { ...state, refetch };
}

type ListInput = ProcInput<'orders.list'>;

interface Pages {
  readonly pages: readonly OrderListPage[];
}

export interface UseOrderPagesResult extends QueryState<Pages> {
  readonly rows: OrderListPage['rows'][number][];
  readonly total: number;
  readonly totalCapped: boolean;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly loadMoreError: ApiError | null;
  loadMore(): void;
}

/**
 * Keyset-paged orders list. A change hint refetches as many pages as were loaded, so the
 * scroll position survives live updates. `scope` names what the list is of (the desk's queue):
 * while a new filter or search term of the same scope loads, the previous rows stay; rows of
 * another scope never stand under a new heading (a queue's tab above another queue's orders).
 */
export function useOrderPages(input: ListInput, scope = ''): UseOrderPagesResult {
  const key = `paged:${queryKey('orders.list', input)}`;
  const fetchAll = useCallback(async (): Promise<Pages> => {
    const loaded = (entryState(key)?.data as Pages | undefined)?.pages.length ?? 1;
    const want = Math.max(1, Math.min(loaded, 20));
    const pages: OrderListPage[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < want; i++) {
      const page: OrderListPage = await call('orders.list', { ...input, cursor });
      pages.push(page);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return { pages };
  }, [key]);
  const fresh = useEntry<Pages>(key, 'orders.list', fetchAll);
  // While a new filter or search term loads, keep showing the previous rows instead of a
  // flash of "loading" on every keystroke.
  const previous = useRef<{ scope: string; data: Pages } | undefined>(undefined);
  if (fresh.data) previous.current = { scope, data: fresh.data };
  const kept = previous.current?.scope === scope ? previous.current.data : undefined;
  const stale = fresh.data === undefined && fresh.loading && fresh.error === null;
  const state: QueryState<Pages> = stale ? { ...fresh, data: kept } : fresh;
  const [more, setMore] = useState<{ key: string; loading: boolean; error: ApiError | null }>({
    key,
    loading: false,
    error: null,
  });
  const moreState = more.key === key ? more : { key, loading: false, error: null };

  const pages = state.data?.pages;
  const last = pages?.[pages.length - 1];
  const hasMore = !stale && Boolean(last?.nextCursor);

  const loadMore = useCallback(() => {
    if (stale || !last?.nextCursor || moreState.loading || state.loading) return;
    const cursor = last.nextCursor;
    setMore({ key, loading: true, error: null });
    call('orders.list', { ...input, cursor }).then(
      (page) => {
        updateEntryData(key, (prev) => {
          const p = prev as Pages | undefined;
          // Ignore if the list was refreshed meanwhile and no longer ends at this cursor.
          if (!p || p.pages[p.pages.length - 1]?.nextCursor !== cursor) return prev;
          return { pages: [...p.pages, page] };
        });
        setMore({ key, loading: false, error: null });
      },
      (err: unknown) => {
        const e = asApiError(err);
        setMore({ key, loading: false, error: e });
      },
    );
  }, [key, last, stale, moreState.loading, state.loading]);

  const rows = useMemo(() => (pages ?? []).flatMap((p) => p.rows), [pages]);
  return {
    ...state,
    rows,
    total: pages?.[0]?.total ?? 0,
    totalCapped: pages?.[0]?.totalCapped ?? false,
    hasMore,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
    loadMore,
  };
}
