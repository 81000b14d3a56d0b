/**
 * The query cache's refresh rules: a refresh never runs in parallel with a fetch in flight (one
 * more follows it instead), 大屏模式 drops an answer in flight, and hints are routed by the app.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChangeHint } from '../../../../../../shared/contract/index';

// The cache reads `window` (timers; the transport's bridge): a minimal one, before the imports.
const bridge = vi.hoisted(() => {
  const listeners = new Set<(hint: unknown) => void>();
  const b = {
    call: (): Promise<unknown> => Promise.resolve({ ok: true, data: null }),
    onChange: (fn: (hint: unknown) => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    push: (hint: unknown) => {
      for (const fn of listeners) fn(hint);
    },
  };
  Object.assign(globalThis, {
    window: { hall: b, location: { search: '', href: 'http://hall.test/' }, setTimeout, clearTimeout },
  });
  return b;
});

import {
  ensureEntry,
  entryState,
  invalidate,
  markStale,
  refetchKey,
  routeHints,
  subscribeEntry,
  wireCache,
} from '../../../../../../renderer/src/platform/api/query-cache';

/** A fetcher whose answers the test releases one by one. */
function controlled() {
  const pending: ((v: unknown) => void)[] = [];
  const fetcher = vi.fn(() => new Promise<unknown>((resolve) => pending.push(resolve)));
  return { fetcher, release: (v: unknown) => pending.shift()?.(v) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
let n = 0;
/** A watched entry under a fresh key. */
function watched(proc: 'orders.list' | 'map.config' | 'accounts.list' = 'orders.list') {
  const key = `${proc} test-${++n}`;
  const c = controlled();
  ensureEntry(key, proc, c.fetcher);
  const stop = subscribeEntry(key, () => undefined);
  return { key, ...c, stop };
}

beforeAll(() => wireCache());

describe('refresh while a fetch is in flight', () => {
  it('does not ask in parallel; asks once more when the first answer lands', async () => {
    const e = watched();
    expect(e.fetcher).toHaveBeenCalledTimes(1);
    // A mutation's refresh, its push hint, a retry: all while the first fetch is in flight.
    markStale((p) => p === 'orders.list');
    markStale((p) => p === 'orders.list');
    refetchKey(e.key);
    expect(e.fetcher).toHaveBeenCalledTimes(1);
    e.release('first');
    await flush();
    // The first answer is shown, and one more fetch covers the changes it may predate.
    expect(e.fetcher).toHaveBeenCalledTimes(2);
    expect(entryState(e.key)).toMatchObject({ data: 'first', loading: true });
    e.release('second');
    await flush();
    expect(e.fetcher).toHaveBeenCalledTimes(2);
    expect(entryState(e.key)).toMatchObject({ data: 'second', loading: false });
  });

  it('asks at once when nothing is in flight', async () => {
    const e = watched();
    e.release('first');
    await flush();
    markStale((p) => p === 'orders.list');
    expect(e.fetcher).toHaveBeenCalledTimes(2);
  });

  it('forgets unwatched entries instead of refetching them', async () => {
    const e = watched();
    e.release('first');
    await flush();
    e.stop();
    markStale((p) => p === 'orders.list');
    expect(e.fetcher).toHaveBeenCalledTimes(1);
    expect(entryState(e.key)).toBeUndefined();
  });
});

describe('大屏模式 switched (invalidate)', () => {
  it('drops the answer in flight: it was asked for with the other masking', async () => {
    const e = watched();
    invalidate(() => true);
    expect(e.fetcher).toHaveBeenCalledTimes(2);
    e.release('unmasked');
    await flush();
    expect(entryState(e.key)?.data).toBeUndefined();
    e.release('masked');
    await flush();
    expect(entryState(e.key)).toMatchObject({ data: 'masked', loading: false });
  });
});

describe('change hints', () => {
  it('refresh everything until the app routes them (only the first calls are cached then)', async () => {
    const orders = watched('orders.list');
    const config = watched('map.config');
    orders.release(1);
    config.release(1);
    await flush();
    bridge.push({ topic: 'map.changed' });
    expect(orders.fetcher).toHaveBeenCalledTimes(2);
    expect(config.fetcher).toHaveBeenCalledTimes(2);
  });

  it('refresh only what the app routes them to once it has loaded', async () => {
    const orders = watched('orders.list');
    const config = watched('map.config');
    orders.release(1);
    config.release(1);
    await flush();
    routeHints((hint: ChangeHint) => (hint.topic === 'orders.changed' ? ['orders.list'] : []));
    bridge.push({ topic: 'orders.changed', orderIds: ['o1'] });
    expect(orders.fetcher).toHaveBeenCalledTimes(2);
    expect(config.fetcher).toHaveBeenCalledTimes(1);
  });
});
