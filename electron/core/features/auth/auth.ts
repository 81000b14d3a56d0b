/**
 * auth.*: first-run setup, login, logout, status; and resolveSession, which the hosts use to
 * turn a session token into the caller's role and actor. Every login, failed login and logout
 * is written to the audit log. Repeated failures lock the name (login-throttle.ts).
 */
import { ApiError, type AuthUser, type Role } from '../../../../shared/contract/index';
import { insertAudit } from '../../store/audit';
import {
  accountCount,
  deleteSession,
  getAccount,
  insertAccount,
  insertSession,
  pruneSessions,
  sessionAccount,
  type AccountRecord,
} from './queries-accounts';
import { clearLoginFailures, countRefused } from './queries-login-throttle';
import { isDemo } from '../../store/meta';
import type { WritableDb } from '../../store/types';
import type { Handler, ReadEnv } from '../../runtime/context';
import { lockedError, loginLockFor, recordLoginFailure } from './login-throttle';
import {
  hashPassword,
  newSessionToken,
  SESSION_TTL_MS,
  tokenHash,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords';

export interface SessionUser extends AuthUser {
  /** The audit trail's actor for this caller. */
  readonly actor: string;
}

function toAuthUser(a: AccountRecord): AuthUser {
  return { username: a.username, displayName: a.displayName, role: a.role };
}

/**
 * The live session's user, or null (unknown, expired, disabled account). A read: it runs on the
 * read pool; expired sessions are pruned by the writer at each login.
 */
export function resolveSession(env: ReadEnv, token: string | null | undefined): SessionUser | null {
  if (!token || token.length > 200) return null;
  const a = sessionAccount(env.db, tokenHash(token), env.now());
  return a ? { ...toAuthUser(a), actor: a.username } : null;
}

function startSession(db: WritableDb, username: string, now: number): string {
  const token = newSessionToken();
  insertSession(db, {
    tokenHash: tokenHash(token),
    username,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
  });
  return token;
}

export const authStatus: Handler<'auth.status'> = (_input, call, env) => {
  const needsSetup = accountCount(env.db) === 0;
  const demo = isDemo(env.db);
  // The gate resolved the session: `call.session` is set only for a live one.
  const su = call.session ? resolveSession(env, call.session) : null;
  if (su)
    return {
      needsSetup,
      demo,
      session: true,
      user: { username: su.username, displayName: su.displayName, role: su.role },
    };
  // A wall token or a host's --loopback-role: a role without an account.
  const user = call.role ? { username: call.actor, displayName: call.actor, role: call.role } : null;
  return { needsSetup, demo, session: false, user };
};

export const authSetup: Handler<'auth.setup'> = (input, _call, env) => {
  // Hash outside the transaction: scrypt takes tens of ms and needs no lock.
  const { salt, hash } = hashPassword(input.password);
  const now = env.now();
  return env.db
    .transaction(() => {
      if (accountCount(env.db) > 0) {
        throw new ApiError('already_set_up');
      }
      const role: Role = 'admin';
      const a: AccountRecord = {
        username: input.username,
        displayName: input.displayName,
        role,
        salt,
        hash,
        createdAt: now,
        disabled: false,
      };
      insertAccount(env.db, a);
      insertAudit(env.db, {
        at: now,
        actor: input.username,
        action: 'auth.setup',
        detail: JSON.stringify({ username: input.username, role }),
      });
      const token = startSession(env.db, input.username, now);
      insertAudit(env.db, { at: now, actor: input.username, action: 'auth.login' });
      return { user: toAuthUser(a), token };
    })
    .immediate();
};

export const authLogin: Handler<'auth.login'> = (input, call, env) => {
  const now = env.now();
  const actor = call.role ? call.actor : 'anonymous';
  const locked = loginLockFor(env.db, input.username, now);
  if (locked) {
    // The password is not checked while locked; the dummy scrypt keeps the answer time the same.
    verifyAgainstDummy(input.password);
    countRefused(env.db, locked.scope, locked.username);
    throw lockedError(locked.until, now);
  }
  const account = getAccount(env.db, input.username);
  // Same work on every path: an unknown name still runs scrypt once.
  const ok = account
    ? verifyPassword(input.password, account.salt, account.hash)
    : verifyAgainstDummy(input.password);
  if (!account || !ok || account.disabled) {
    const badCredentials = !account || !ok;
    const started = env.db
      .transaction(() => {
        insertAudit(env.db, {
          at: now,
          actor,
          action: 'auth.login_failed',
          detail: JSON.stringify({
            username: input.username.slice(0, 64),
            reason: badCredentials ? 'bad_credentials' : 'disabled',
          }),
        });
        // The right password of a disabled account is not a guess: it does not count.
        return badCredentials ? recordLoginFailure(env.db, input.username, now, actor) : null;
      })
      .immediate();
    // A disabled account hears so only after the right password: it reveals nothing to a guesser.
    if (!badCredentials) throw new ApiError('account_disabled');
    if (started) throw lockedError(started.until, now);
    // One answer for an unknown name and a wrong password: which one it was is not told.
    throw new ApiError('bad_credentials');
  }
  return env.db
    .transaction(() => {
      pruneSessions(env.db, now);
      clearLoginFailures(env.db, account.username);
      const token = startSession(env.db, account.username, now);
      insertAudit(env.db, { at: now, actor: account.username, action: 'auth.login' });
      return { user: toAuthUser(account), token };
    })
    .immediate();
};

export const authLogout: Handler<'auth.logout'> = (_input, call, env) => {
  const su = resolveSession(env, call.session);
  if (!su || !call.session) return { loggedOut: false };
  deleteSession(env.db, tokenHash(call.session));
  insertAudit(env.db, { at: env.now(), actor: su.actor, action: 'auth.logout' });
  return { loggedOut: true };
};
