/** A mutation refreshes at once what its declared changes make stale; a failed one refreshes nothing. */
import { describe, expect, it, vi } from 'vitest';

// The transport's IPC bridge, answering per procedure; a minimal `window` before the imports.
const bridge = vi.hoisted(() => {
  const b = {
    answers: new Map<string, unknown>(),
    call: (proc: string): Promise<unknown> =>
      Promise.resolve(b.answers.get(proc) ?? { ok: true, data: { proc } }),
    onChange: () => () => undefined,
  };
  Object.assign(globalThis, {
    window: { hall: b, location: { search: '', href: 'http://hall.test/' }, setTimeout, clearTimeout },
  });
  return b;
});

import { ApiError } from '../../../../../../shared/kernel/api-error';
import { ensureEntry, subscribeEntry } from '../../../../../../renderer/src/platform/api/query-cache';
import { mutate } from '../../../../../../renderer/src/platform/api/use-mutation';

function watched(proc: 'accounts.list' | 'orders.list' | 'awareness.alarms') {
  const key = `${proc} {}`;
  const fetcher = vi.fn(() => Promise.resolve([]));
  ensureEntry(key, proc, fetcher);
  subscribeEntry(key, () => undefined);
  return fetcher;
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('mutate', () => {
  it('refreshes the queries its changes make stale, and only those', async () => {
    const accounts = watched('accounts.list');
    const orders = watched('orders.list');
    await flush();
    await expect(mutate('accounts.setDisabled', { username: 'li', disabled: true })).resolves.toEqual({
      proc: 'accounts.setDisabled',
    });
    expect(accounts).toHaveBeenCalledTimes(2);
    expect(orders).toHaveBeenCalledTimes(1);
  });

  it('refreshes nothing when the core refuses, and rejects with the reason', async () => {
    const alarms = watched('awareness.alarms');
    await flush();
    bridge.answers.set('awareness.acknowledgeAlarm', {
      ok: false,
      error: { code: 'rejected', reason: 'not_an_alarm', message: '只有特急(P0)、紧急(P1)工单需要确认告警' },
    });
    const err = await mutate('awareness.acknowledgeAlarm', { orderId: 'o1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).reason).toBe('not_an_alarm');
    expect(alarms).toHaveBeenCalledTimes(1);
  });
});
