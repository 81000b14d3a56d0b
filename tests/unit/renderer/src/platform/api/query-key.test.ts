import { describe, expect, it } from 'vitest';
import { queryKey, stableStringify } from '../../../../../../renderer/src/platform/api/query-key';

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
