/**
 * Local accounts and sessions on a real core over a real SQLite file: first-run setup, login,
 * disabled accounts, session expiry, logout, roles, admin-only account management, audit rows.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { dbPath } from '../../../electron/core/store/db';
import { SESSION_TTL_MS, tokenHash } from '../../../electron/core/features/auth/passwords';
import { ApiError, CONTRACT, isPublicProc, type ProcName } from '../../../shared/contract/index';
import { T0, tempDir } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const anon: CallContext = { role: null, actor: 'anonymous', local: true };
const ADMIN = { username: 'admin', displayName: '李主任', password: 'admin-password-1' };

let clock = T0;
async function open(): Promise<{ core: Core; dir: string }> {
  const t = tempDir();
  clock = T0;
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
  cleanups.push(t.cleanup, () => core.close());
  return { core, dir: t.dir };
}

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected an ApiError');
}

/** The context a host builds from a session token. */
async function ctxOf(core: Core, token: string): Promise<CallContext> {
  const u = await core.resolveSession(token);
  if (!u) throw new Error('session not live');
  return { role: u.role, actor: u.actor, session: token };
}

function auditRows(dir: string): Array<{ actor: string; action: string; detail: string | null }> {
  const db = new Database(dbPath(dir), { readonly: true });
  try {
    return db.prepare('SELECT actor, action, detail FROM audit_log ORDER BY seq').all() as Array<{
      actor: string;
      action: string;
      detail: string | null;
    }>;
  } finally {
    db.close();
  }
}

async function setUp(core: Core): Promise<{ token: string; admin: CallContext }> {
  const r = await core.call('auth.setup', ADMIN, anon);
  expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { token: r.token!, admin: await ctxOf(core, r.token!) };
}

describe('first-run setup', () => {
  it('creates the first account as admin, logs it in, and works only once', async () => {
    const { core, dir } = await open();
    expect(await core.call('auth.status', {}, anon)).toEqual({
      needsSetup: true,
      user: null,
      session: false,
      demo: false,
    });
    const { token, admin } = await setUp(core);
    expect(admin).toEqual({ role: 'admin', actor: 'admin', session: token });
    expect(await core.call('auth.status', {}, admin)).toEqual({
      needsSetup: false,
      session: true,
      demo: false,
      user: { username: 'admin', displayName: '李主任', role: 'admin', permissions: [] },
    });
    const again = await rejects(core.call('auth.setup', { ...ADMIN, username: 'mallory' }, anon));
    expect(again.code).toBe('rejected');
    // Even an admin cannot use setup to add accounts.
    expect(
      (await rejects(core.call('auth.setup', { ...ADMIN, username: 'x2' }, { ...admin, local: true }))).code,
    ).toBe('rejected');
    // And setup is for the machine itself: a caller the host does not vouch for is refused first.
    expect((await rejects(core.call('auth.setup', { ...ADMIN, username: 'x3' }, admin))).reason).toBe(
      'local_only',
    );

    // Only the sha256 of the token is stored; the password only as a scrypt hash with its salt.
    const db = new Database(dbPath(dir), { readonly: true });
    const sessions = db.prepare('SELECT token_hash FROM session').all() as Array<{ token_hash: string }>;
    const acct = db.prepare('SELECT salt, hash FROM account').get() as { salt: Buffer; hash: Buffer };
    db.close();
    expect(sessions).toEqual([{ token_hash: tokenHash(token) }]);
    expect(acct.salt.length).toBe(16);
    expect(acct.hash.length).toBe(32);
    expect(acct.hash.toString('utf8')).not.toContain(ADMIN.password);

    expect(auditRows(dir).map((r) => [r.actor, r.action])).toEqual([
      ['admin', 'auth.setup'],
      ['admin', 'auth.login'],
    ]);
  });

  it('validates setup input with the field named', async () => {
    const { core } = await open();
    const short = await rejects(core.call('auth.setup', { ...ADMIN, password: 'short' }, anon));
    expect(short).toMatchObject({ code: 'invalid_input', field: 'password' });
    const badName = await rejects(core.call('auth.setup', { ...ADMIN, username: '张 三' }, anon));
    expect(badName).toMatchObject({ code: 'invalid_input', field: 'username' });
    expect((await core.call('auth.status', {}, anon)).needsSetup).toBe(true);
  });
});

