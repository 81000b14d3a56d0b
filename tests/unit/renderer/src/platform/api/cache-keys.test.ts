import { describe, expect, it } from 'vitest';
import {
  procsForHint,
  queryKey,
  stableStringify,
} from '../../../../../../renderer/src/platform/api/cache-keys';
import { nextBackoffMs } from '../../../../../../renderer/src/platform/api/backoff';

describe('query keys', () => {
  it('do not depend on property order or undefined fields', () => {
    expect(queryKey('orders.list', { q: '噪音', limit: 100 })).toBe(
      queryKey('orders.list', { limit: 100, q: '噪音', cursor: undefined }),
    );
    expect(queryKey('orders.list', { q: 'a' })).not.toBe(queryKey('orders.list', { q: 'b' }));
    expect(queryKey('orders.get', { orderId: 'x' })).not.toBe(queryKey('orders.list', { orderId: 'x' }));
  });
  it('stringify nested values stably', () => {
    expect(stableStringify({ b: [2, { d: 1, c: 0 }], a: null })).toBe('{"a":null,"b":[2,{"c":0,"d":1}]}');
  });
});

describe('change hints', () => {
  it('orders.changed makes orders, stats and system counters stale', () => {
    const p = procsForHint({ topic: 'orders.changed', orderIds: ['o1'] });
    expect(p).toEqual(expect.arrayContaining(['orders.', 'stats.']));
    expect(p.some((x) => 'reference.snapshot'.startsWith(x))).toBe(false);
  });
  it('orders.changed refreshes the wall first and leaves settings alone', () => {
    const p = procsForHint({ topic: 'orders.changed', orderIds: ['o1'] });
    expect(p[0]).toBe('awareness.');
    expect(p.some((x) => 'map.orders'.startsWith(x))).toBe(true);
    expect(p.some((x) => 'map.config'.startsWith(x))).toBe(false);
    expect(p.some((x) => 'sync.conflicts'.startsWith(x))).toBe(false);
  });
  it('system.changed only touches system.*', () => {
    expect(procsForHint({ topic: 'system.changed' })).toEqual(['system.']);
  });
});

describe('reconnect backoff', () => {
  it('grows exponentially, stays within jitter bounds and is capped', () => {
    expect(nextBackoffMs(1, 0)).toBe(250);
    expect(nextBackoffMs(1, 0.999999)).toBe(500);
    expect(nextBackoffMs(3, 0)).toBe(1000);
    expect(nextBackoffMs(50, 0.999999)).toBe(15_000);
    expect(nextBackoffMs(50, 0)).toBe(7_500);
  });
});
