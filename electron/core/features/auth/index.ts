/** auth.* and accounts.*: sign-in, sessions, first-run setup, the admin's accounts. */
import type { ReadableDb } from '../../store/types';
import type { HandlerRegistry } from '../../runtime/registry';
import {
  accountsCreate,
  accountsList,
  accountsResetPassword,
  accountsSetDisabled,
  accountsSetMember,
  accountsSetPermissions,
  accountsSetUnit,
} from './accounts';
import { authLogin, authLogout, authSetup, authStatus } from './auth';
import { getAccount } from './queries-accounts';

export { resolveSession, type SessionUser } from './auth';

export function register(registry: HandlerRegistry): void {
  registry
    .register('auth.status', authStatus)
    .register('auth.setup', authSetup)
    .register('auth.login', authLogin)
    .register('auth.logout', authLogout)
    .register('accounts.list', accountsList)
    .register('accounts.create', accountsCreate)
    .register('accounts.setDisabled', accountsSetDisabled)
    .register('accounts.resetPassword', accountsResetPassword)
    .register('accounts.setPermissions', accountsSetPermissions)
    .register('accounts.setUnit', accountsSetUnit)
    .register('accounts.setMember', accountsSetMember);
}

/** An account's full name as other features show an actor (the user name when unknown). */
export function displayNameOf(db: ReadableDb, username: string): string {
  return getAccount(db, username)?.displayName ?? username;
}
