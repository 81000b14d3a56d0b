/** accounts.*: the admin's account management. Every change is audited with the admin as actor. */
import { ApiError, type AccountRow } from '../../../../shared/contract/index';
import { insertAudit } from '../../store/audit';
import {
  deleteSessionsOf,
  getAccount,
  insertAccount,
  listAccounts,
  setAccountDisabled,
  setAccountPassword,
  type AccountRecord,
} from './queries-accounts';
import { clearLoginFailures } from './queries-login-throttle';
import type { Handler } from '../../runtime/context';
import { hashPassword } from './passwords';

function toRow(a: AccountRecord): AccountRow {
  return {
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    createdAt: a.createdAt,
    disabled: a.disabled,
  };
}

function mustGet(db: Parameters<typeof getAccount>[0], username: string): AccountRecord {
  const a = getAccount(db, username);
  if (!a) throw new ApiError('account_not_found', { params: { username }, field: 'username' });
  return a;
}

export const accountsList: Handler<'accounts.list'> = (_input, _call, env) => listAccounts(env.db).map(toRow);

export const accountsCreate: Handler<'accounts.create'> = (input, call, env) => {
  const { salt, hash } = hashPassword(input.password);
  const now = env.now();
  return env.db
    .transaction(() => {
      if (getAccount(env.db, input.username)) {
        throw new ApiError('username_taken', { params: { username: input.username }, field: 'username' });
      }
      const a: AccountRecord = {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        salt,
        hash,
        createdAt: now,
        disabled: false,
      };
      insertAccount(env.db, a);
      insertAudit(env.db, {
        at: now,
        actor: call.actor,
        action: 'accounts.create',
        detail: JSON.stringify({ username: a.username, role: a.role }),
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

export const accountsResetPassword: Handler<'accounts.resetPassword'> = (input, call, env) => {
  const { salt, hash } = hashPassword(input.password);
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
