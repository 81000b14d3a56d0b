/** Accounts and sessions. Secrets never leave this layer except as salt/hash for verification. */
import { isPermission, type Permission, type Role } from '../../../../shared/contract/index';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface AccountRecord {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly salt: Buffer;
  readonly hash: Buffer;
  readonly createdAt: number;
  readonly disabled: boolean;
  /** Granted beside the role (migration 13). */
  readonly permissions: readonly Permission[];
  /** The unit the account belongs to (a unit account), or null (migration 20). */
  readonly unitId: string | null;
  /** The 双报到 party member the account is linked to (a member account), or null (migration 26). */
  readonly memberId?: string | null;
}

interface AccountSqlRow {
  username: string;
  display_name: string;
  role: Role;
  salt: Buffer;
  hash: Buffer;
  created_at: number;
  disabled: number;
  permissions: string;
  unit_id: string | null;
  member_id: string | null;
}

const COLS =
  'username, display_name, role, salt, hash, created_at, disabled, permissions, unit_id, member_id';

function toRecord(r: AccountSqlRow): AccountRecord {
  return {
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    salt: r.salt,
    hash: r.hash,
    createdAt: r.created_at,
    disabled: r.disabled !== 0,
    permissions: r.permissions.split(',').filter(isPermission),
    unitId: r.unit_id ?? null,
    memberId: r.member_id ?? null,
  };
}

export function accountCount(db: ReadableDb): number {
  return (stmt(db, 'SELECT count(*) AS n FROM account').get() as { n: number }).n;
}

export function getAccount(db: ReadableDb, username: string): AccountRecord | null {
  const r = stmt(db, `SELECT ${COLS} FROM account WHERE username = ?`).get(username) as
    AccountSqlRow | undefined;
  return r ? toRecord(r) : null;
}

/** The account whose name equals `username` ignoring case (Admin vs admin), or null. */
export function accountNamedLike(db: ReadableDb, username: string): string | null {
  const r = stmt(db, 'SELECT username FROM account WHERE username = ? COLLATE NOCASE LIMIT 1').get(
    username,
  ) as { username: string } | undefined;
  return r?.username ?? null;
}

export function listAccounts(db: ReadableDb): AccountRecord[] {
  return (stmt(db, `SELECT ${COLS} FROM account ORDER BY username`).all() as AccountSqlRow[]).map(toRecord);
}

export function insertAccount(db: WritableDb, a: AccountRecord): void {
  stmt(
    db,
    'INSERT INTO account(username, display_name, role, salt, hash, created_at, disabled, permissions, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    a.username,
    a.displayName,
    a.role,
    a.salt,
    a.hash,
    a.createdAt,
    a.disabled ? 1 : 0,
    a.permissions.join(','),
    a.unitId,
  );
}

export function setAccountUnit(db: WritableDb, username: string, unitId: string | null): void {
  stmt(db, 'UPDATE account SET unit_id = ? WHERE username = ?').run(unitId, username);
}

export function setAccountMember(db: WritableDb, username: string, memberId: string | null): void {
  stmt(db, 'UPDATE account SET member_id = ? WHERE username = ?').run(memberId, username);
}

/** Is `personId` a 双报到 party member of the reference data (a member account's link)? */
export function isPartyMember(db: ReadableDb, personId: string): boolean {
  return (
    stmt(db, `SELECT 1 FROM person WHERE id = ? AND json_extract(json, '$.role') = 'party_member'`).get(
      personId,
    ) !== undefined
  );
}

export function setAccountPermissions(
  db: WritableDb,
  username: string,
  permissions: readonly Permission[],
): void {
  stmt(db, 'UPDATE account SET permissions = ? WHERE username = ?').run(permissions.join(','), username);
}

export function setAccountDisabled(db: WritableDb, username: string, disabled: boolean): void {
  stmt(db, 'UPDATE account SET disabled = ? WHERE username = ?').run(disabled ? 1 : 0, username);
}

export function setAccountPassword(db: WritableDb, username: string, salt: Buffer, hash: Buffer): void {
  stmt(db, 'UPDATE account SET salt = ?, hash = ? WHERE username = ?').run(salt, hash, username);
}

export function insertSession(
  db: WritableDb,
  s: { tokenHash: string; username: string; createdAt: number; expiresAt: number },
): void {
  stmt(db, 'INSERT INTO session(token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    s.tokenHash,
    s.username,
    s.createdAt,
    s.expiresAt,
  );
}

/** The live session's account, or null (unknown, expired, or the account is disabled). */
export function sessionAccount(db: ReadableDb, tokenHash: string, now: number): AccountRecord | null {
  const r = stmt(
    db,
    `SELECT a.username, a.display_name, a.role, a.salt, a.hash, a.created_at, a.disabled, a.permissions,
            a.unit_id, a.member_id
       FROM session s JOIN account a ON a.username = s.username
      WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0`,
  ).get(tokenHash, now) as AccountSqlRow | undefined;
  return r ? toRecord(r) : null;
}

export function deleteSession(db: WritableDb, tokenHash: string): number {
  return stmt(db, 'DELETE FROM session WHERE token_hash = ?').run(tokenHash).changes;
}

export function deleteSessionsOf(db: WritableDb, username: string): number {
  return stmt(db, 'DELETE FROM session WHERE username = ?').run(username).changes;
}

export function pruneSessions(db: WritableDb, now: number): number {
  return stmt(db, 'DELETE FROM session WHERE expires_at <= ?').run(now).changes;
}