describe('passwords and names (issue 11, item 9)', () => {
  it('refuses the weak passwords of the issue and a name that differs from another only in case', async () => {
    const { core } = await open();
    for (const password of [
      '12345678',
      'aaaaaaaa',
      '        ',
      '\u0000'.repeat(8),
      'admin123',
      'admin2026',
    ]) {
      const e = await rejects(core.call('auth.setup', { ...ADMIN, password }, anon));
      expect(e.code, JSON.stringify(password)).toBe('invalid_input');
      expect(e.field).toBe('password');
    }
    const { admin } = await setUp(core);
    const taken = await rejects(
      core.call(
        'accounts.create',
        { username: 'Admin', displayName: '冒名', password: 'other-pass-77', role: 'admin' },
        admin,
      ),
    );
    expect(taken.reason).toBe('username_taken');
    expect(taken.params).toEqual({ username: 'admin' });
    const reset = await rejects(
      core.call('accounts.resetPassword', { username: 'admin', password: 'admin1' }, admin),
    );
    expect(reset.field).toBe('password');
  });
});

describe('login', () => {
  it('logs in with the right password; a wrong password or name gets one generic error', async () => {
    const { core, dir } = await open();
    await setUp(core);
    const ok = await core.call('auth.login', { username: 'admin', password: ADMIN.password }, anon);
    expect(ok.user).toEqual({ username: 'admin', displayName: '李主任', role: 'admin', permissions: [] });
    expect(await core.resolveSession(ok.token!)).toMatchObject({ role: 'admin', actor: 'admin' });

    const wrongPw = await rejects(
      core.call('auth.login', { username: 'admin', password: 'nope-nope' }, anon),
    );
    const wrongName = await rejects(
      core.call('auth.login', { username: 'ghost', password: ADMIN.password }, anon),
    );
    expect(wrongPw.toData()).toEqual({
      code: 'forbidden',
      reason: 'bad_credentials',
      message: '用户名或密码错误',
    });
    expect(wrongName.toData()).toEqual(wrongPw.toData());

    const failed = auditRows(dir).filter((r) => r.action === 'auth.login_failed');
    expect(failed.map((r) => JSON.parse(r.detail!) as unknown)).toEqual([
      { username: 'admin', reason: 'bad_credentials', address: '' },
      { username: 'ghost', reason: 'bad_credentials', address: '' },
    ]);
  });

  it('refuses a disabled account and ends its sessions; re-enabling lets it back in', async () => {
    const { core, dir } = await open();
    const { admin } = await setUp(core);
    await core.call(
      'accounts.create',
      { username: 'duty1', displayName: '王值班', password: 'duty-password', role: 'officer' },
      admin,
    );
    const s = await core.call('auth.login', { username: 'duty1', password: 'duty-password' }, anon);
    expect(await core.resolveSession(s.token!)).not.toBeNull();

    const off = await core.call('accounts.setDisabled', { username: 'duty1', disabled: true }, admin);
    expect(off.disabled).toBe(true);
    expect(await core.resolveSession(s.token!)).toBeNull();
    const refused = await rejects(
      core.call('auth.login', { username: 'duty1', password: 'duty-password' }, anon),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toContain('停用');
    // The wrong password on a disabled account still gets the generic answer.
    const guess = await rejects(
      core.call('auth.login', { username: 'duty1', password: 'guess-guess' }, anon),
    );
    expect(guess.message).toBe('用户名或密码错误');

    await core.call('accounts.setDisabled', { username: 'duty1', disabled: false }, admin);
    await expect(
      core.call('auth.login', { username: 'duty1', password: 'duty-password' }, anon),
    ).resolves.toBeTruthy();
    // An admin cannot lock themself out.
    expect(
      (await rejects(core.call('accounts.setDisabled', { username: 'admin', disabled: true }, admin))).code,
    ).toBe('rejected');

    const actions = auditRows(dir).map((r) => [r.actor, r.action]);
    expect(actions).toContainEqual(['admin', 'accounts.create']);
    expect(actions).toContainEqual(['admin', 'accounts.disable']);
    expect(actions).toContainEqual(['admin', 'accounts.enable']);
    expect(actions).toContainEqual(['duty1', 'auth.login']);
  });
});

describe('sessions', () => {
  it('expire after 12 hours and are pruned at the next login', async () => {
    const { core, dir } = await open();
    const { token } = await setUp(core);
    clock = T0 + SESSION_TTL_MS - 1;
    expect(await core.resolveSession(token)).not.toBeNull();
    clock = T0 + SESSION_TTL_MS;
    expect(await core.resolveSession(token)).toBeNull();
    // Resolving is a read (it runs on the read pool); the writer prunes at the next login.
    await rejects(core.call('auth.login', { username: ADMIN.username, password: 'wrong-password' }, anon));
    const fresh = await core.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, anon);
    await core.call('auth.logout', {}, { role: null, actor: 'anonymous', session: fresh.token ?? null });
    const db = new Database(dbPath(dir), { readonly: true });
    const n = (db.prepare('SELECT count(*) AS n FROM session').get() as { n: number }).n;
    db.close();
    expect(n).toBe(0);
    // An expired session is just "not logged in".
    const status = await core.call('auth.status', {}, { role: null, actor: 'anonymous', session: token });
    expect(status.user).toBeNull();
  });

  it('logout ends the session and is audited; unknown tokens resolve to nobody', async () => {
    const { core, dir } = await open();
    const { token, admin } = await setUp(core);
    expect(await core.call('auth.logout', {}, admin)).toEqual({ loggedOut: true });
    expect(await core.resolveSession(token)).toBeNull();
    expect(await core.call('auth.logout', {}, { ...anon, session: token })).toEqual({ loggedOut: false });
    expect(await core.resolveSession('not-a-token')).toBeNull();
    expect(await core.resolveSession('')).toBeNull();
    expect(auditRows(dir).at(-1)).toMatchObject({ actor: 'admin', action: 'auth.logout' });
  });

  it('a password reset ends the account’s sessions; the new password works, the old does not', async () => {
    const { core, dir } = await open();
    const { admin } = await setUp(core);
    await core.call(
      'accounts.create',
      { username: 'chief', displayName: '赵指挥', password: 'chief-password', role: 'commander' },
      admin,
    );
    const s = await core.call('auth.login', { username: 'chief', password: 'chief-password' }, anon);
    await core.call('accounts.resetPassword', { username: 'chief', password: 'new-chief-password' }, admin);
    expect(await core.resolveSession(s.token!)).toBeNull();
    await rejects(core.call('auth.login', { username: 'chief', password: 'chief-password' }, anon));
    await expect(
      core.call('auth.login', { username: 'chief', password: 'new-chief-password' }, anon),
    ).resolves.toBeTruthy();
    expect(auditRows(dir).map((r) => [r.actor, r.action])).toContainEqual([
      'admin',
      'accounts.resetPassword',
    ]);
  });
});

