/**
 * The sync status for the status bar, the banner and the dialog: `sync.status`, refreshed by
 * 'sync.changed' hints and, as a floor, every 15 s (the "N 分钟前" text and a link that went
 * down without a hint must not look fresh). One poller for all users of the hook, and it skips
 * a beat while a request is still in flight, so a slow core is never flooded (a newer request
 * would make the cache drop the older answer).
 *
 * The same place relays the browser's (and Electron's — the renderer is Chromium) `online`
 * event to the core as `sync.networkBack`: an offline hall then probes the hub at once instead
 * of waiting out its backoff (issue 12).
 */
import { useEffect } from 'react';
import type { SyncStatus } from '../../../../shared/features/sync/contract';
import type { ApiError } from '../../../../shared/kernel/api-error';
import { entryState, refetchKey } from '../../platform/api/query-cache';
import { queryKey } from '../../platform/api/query-key';
import { mutate } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import type { SyncDisplayState } from './sync-format';

const REFRESH_MS = 15_000;
const KEY = queryKey('sync.status', {});

let users = 0;
let timer: number | null = null;

/** The OS says the network is back: tell the core (a hint; a failure here changes nothing). */
function _onOnline(): void {
  mutate('sync.networkBack', {}).catch(() => undefined);
}

function _acquirePoller(): () => void {
  users++;
  if (users === 1) window.addEventListener('online', _onOnline);
  if (timer === null) {
    timer = window.setInterval(() => {
      const st = entryState(KEY);
      if (st && !st.loading) refetchKey(KEY);
    }, REFRESH_MS);
  }
  return () => {
    users--;
    if (users === 0) window.removeEventListener('online', _onOnline);
    if (users === 0 && timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
  };
}

export interface SyncStatusView {
  readonly status: SyncStatus | undefined;
  readonly display: SyncDisplayState;
  readonly error: ApiError | null;
  refetch(): void;
}

export function useSyncStatus(): SyncStatusView {
  const q = useQuery('sync.status', {});
  useEffect(_acquirePoller, []);
  const display: SyncDisplayState = q.data ? q.data.state : q.error ? 'unavailable' : 'loading';
  return { status: q.data, display, error: q.error, refetch: q.refetch };
}
