/** accounts.*: the admin's account management. Every change is audited with the admin as actor. */
import { ApiError, type AccountRow } from '../../../../shared/contract/index';
import { insertAudit } from '../../store/audit';
import {
  accountNamedLike,
  deleteSessionsOf,
  getAccount,
  insertAccount,
  isPartyMember,
  listAccounts,
  setAccountDisabled,
  setAccountMember,
  setAccountPassword,
  setAccountPermissions,
  setAccountUnit,
  type AccountRecord,
} from './queries-accounts';
import { clearLoginFailures } from './queries-login-throttle';
import type { Handler } from '../../runtime/context';
import { hashPassword } from './passwords';
import { readReferenceSnapshot } from '../../store/reference';

function toRow(a: AccountRecord): AccountRow {
  return {
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    permissions: a.permissions,
    createdAt: a.createdAt,
    disabled: a.disabled,
    ...(a.unitId ? { unitId: a.unitId } : {}),
    ...(a.memberId ? { memberId: a.memberId } : {}),
  };
}

/** A unit account names a unit of the street's reference data. */
function checkUnit(db: Parameters<typeof getAccount>[0], unitId: string | null): void {
  if (unitId !== null && !readReferenceSnapshot(db).units.some((u) => u.id === unitId))
    throw new ApiError('unknown_reference', { params: { what: '单位', id: unitId }, field: 'unitId' });
}

function mustGet(db: Parameters<typeof getAccount>[0], username: string): AccountRecord {
  const a = getAccount(db, username);
  if (!a) throw new ApiError('account_not_found', { params: { username }, field: 'username' });
  return a;
}

export const accountsList: Handler<'accounts.list'> = (_input, _call, env) => listAccounts(env.db).map(toRow);

export const accountsCreate: Handler<'accounts.create'> = async (input, call, env) => {
  // Admin and admin would be two accounts a person cannot tell apart in a list or a log.
  const taken = (): void => {
    const other = accountNamedLike(env.db, input.username);
    if (other) throw new ApiError('username_taken', { params: { username: other }, field: 'username' });
  };
  taken();
  checkUnit(env.db, input.unitId);
  const { salt, hash } = await hashPassword(input.password);
  const now = env.now();
  return env.db
    .transaction(() => {
      taken();
      const a: AccountRecord = {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        salt,
        hash,
        createdAt: now,
        disabled: false,
        permissions: [...new Set(input.permissions)],
        unitId: input.unitId,
      };
      insertAccount(env.db, a);
      insertAudit(env.db, {
        at: now,
        actor: call.actor,
        action: 'accounts.create',
        detail: JSON.stringify({
          username: a.username,
          role: a.role,
          permissions: a.permissions,
          ...(a.unitId ? { unitId: a.unitId } : {}),
        }),
      });
      return toRow(a);
    })
    .immediate();
};

export const accountsSetDisabled: Handler<'accounts.setDisabled'> = (input, call, env) =>
  env.db
    .transaction(() => {
      const a = mustGet(env.db, input.username);
      if (input.disabled && a.username === call.actor) {
        // The last way back in must not be locked by accident.
        throw new ApiError('self_change', { field: 'username' });
      }
      setAccountDisabled(env.db, a.username, input.disabled);
      // A disabled account is logged out everywhere at once.
      if (input.disabled) deleteSessionsOf(env.db, a.username);
      insertAudit(env.db, {
        at: env.now(),
        actor: call.actor,
        action: input.disabled ? 'accounts.disable' : 'accounts.enable',
        detail: JSON.stringify({ username: a.username }),
      });
      return toRow({ ...a, disabled: input.disabled });
    })
    .immediate();

export const accountsSetPermissions: Handler<'accounts.setPermissions'> = (input, call, env) =>
  env.db
    .transaction(() => {
      const a = mustGet(env.db, input.username);
      const permissions = [...new Set(input.permissions)];
      setAccountPermissions(env.db, a.username, permissions);
      insertAudit(env.db, {
        at: env.now(),
        actor: call.actor,
        action: 'accounts.setPermissions',
        detail: JSON.stringify({ username: a.username, from: a.permissions, to: permissions }),
      });
      return toRow({ ...a, permissions });
    })
    .immediate();

/**
 * Makes an account a unit account (or a hall account again). A unit account acts at most as an
 * officer (the gate caps it), so an admin cannot make themselves one: that would lock them out.
 */
export const accountsSetUnit: Handler<'accounts.setUnit'> = (input, call, env) =>
  env.db
    .transaction(() => {
      const a = mustGet(env.db, input.username);
      if (input.unitId !== null && a.username === call.actor)
        throw ApiError.why('self_change', '不能把自己的账号设为单位账号', 'username');
      checkUnit(env.db, input.unitId);
      setAccountUnit(env.db, a.username, input.unitId);
      insertAudit(env.db, {
        at: env.now(),
        actor: call.actor,
        action: 'accounts.setUnit',
        detail: JSON.stringify({ username: a.username, from: a.unitId, to: input.unitId }),
      });
      return toRow({ ...a, unitId: input.unitId });
    })
    .immediate();

/**
 * Links an account to a 双报到 party member (党员接单) or unlinks it. A member account sees and
 * works only the member's own tasks (the gate), so an admin cannot make themselves one.
 */
export const accountsSetMember: Handler<'accounts.setMember'> = (input, call, env) =>
  env.db
    .transaction(() => {
      const a = mustGet(env.db, input.username);
      if (input.memberId !== null && a.username === call.actor)
        throw ApiError.why('self_change', '不能把自己的账号设为党员账号', 'username');
      if (input.memberId !== null && !isPartyMember(env.db, input.memberId))
        throw new ApiError('unknown_reference', {
          params: { what: '党员', id: input.memberId },
          field: 'memberId',
        });
      setAccountMember(env.db, a.username, input.memberId);
      insertAudit(env.db, {
        at: env.now(),
        actor: call.actor,
        action: 'accounts.setMember',
        detail: JSON.stringify({ username: a.username, from: a.memberId ?? null, to: input.memberId }),
      });
      return toRow({ ...a, memberId: input.memberId });
    })
    .immediate();

export const accountsResetPassword: Handler<'accounts.resetPassword'> = async (input, call, env) => {
  mustGet(env.db, input.username);
  const { salt, hash } = await hashPassword(input.password);
  return env.db
    .transaction(() => {
      const a = mustGet(env.db, input.username);
      setAccountPassword(env.db, a.username, salt, hash);
      // Whoever knew the old password is logged out; the new one starts without a lock.
      deleteSessionsOf(env.db, a.username);
      clearLoginFailures(env.db, a.username);
      insertAudit(env.db, {
        at: env.now(),
        actor: call.actor,
        action: 'accounts.resetPassword',
        detail: JSON.stringify({ username: a.username }),
      });
      return toRow(a);
    })
    .immediate();
};
