/** Local accounts and their sessions (security baseline: roles, scrypt hashes, audited logins). */
import type { WritableDb } from '../types';

export function migration0002Accounts(db: WritableDb): void {
  db.exec(`
    CREATE TABLE account (
      username     TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      role         TEXT NOT NULL CHECK (role IN ('viewer', 'officer', 'commander', 'admin')),
      salt         BLOB NOT NULL,
      hash         BLOB NOT NULL,
      created_at   INTEGER NOT NULL,
      disabled     INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;

    -- Only the sha256 of a session token is stored: a copy of the database logs nobody in.
    CREATE TABLE session (
      token_hash TEXT PRIMARY KEY,
      username   TEXT NOT NULL REFERENCES account(username),
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX session_username ON session(username);
    CREATE INDEX session_expires ON session(expires_at);
  `);
}
