import { describe, expect, it } from 'vitest';
import { nextBackoffMs } from '../../../../../../renderer/src/platform/api/backoff';

describe('reconnect backoff', () => {
  it('grows exponentially, stays within jitter bounds and is capped', () => {
    expect(nextBackoffMs(1, 0)).toBe(250);
    expect(nextBackoffMs(1, 0.999999)).toBe(500);
    expect(nextBackoffMs(3, 0)).toBe(1000);
    expect(nextBackoffMs(50, 0.999999)).toBe(15_000);
    expect(nextBackoffMs(50, 0)).toBe(7_500);
  });
});
