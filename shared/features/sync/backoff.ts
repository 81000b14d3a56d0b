/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): the wait after the n-th consecutive failure is uniform in [base, min(max, base·2^n)],
 * so many halls coming back after one outage do not hit the hub in step. Pure.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** `failures` ≥ 1; `random` in [0, 1). */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: number): number {
  const exp = Math.min(30, Math.max(0, failures - 1));
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exp);
  return Math.round(policy.baseMs + (cap - policy.baseMs) * Math.min(Math.max(random, 0), 0.999999));
}
