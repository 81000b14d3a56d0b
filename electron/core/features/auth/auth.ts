/**
 * auth.*: first-run setup, login, logout, status; and resolveSession, which the hosts use to
 * turn a session token into the caller's role and actor. Every login, failed login and logout
 * is written to the audit log. Repeated failures slow the source address and the name down
 * (login-throttle.ts). First-run setup is for the local machine only: a LAN token never creates
 * the first administrator.
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
import { clearLoginFailures, rememberKnownAddress } from './queries-login-throttle';
import { isDemo } from '../../store/meta';
import type { WritableDb } from '../../store/types';
import type { Handler, ReadEnv } from '../../runtime/context';
import { loginWaitFor, recordLoginFailure, throttledError } from './login-throttle';
import {
  hashPassword,
  newSessionToken,
  SESSION_TTL_MS,
  tokenHash,
  verifyAgainstDummyInSlot,
  verifyPasswordInSlot,
  withHashSlot,
} from './passwords';

export interface SessionUser extends AuthUser {
  /** The audit trail's actor for this caller. */
  readonly actor: string;
}

function toAuthUser(a: AccountRecord): AuthUser {
  return {
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    permissions: a.permissions,
    // Only a unit account carries its unit; a hall account's user is as before.
    ...(a.unitId ? { unitId: a.unitId } : {}),
    // Only a member account carries its member (党员接单).
    ...(a.memberId ? { memberId: a.memberId } : {}),
  };
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
  // The gate resolved the session: `call.session` is set only for a live one, and `call.role` is
  // the account's role as this caller may use it (a wall is capped at viewer).
  const su = call.session ? resolveSession(env, call.session) : null;
  if (su && call.role)
    return {
      needsSetup,
      demo,
      session: true,
      user: {
        username: su.username,
        displayName: su.displayName,
        role: call.role,
        // A wall is capped at viewer: no permission goes with it.
        permissions: call.wall ? [] : su.permissions,
        ...(su.unitId && !call.wall ? { unitId: su.unitId } : {}),
        ...(su.memberId && !call.wall ? { memberId: su.memberId } : {}),
      },
    };
  // A wall token or a host's --loopback-role: a role without an account.
  const user = call.role
    ? { username: call.actor, displayName: call.actor, role: call.role, permissions: [] }
    : null;
  return { needsSetup, demo, session: false, user };
};

export const authSetup: Handler<'auth.setup'> = async (input, call, env) => {
  // The first administrator is created at the machine itself, never over the network: a LAN
  // viewer token must not be able to take an empty hall (issue 11, item 3).
  if (call.local !== true) throw new ApiError('local_only');
  if (accountCount(env.db) > 0) throw new ApiError('already_set_up');
  // Hash outside the transaction: scrypt takes tens of ms and needs no lock.
  const { salt, hash } = await hashPassword(input.password);
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
        // An admin has every permission with the role.
        permissions: [],
        unitId: null,
      };
      insertAccount(env.db, a);
      insertAudit(env.db, {
        at: now,
        actor: input.username,
        action: 'auth.setup',
        detail: JSON.stringify({ username: input.username, role, address: call.address ?? '' }),
      });
      const token = startSession(env.db, input.username, now);
      insertAudit(env.db, { at: now, actor: input.username, action: 'auth.login' });
      return { user: toAuthUser(a), token };
    })
    .immediate();
};

export const authLogin: Handler<'auth.login'> = async (input, call, env) => {
  const actor = call.role ? call.actor : 'anonymous';
  const address = (call.address ?? '').slice(0, 64);
  const early = loginWaitFor(env.db, input.username, address, env.now());
  // Too early: refused at once, no scrypt, not counted — a flood costs the hall nothing.
  if (early) throw throttledError(early, env.now());
  const ok = await withHashSlot(async () => {
    // Attempts queued behind others from the same address meet the delays those others started.
    const wait = loginWaitFor(env.db, input.username, address, env.now());
    if (wait) throw throttledError(wait, env.now());
    const a = getAccount(env.db, input.username);
    // Same work on every path: an unknown name still runs scrypt once.
    return a
      ? verifyPasswordInSlot(input.password, a.salt, a.hash)
      : verifyAgainstDummyInSlot(input.password);
  });
  const now = env.now();
  // Read again after the hashing: the account may have been disabled meanwhile.
  const account = getAccount(env.db, input.username);
  if (!account || !ok || account.disabled) {
    const badCredentials = !account || !ok;
    env.db
      .transaction(() => {
        insertAudit(env.db, {
          at: now,
          actor,
          action: 'auth.login_failed',
          detail: JSON.stringify({
            username: input.username.slice(0, 64),
            reason: badCredentials ? 'bad_credentials' : 'disabled',
            address,
          }),
        });
        // The right password of a disabled account is not a guess: it does not count.
        if (badCredentials) recordLoginFailure(env.db, input.username, address, now, actor);
      })
      .immediate();
    // A disabled account hears so only after the right password: it reveals nothing to a guesser.
    if (!badCredentials) throw new ApiError('account_disabled');
    // One answer for an unknown name and a wrong password: which one it was is not told.
    throw new ApiError('bad_credentials');
  }
  return env.db
    .transaction(() => {
      pruneSessions(env.db, now);
      clearLoginFailures(env.db, account.username, address);
      rememberKnownAddress(env.db, account.username, address, now);
      const token = startSession(env.db, account.username, now);
      insertAudit(env.db, {
        at: now,
        actor: account.username,
        action: 'auth.login',
        detail: JSON.stringify({ address }),
      });
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
