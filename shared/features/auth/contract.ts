/** The auth.* and accounts.* procedures: sign-in, first-run setup, the admin's account management. */
import { z } from 'zod';
import { mutation, publicProc, query, type Proc } from '../../kernel/proc';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../../kernel/roles';
import { SAFE_ID, SAFE_ID_MESSAGE } from '../orders/safe-text';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE_TEXT, passwordProblem } from './password-policy';

/** The signed-in user as the renderer shows them (never the password hash or the session token). */
export interface AuthUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Granted beside the role (核查结案); commanders and admins have every permission anyway. */
  readonly permissions: readonly Permission[];
  /**
   * A unit account's unit (issue 15): it sees the orders and whistles its unit is on, at most as
   * an officer, and a citizen's name and phone only where it is the 主办. Null or absent: a hall account.
   */
  readonly unitId?: string | null;
  /**
   * A member account's 双报到 party member (issue 15, docs/PARTY.md): it sees and works only its
   * own volunteer tasks and the orders it assists on (党员接单). Absent: not a member's account.
   */
  readonly memberId?: string | null;
}

export interface AuthStatus {
  /** No account exists yet: the first start asks to create the admin account. */
  readonly needsSetup: boolean;
  /**
   * Who the caller is: a logged-in account, or — for a wall token or a host started with
   * --loopback-role — a synthetic user without an account; null when not logged in.
   */
  readonly user: AuthUser | null;
  /** True when `user` is a logged-in account session (so 退出登录 makes sense). */
  readonly session: boolean;
  /** Same as system.info.demo: the login screen shows the 模拟数据 badge too. */
  readonly demo: boolean;
}

/**
 * auth.login / auth.setup answer. `token` is the session secret: the hosts keep it (an HttpOnly
 * cookie in the browser, main-process memory in Electron) and strip it before the renderer sees it.
 */
export interface AuthLoginResult {
  readonly user: AuthUser;
  readonly token?: string;
}

export interface AccountRow extends AuthUser {
  readonly createdAt: number;
  readonly disabled: boolean;
}

const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、点、下划线和连字符');
/** Passwords: the policy of ./password-policy.ts; the upper bound keeps scrypt input sane. */
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, PASSWORD_RULE_TEXT.short)
  .max(256, PASSWORD_RULE_TEXT.long);
const unitId = z.string().min(1).max(64).regex(SAFE_ID, SAFE_ID_MESSAGE);
const displayName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最多 40 个字符');

/** The password checked against the whole policy, the user name included. */
function withPasswordPolicy<T extends { username: string; password: string; displayName?: string }>(
  v: T,
  ctx: z.RefinementCtx,
): void {
  const rule = passwordProblem(v.password, {
    username: v.username,
    ...(v.displayName !== undefined ? { displayName: v.displayName } : {}),
  });
  if (rule) ctx.addIssue({ code: 'custom', message: PASSWORD_RULE_TEXT[rule], path: ['password'] });
}

export const AuthLoginInput = z.object({
  // No format rules on login: a wrong name must get the same generic answer as a wrong password.
  username: z.string().max(64),
  password: z.string().max(256),
});
export const AuthSetupInput = z.object({ username, displayName, password }).superRefine(withPasswordPolicy);
export const AccountsCreateInput = z
  .object({
    username,
    displayName,
    password,
    role: z.enum(ROLES),
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).default([]),
    /** A unit account: the unit it belongs to (a unit of the reference data), or null. */
    unitId: unitId.nullable().default(null),
  })
  .superRefine(withPasswordPolicy);
const AccountsResetPasswordInput = z
  .object({ username: z.string().max(64), password })
  .superRefine(withPasswordPolicy);

export const AUTH_PROCS = {
  'auth.status': publicProc<AuthStatus>()(z.object({}), 'query', ['system.changed']),
  'auth.setup': publicProc<AuthLoginResult>()(AuthSetupInput, 'mutation', ['system.changed']),
  'auth.login': publicProc<AuthLoginResult>()(AuthLoginInput, 'mutation'),
  'auth.logout': publicProc<{ readonly loggedOut: boolean }>()(z.object({}), 'mutation'),
  'accounts.list': query<readonly AccountRow[]>()(z.object({}), { role: 'admin', stale: ['system.changed'] }),
  'accounts.create': mutation<AccountRow>()(AccountsCreateInput, {
    role: 'admin',
    changes: ['system.changed'],
  }),
  'accounts.setDisabled': mutation<AccountRow>()(
    z.object({ username: z.string().max(64), disabled: z.boolean() }),
    { role: 'admin', changes: ['system.changed'] },
  ),
  'accounts.resetPassword': mutation<AccountRow>()(AccountsResetPasswordInput, {
    role: 'admin',
    changes: ['system.changed'],
  }),
  /** Grants or withdraws permissions beside the role (核查结案); audited. */
  'accounts.setPermissions': mutation<AccountRow>()(
    z.object({
      username: z.string().max(64),
      permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
    }),
    { role: 'admin', changes: ['system.changed'] },
  ),
  /** Links an account to a 双报到 party member (党员接单), or unlinks it (null); audited. */
  'accounts.setMember': mutation<AccountRow>()(
    z.object({ username: z.string().max(64), memberId: unitId.nullable() }),
    { role: 'admin', changes: ['system.changed'] },
  ),
  /** Makes an account a unit account (or a hall account again: null); audited. */
  'accounts.setUnit': mutation<AccountRow>()(
    z.object({ username: z.string().max(64), unitId: unitId.nullable() }),
    { role: 'admin', changes: ['system.changed'] },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
