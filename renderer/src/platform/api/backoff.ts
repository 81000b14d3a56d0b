/**
 * Reconnect delay: exponential from 500 ms, capped at 15 s, with "equal jitter" so a room of
 * wall displays does not reconnect in lock-step after the host restarts.
 * `random` is injected (0 ≤ r < 1) to keep this pure and testable.
 */
export function nextBackoffMs(attempt: number, random: number): number {
  const base = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (base / 2) * random);
}
