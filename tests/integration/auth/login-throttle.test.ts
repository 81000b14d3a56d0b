/**
 * Login throttling on a real in-process core over a real SQLite file, with an injected clock:
 * 5 failures of one name in 15 minutes lock it for 15 minutes (even the right password is
 * refused, and not checked), the lock ends on time, a success clears the count, the state
 * survives a restart, and 30 failures a minute across names lock every login for a while.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { LOGIN_THROTTLE } from '../../../electron/core/features/auth/login-throttle';
import { dbPath } from '../../../electron/core/store/db';
import { ApiError } from '../../../shared/contract/index';
import { T0, tempDir } from '../store/fixtures';

const MIN = 60_000;
const anon: CallContext = { role: null, actor: 'anonymous' };
const ADMIN = { username: 'admin', displayName: '李主任', password: 'admin-password-1' };
const OFFICER = { username: 'duty1', displayName: '王值班', password: 'officer-pass-1', role: 'officer' };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let clock = T0;
async function openCore(dir: string): Promise<Core> {
  const core = await createInProcessCore({ dataDir: dir, host: 'test', now: () => clock });
  cleanups.push(() => core.close());
  return core;
}

async function setUp(): Promise<{ core: Core; dir: string; admin: CallContext }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  clock = T0;
  const core = await openCore(t.dir);
  const r = await core.call('auth.setup', ADMIN, anon);
  const admin = { role: 'admin', actor: 'admin', session: r.token ?? null } as const;
  await core.call('accounts.create', OFFICER, admin);
  return { core, dir: t.dir, admin };
}

async function login(core: Core, username: string, password: string): Promise<ApiError | 'ok'> {
  try {
    await core.call('auth.login', { username, password }, anon);
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
}

async function failTimes(core: Core, username: string, n: number): Promise<Array<ApiError | 'ok'>> {
  const out: Array<ApiError | 'ok'> = [];
  for (let i = 0; i < n; i++) out.push(await login(core, username, 'wrong-password'));
  return out;
}

function message(r: ApiError | 'ok'): string {
  return r === 'ok' ? 'ok' : r.message;
}

function audit(dir: string, action: string): Array<{ actor: string; detail: string | null }> {
  const db = new Database(dbPath(dir), { readonly: true });
  try {
    return db
      .prepare('SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as Array<{
      actor: string;
      detail: string | null;
    }>;
  } finally {
    db.close();
  }
}

describe('per-name login lock', () => {
  it('locks a name after 5 failures, refuses even the right password, and unlocks after 15 minutes', async () => {
    const { core, dir } = await setUp();
    const results = await failTimes(core, 'duty1', 5);
    // Four plain refusals, then the fifth failure starts the lock and says so.
    expect(results.slice(0, 4).map(message)).toEqual(Array(4).fill('用户名或密码错误'));
    expect(message(results[4]!)).toBe('登录失败次数过多，请 15 分钟后再试');
    expect((results[4] as ApiError).code).toBe('forbidden');

    // The right password is refused while locked; the minutes count down.
    clock += 6 * MIN + 1;
    const locked = await login(core, 'duty1', OFFICER.password);
    expect(locked).not.toBe('ok');
    expect(message(locked)).toBe('登录失败次数过多，请 9 分钟后再试');
    // Other names are not affected.
    expect(await login(core, 'admin', ADMIN.password)).toBe('ok');

    // One audit row for the lock, with the name, the count and the end.
    const locks = audit(dir, 'auth.locked');
    expect(locks).toHaveLength(1);
    expect(JSON.parse(locks[0]!.detail!)).toEqual({
      scope: 'user',
      username: 'duty1',
      failures: 5,
      until: T0 + LOGIN_THROTTLE.userLockMs,
    });
    // Attempts refused while locked are counted on the lock, not checked and not failures.
    expect(audit(dir, 'auth.login_failed')).toHaveLength(5);

    // A minute before the end: still locked. At the end: the right password works.
    clock = T0 + 14 * MIN;
    expect(message(await login(core, 'duty1', OFFICER.password))).toBe('登录失败次数过多，请 1 分钟后再试');
    clock = T0 + 15 * MIN;
    expect(await login(core, 'duty1', OFFICER.password)).toBe('ok');
  });

  it('does not check the password while locked', async () => {
    const { core, dir } = await setUp();
    await failTimes(core, 'duty1', 5);
    // Were the password checked, a wrong one would add an auth.login_failed row; none is added,
    // and the lock records the refusal instead.
    for (const pw of [OFFICER.password, 'wrong-password', 'x']) {
      expect(message(await login(core, 'duty1', pw))).toMatch(/^登录失败次数过多/);
    }
    expect(audit(dir, 'auth.login_failed')).toHaveLength(5);
    expect(audit(dir, 'auth.login').filter((r) => r.actor === 'duty1')).toHaveLength(0);
    const db = new Database(dbPath(dir), { readonly: true });
    try {
      expect(db.prepare("SELECT refused FROM login_lock WHERE username = 'duty1'").pluck().get()).toBe(3);
    } finally {
      db.close();
    }
  });

  it('starts from zero after the lock ends', async () => {
    const { core } = await setUp();
    await failTimes(core, 'duty1', 5);
    clock = T0 + 15 * MIN;
    // Four new failures after the lock: not locked yet; the fifth locks again.
    const again = await failTimes(core, 'duty1', 5);
    expect(again.slice(0, 4).map(message)).toEqual(Array(4).fill('用户名或密码错误'));
    expect(message(again[4]!)).toBe('登录失败次数过多，请 15 分钟后再试');
  });

  it('only counts failures inside the 15-minute window', async () => {
    const { core } = await setUp();
    await failTimes(core, 'duty1', 4);
    clock += 15 * MIN + 1;
    const later = await failTimes(core, 'duty1', 4);
    expect(later.map(message)).toEqual(Array(4).fill('用户名或密码错误'));
  });

  it('a successful login clears the name’s failures', async () => {
    const { core } = await setUp();
    await failTimes(core, 'duty1', 4);
    expect(await login(core, 'duty1', OFFICER.password)).toBe('ok');
    // Without the reset the next failure would be the fifth and lock.
    const after = await failTimes(core, 'duty1', 4);
    expect(after.map(message)).toEqual(Array(4).fill('用户名或密码错误'));
    expect(await login(core, 'duty1', OFFICER.password)).toBe('ok');
  });

  it('locks unknown names the same way, so a lock does not reveal which accounts exist', async () => {
    const { core } = await setUp();
    const results = await failTimes(core, 'nobody', 6);
    expect(message(results[4]!)).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(message(results[5]!)).toBe('登录失败次数过多，请 15 分钟后再试');
  });

  it('keeps the lock across a restart', async () => {
    const { core, dir } = await setUp();
    await failTimes(core, 'duty1', 5);
    await core.close();
    clock += 5 * MIN;
    const reopened = await openCore(dir);
    expect(message(await login(reopened, 'duty1', OFFICER.password))).toBe(
      '登录失败次数过多，请 10 分钟后再试',
    );
  });

  it('an admin password reset lifts the lock', async () => {
    const { core, admin } = await setUp();
    await failTimes(core, 'duty1', 5);
    await core.call('accounts.resetPassword', { username: 'duty1', password: 'new-password-9' }, admin);
    expect(await login(core, 'duty1', 'new-password-9')).toBe('ok');
  });
});

describe('global login lock (password spraying)', () => {
  it('30 failures in a minute across names lock every login for 5 minutes', async () => {
    const { core, dir } = await setUp();
    // 29 failures over 10 names (under the per-name limit): no lock yet.
    for (let i = 0; i < 29; i++) {
      expect(message(await login(core, `spray${i % 10}`, 'wrong-password'))).toBe('用户名或密码错误');
    }
    expect(message(await login(core, 'spray-last', 'wrong-password'))).toBe(
      '登录失败次数过多，请 5 分钟后再试',
    );
    // Everyone is refused now, with the right password too.
    expect(message(await login(core, 'admin', ADMIN.password))).toBe('登录失败次数过多，请 5 分钟后再试');
    const locks = audit(dir, 'auth.locked').map((r) => JSON.parse(r.detail!) as Record<string, unknown>);
    expect(locks).toEqual([{ scope: 'global', username: null, failures: 30, until: T0 + 5 * MIN }]);
    clock = T0 + 5 * MIN;
    expect(await login(core, 'admin', ADMIN.password)).toBe('ok');
  });

  it('failures spread over more than a minute do not lock everyone', async () => {
    const { core } = await setUp();
    for (let i = 0; i < 40; i++) {
      clock += 3_000; // 20 a minute
      expect(message(await login(core, `spray${i % 10}`, 'wrong-password'))).toBe('用户名或密码错误');
    }
    expect(await login(core, 'admin', ADMIN.password)).toBe('ok');
  });
});
