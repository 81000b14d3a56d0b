/**
 * Login throttling: failed attempts and the locks they cause. In SQLite rather than memory so a
 * restart of the app does not hand a password guesser a fresh allowance.
 */
import type { WritableDb } from '../types';

export function migration0003LoginThrottle(db: WritableDb): void {
  db.exec(`
    -- One row per failed login (wrong name or wrong password), pruned after the longest window.
    CREATE TABLE login_failure (
      seq      INTEGER PRIMARY KEY,
      username TEXT NOT NULL,
      at       INTEGER NOT NULL
    );
    -- Per-name count in the window, and the global count of the last minute (plus pruning).
    CREATE INDEX login_failure_username ON login_failure(username, at);
    CREATE INDEX login_failure_at ON login_failure(at);

    -- A lock per user name (scope 'user') or on every login (scope 'global', username '').
    -- refused counts the attempts turned away while it held, instead of one audit row each.
    CREATE TABLE login_lock (
      scope     TEXT NOT NULL CHECK (scope IN ('user', 'global')),
      username  TEXT NOT NULL,
      locked_at INTEGER NOT NULL,
      until     INTEGER NOT NULL,
      failures  INTEGER NOT NULL,
      refused   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (scope, username)
    ) WITHOUT ROWID;
  `);
}
