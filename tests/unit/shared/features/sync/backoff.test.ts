import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../../../shared/features/sync/backoff';

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

  it('probes an offline hub at least every 10 s by default, spread over 1–10 s (issue 12)', () => {
    for (const failures of [1, 3, 5, 8, 50, 10_000])
      for (const r of [0, 0.25, 0.5, 0.999999]) {
        const d = backoffDelay(failures, DEFAULT_BACKOFF, r);
        expect(d).toBeGreaterThanOrEqual(1_000);
        expect(d).toBeLessThanOrEqual(10_000);
      }
    expect(backoffDelay(50, DEFAULT_BACKOFF, 0)).toBe(1_000);
    expect(backoffDelay(50, DEFAULT_BACKOFF, 0.5)).toBe(5_500);
  });
});
