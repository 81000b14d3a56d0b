/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): the wait after the n-th consecutive failure is uniform in [base, min(max, base·2^n)],
 * so many halls coming back after one outage do not hit the hub in step. Pure.
 *
 * The cap is 10 s (issue 12): an offline hall probes the hub at least every 10 s, so once the
 * hub answers again it is back within one probe (≤ 10 s, 3–4 s on average) instead of up to the
 * 5 minutes the old cap allowed. A probe is one small request; 300 halls at one per 1–10 s each,
 * spread by the jitter, are ~55 requests a second for a hub that comes back — nothing.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 10_000 };

/** `failures` ≥ 1; `random` in [0, 1). */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: number): number {
  const exp = Math.min(30, Math.max(0, failures - 1));
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exp);
  return Math.round(policy.baseMs + (cap - policy.baseMs) * Math.min(Math.max(random, 0), 0.999999));
}
