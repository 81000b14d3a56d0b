/** Failed logins and login locks (migration 0003). The policy is in services/login-throttle.ts. */
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export type LockScope = 'user' | 'global';

export interface LoginLock {
  readonly scope: LockScope;
  readonly username: string;
  readonly lockedAt: number;
  readonly until: number;
  readonly failures: number;
  readonly refused: number;
}

const LOCK_COLS = 'scope, username, locked_at AS lockedAt, until, failures, refused';

/** The lock of this scope/name that still holds at `now`, or null. */
export function activeLock(
  db: ReadableDb,
  scope: LockScope,
  username: string,
  now: number,
): LoginLock | null {
  const r = stmt(
    db,
    `SELECT ${LOCK_COLS} FROM login_lock WHERE scope = ? AND username = ? AND until > ?`,
  ).get(scope, username, now) as LoginLock | undefined;
  return r ?? null;
}

export function setLock(db: WritableDb, lock: Omit<LoginLock, 'refused'>): void {
  stmt(
    db,
    `INSERT INTO login_lock(scope, username, locked_at, until, failures, refused) VALUES (?, ?, ?, ?, ?, 0)
     ON CONFLICT(scope, username) DO UPDATE SET
       locked_at = excluded.locked_at, until = excluded.until, failures = excluded.failures, refused = 0`,
  ).run(lock.scope, lock.username, lock.lockedAt, lock.until, lock.failures);
}

export function countRefused(db: WritableDb, scope: LockScope, username: string): void {
  stmt(db, 'UPDATE login_lock SET refused = refused + 1 WHERE scope = ? AND username = ?').run(
    scope,
    username,
  );
}

export function insertLoginFailure(db: WritableDb, username: string, at: number): void {
  stmt(db, 'INSERT INTO login_failure(username, at) VALUES (?, ?)').run(username, at);
}

/** Failures of one name after `since` (exclusive). */
export function failuresSince(db: ReadableDb, username: string, since: number): number {
  return (
    stmt(db, 'SELECT count(*) AS n FROM login_failure WHERE username = ? AND at > ?').get(
      username,
      since,
    ) as { n: number }
  ).n;
}

/** Failures of every name after `since` (exclusive). */
export function allFailuresSince(db: ReadableDb, since: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM login_failure WHERE at > ?').get(since) as { n: number }).n;
}

/** A successful login (or a password reset) wipes the name's slate. */
export function clearLoginFailures(db: WritableDb, username: string): void {
  stmt(db, 'DELETE FROM login_failure WHERE username = ?').run(username);
  stmt(db, "DELETE FROM login_lock WHERE scope = 'user' AND username = ?").run(username);
}

/** Drops failures at or before `before` and locks that ended at or before `now`. */
export function pruneLoginThrottle(db: WritableDb, before: number, now: number): void {
  stmt(db, 'DELETE FROM login_failure WHERE at <= ?').run(before);
  stmt(db, 'DELETE FROM login_lock WHERE until <= ?').run(now);
}
