/**
 * Login throttling. Per user name: 5 failed logins within 15 minutes lock that name for 15
 * minutes. Across all names: 30 failures within one minute (password spraying) lock every login
 * for 5 minutes. Unknown names are counted and locked exactly like real ones, so a lock tells a
 * guesser nothing about which accounts exist. While a lock holds, the password is not checked at
 * all (auth.ts still runs scrypt against the dummy hash so the answer takes the same time).
 * State lives in SQLite (login_failure, login_lock): a restart does not reset it.
 */
import { ApiError } from '../../../../shared/contract/index';
import { insertAudit } from '../../store/audit';
import {
  activeLock,
  allFailuresSince,
  failuresSince,
  insertLoginFailure,
  pruneLoginThrottle,
  setLock,
  type LoginLock,
} from './queries-login-throttle';
import type { WritableDb } from '../../store/types';

const MINUTE = 60_000;

export const LOGIN_THROTTLE = {
  userMaxFailures: 5,
  userWindowMs: 15 * MINUTE,
  userLockMs: 15 * MINUTE,
  globalMaxFailures: 30,
  globalWindowMs: MINUTE,
  globalLockMs: 5 * MINUTE,
} as const;

/** The refusal while locked; N is the whole minutes left, rounded up (at least 1). */
export function lockedError(until: number, now: number): ApiError {
  const minutes = Math.max(1, Math.ceil((until - now) / MINUTE));
  return new ApiError('login_locked', { params: { minutes: String(minutes) } });
}

function later(a: LoginLock | null, b: LoginLock | null): LoginLock | null {
  if (!a) return b;
  if (!b) return a;
  return b.until > a.until ? b : a;
}

/** The lock that refuses a login by this name now (its own or the global one), or null. */
export function loginLockFor(db: WritableDb, username: string, now: number): LoginLock | null {
  return later(activeLock(db, 'user', username, now), activeLock(db, 'global', '', now));
}

/**
 * Records one failed login (call inside the caller's transaction). Returns the lock this failure
 * started, or null; every new lock is written to the audit log as `auth.locked`.
 */
export function recordLoginFailure(
  db: WritableDb,
  username: string,
  now: number,
  actor: string,
): LoginLock | null {
  const t = LOGIN_THROTTLE;
  pruneLoginThrottle(db, now - Math.max(t.userWindowMs, t.globalWindowMs), now);
  insertLoginFailure(db, username, now);
  let started: LoginLock | null = null;
  const lock = (scope: 'user' | 'global', name: string, failures: number, ms: number): void => {
    const l: LoginLock = { scope, username: name, lockedAt: now, until: now + ms, failures, refused: 0 };
    setLock(db, l);
    insertAudit(db, {
      at: now,
      actor,
      action: 'auth.locked',
      detail: JSON.stringify({ scope, username: scope === 'user' ? name : null, failures, until: l.until }),
    });
    started = later(started, l);
  };
  // The lock lasts as long as the window, so the failures that caused it have left the window
  // by the time it ends: the name starts again from zero.
  const mine = failuresSince(db, username, now - t.userWindowMs);
  if (mine >= t.userMaxFailures) lock('user', username, mine, t.userLockMs);
  const all = allFailuresSince(db, now - t.globalWindowMs);
  if (all >= t.globalMaxFailures) lock('global', '', all, t.globalLockMs);
  return started;
}
