/**
 * Login throttling: growing delays, never a lock-out of the hall (issue 11 item 5).
 *
 * - Per source address: 3 failures within 15 minutes are free; after that each further attempt
 *   from that address must wait 1 s, 2 s, 4 s … (doubling per failure, at most 5 minutes) after
 *   the last failure. A guesser at one workstation slows only that workstation.
 * - Per account, from addresses it has not signed in from in the last 90 days: 5 failures are
 *   free, then 1 s, 2 s … at most 60 s. Guessing one name from many machines is slowed, but the
 *   account's owner at a workstation they have used before is never held up by it.
 * - There is no global lock: 30 failures across names no longer stop every login in the hall.
 * - An attempt that comes too early is refused at once (`login_throttled`, with the seconds to
 *   wait), without running scrypt and without counting as a failure: a flood costs the hall
 *   almost nothing. Unknown names count exactly like real ones, so a delay says nothing about
 *   which accounts exist.
 * State lives in SQLite (login_failure with its address, login_known): a restart does not reset it.
 */
import { ApiError } from '../../../../shared/contract/index';
import { insertAudit } from '../../store/audit';
import type { ReadableDb, WritableDb } from '../../store/types';
import {
  failuresFromAddress,
  failuresOfName,
  insertLoginFailure,
  isKnownAddress,
  pruneLoginFailures,
} from './queries-login-throttle';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const LOGIN_THROTTLE = {
  windowMs: 15 * MINUTE,
  addressFree: 3,
  addressMaxDelayMs: 5 * MINUTE,
  accountFree: 5,
  accountMaxDelayMs: MINUTE,
  firstDelayMs: SECOND,
  knownAddressMs: 90 * 24 * 60 * MINUTE,
} as const;

/** The wait after `failures` failures when `free` of them cost nothing. */
export function delayAfter(failures: number, free: number, maxMs: number): number {
  if (failures < free) return 0;
  return Math.min(maxMs, LOGIN_THROTTLE.firstDelayMs * 2 ** Math.min(30, failures - free));
}

export interface LoginWait {
  readonly scope: 'address' | 'account';
  readonly until: number;
}

/** When this attempt must wait (per address, then per account from an unknown address), or null. */
export function loginWaitFor(
  db: ReadableDb,
  username: string,
  address: string,
  now: number,
): LoginWait | null {
  const t = LOGIN_THROTTLE;
  const since = now - t.windowMs;
  let wait: LoginWait | null = null;
  const byAddress = failuresFromAddress(db, address, since);
  if (byAddress.last !== null) {
    const until = byAddress.last + delayAfter(byAddress.n, t.addressFree, t.addressMaxDelayMs);
    if (until > now) wait = { scope: 'address', until };
  }
  if (!isKnownAddress(db, username, address, now - t.knownAddressMs)) {
    const byName = failuresOfName(db, username, since);
    if (byName.last !== null) {
      const until = byName.last + delayAfter(byName.n, t.accountFree, t.accountMaxDelayMs);
      if (until > now && (!wait || until > wait.until)) wait = { scope: 'account', until };
    }
  }
  return wait;
}

/** The refusal of an attempt that came too early; N is the whole seconds left (at least 1). */
export function throttledError(wait: LoginWait, now: number): ApiError {
  const seconds = Math.max(1, Math.ceil((wait.until - now) / SECOND));
  return new ApiError('login_throttled', { params: { seconds: String(seconds) } });
}

/**
 * Records one failed login (call inside the caller's transaction). The failure that makes the
 * address or the name start waiting is audited as `auth.throttled`.
 */
export function recordLoginFailure(
  db: WritableDb,
  username: string,
  address: string,
  now: number,
  actor: string,
): void {
  const t = LOGIN_THROTTLE;
  pruneLoginFailures(db, now - t.windowMs);
  insertLoginFailure(db, username, address, now);
  const since = now - t.windowMs;
  const byAddress = failuresFromAddress(db, address, since).n;
  const byName = failuresOfName(db, username, since).n;
  const started: Array<{ scope: 'address' | 'account'; failures: number }> = [];
  if (byAddress === t.addressFree) started.push({ scope: 'address', failures: byAddress });
  if (byName === t.accountFree) started.push({ scope: 'account', failures: byName });
  for (const s of started) {
    insertAudit(db, {
      at: now,
      actor,
      action: 'auth.throttled',
      detail: JSON.stringify({
        scope: s.scope,
        username: username.slice(0, 64),
        address,
        failures: s.failures,
      }),
    });
  }
}
