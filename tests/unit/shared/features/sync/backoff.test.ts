import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../../shared/features/sync/backoff';

const P = { baseMs: 1_000, maxMs: 60_000 };

describe('backoffDelay: exponential with full jitter', () => {
  it('grows exponentially up to the cap', () => {
    expect(backoffDelay(1, P, 0.999999)).toBe(1_000);
    expect(backoffDelay(2, P, 0.999999)).toBe(2_000);
    expect(backoffDelay(4, P, 0.999999)).toBe(8_000);
    expect(backoffDelay(20, P, 0.999999)).toBe(60_000);
    expect(backoffDelay(10_000, P, 0.999999)).toBe(60_000);
  });
  it('spreads retries between base and the cap', () => {
    expect(backoffDelay(5, P, 0)).toBe(1_000);
    const mid = backoffDelay(5, P, 0.5);
    expect(mid).toBeGreaterThan(1_000);
    expect(mid).toBeLessThan(16_000);
  });
  it('clamps a bad random source', () => {
    expect(backoffDelay(3, P, -1)).toBe(1_000);
    expect(backoffDelay(3, P, 7)).toBeLessThanOrEqual(4_000);
  });
});