describe('roles', () => {
  it('refuses every non-public procedure to a caller without a role', async () => {
    const { core } = await open();
    const names = Object.keys(CONTRACT) as ProcName[];
    const open_ = names.filter((p) => isPublicProc(CONTRACT[p]));
    expect(open_.sort()).toEqual(['auth.login', 'auth.logout', 'auth.setup', 'auth.status']);
    for (const p of names.filter((n) => !open_.includes(n))) {
      const e = await rejects(core.call(p, {}, anon));
      expect(e.code, p).toBe('forbidden');
      expect(e.message, p).toContain('请先登录');
    }
  });

  it('a logged-in viewer reads but cannot write; an officer writes; only an admin manages accounts', async () => {
    const { core } = await open();
    const { admin } = await setUp(core);
    for (const [username, role] of [
      ['wall1', 'viewer'],
      ['duty1', 'officer'],
      ['chief', 'commander'],
    ] as const) {
      await core.call(
        'accounts.create',
        { username, displayName: username, password: `${username}-password`, role },
        admin,
      );
    }
    const login = async (u: string) =>
      ctxOf(core, (await core.call('auth.login', { username: u, password: `${u}-password` }, anon)).token!);
    const viewer = await login('wall1');
    const officer = await login('duty1');
    const chief = await login('chief');
    expect(viewer.role).toBe('viewer');

    await expect(core.call('system.info', {}, viewer)).resolves.toMatchObject({ role: 'viewer' });
    const order = {
      order: {
        source: 'hotline',
        appealType: 'complaint',
        categoryCode: '01',
        urgency: 'P2',
        title: '夜间施工噪音',
        lng: 116.4,
        lat: 39.9,
      },
    };
    expect((await rejects(core.call('orders.create', order, viewer))).code).toBe('forbidden');
    const created = await core.call('orders.create', order, officer);
    expect(created.events[0]?.actor).toBe('duty1');

    for (const who of [viewer, officer, chief]) {
      expect((await rejects(core.call('accounts.list', {}, who))).code).toBe('forbidden');
      expect(
        (
          await rejects(
            core.call(
              'accounts.create',
              { username: 'evil', displayName: 'e', password: 'evil-password', role: 'admin' },
              who,
            ),
          )
        ).code,
      ).toBe('forbidden');
    }
    const list = await core.call('accounts.list', {}, admin);
    expect(list.map((a) => [a.username, a.role, a.disabled])).toEqual([
      ['admin', 'admin', false],
      ['chief', 'commander', false],
      ['duty1', 'officer', false],
      ['wall1', 'viewer', false],
    ]);
    // No secret leaves the core.
    expect(JSON.stringify(list)).not.toMatch(/salt|hash/);
    const dup = await rejects(
      core.call(
        'accounts.create',
        { username: 'duty1', displayName: 'x', password: 'password-x', role: 'viewer' },
        admin,
      ),
    );
    expect(dup).toMatchObject({ code: 'conflict', field: 'username' });
  });
});
