/** The auth.* and accounts.* procedures: sign-in, first-run setup, the admin's account management. */
import { z } from 'zod';
import { mutation, publicProc, query, type Proc } from '../../kernel/proc';
import { ROLES, type Role } from '../../kernel/roles';

/** The signed-in user as the renderer shows them (never the password hash or the session token). */
export interface AuthUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
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
/** Passwords: at least 8 characters (the security baseline); the upper bound keeps scrypt input sane. */
const password = z.string().min(8, '密码至少 8 个字符').max(256, '密码最多 256 个字符');
const displayName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最多 40 个字符');

export const AuthLoginInput = z.object({
  // No format rules on login: a wrong name must get the same generic answer as a wrong password.
  username: z.string().max(64),
  password: z.string().max(256),
});
export const AuthSetupInput = z.object({ username, displayName, password });
export const AccountsCreateInput = z.object({ username, displayName, password, role: z.enum(ROLES) });

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
  'accounts.resetPassword': mutation<AccountRow>()(z.object({ username: z.string().max(64), password }), {
    role: 'admin',
    changes: ['system.changed'],
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
