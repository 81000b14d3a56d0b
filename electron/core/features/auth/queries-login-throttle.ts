/** Failed logins and the addresses accounts signed in from (migrations 0003, 0012). Policy: login-throttle.ts. */
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

/** How many failures and when the last one was. */
export interface FailureCount {
  readonly n: number;
  readonly last: number | null;
}

export function insertLoginFailure(db: WritableDb, username: string, address: string, at: number): void {
  stmt(db, 'INSERT INTO login_failure(username, address, at) VALUES (?, ?, ?)').run(username, address, at);
}

/** Failures from one source address after `since` (exclusive). */
export function failuresFromAddress(db: ReadableDb, address: string, since: number): FailureCount {
  return stmt(
    db,
    'SELECT count(*) AS n, max(at) AS last FROM login_failure WHERE address = ? AND at > ?',
  ).get(address, since) as FailureCount;
}

/** Failures of one name, from any address, after `since` (exclusive). */
export function failuresOfName(db: ReadableDb, username: string, since: number): FailureCount {
  return stmt(
    db,
    'SELECT count(*) AS n, max(at) AS last FROM login_failure WHERE username = ? AND at > ?',
  ).get(username, since) as FailureCount;
}

/** A successful login (or a password reset) wipes the name's slate, and its address's. */
export function clearLoginFailures(db: WritableDb, username: string, address?: string): void {
  stmt(db, 'DELETE FROM login_failure WHERE username = ?').run(username);
  if (address !== undefined) stmt(db, 'DELETE FROM login_failure WHERE address = ?').run(address);
  // Locks of the old policy (0003) no longer apply.
  stmt(db, "DELETE FROM login_lock WHERE scope = 'user' AND username = ?").run(username);
}

/** Drops failures at or before `before`. */
export function pruneLoginFailures(db: WritableDb, before: number): void {
  stmt(db, 'DELETE FROM login_failure WHERE at <= ?').run(before);
}

export function rememberKnownAddress(db: WritableDb, username: string, address: string, at: number): void {
  stmt(
    db,
    `INSERT INTO login_known(username, address, last_ok) VALUES (?, ?, ?)
     ON CONFLICT(username, address) DO UPDATE SET last_ok = excluded.last_ok`,
  ).run(username, address, at);
}

/** True when the account signed in from this address after `since`. */
export function isKnownAddress(db: ReadableDb, username: string, address: string, since: number): boolean {
  return (
    stmt(db, 'SELECT 1 FROM login_known WHERE username = ? AND address = ? AND last_ok > ?').get(
      username,
      address,
      since,
    ) !== undefined
  );
}
