/**
 * Login throttling (issue 11, item 5) on a real in-process core over a real SQLite file, with an
 * injected clock: per source address, 3 free failures and then growing delays; per account, from
 * addresses it never signed in from, 5 free failures and then growing delays (at most a minute);
 * an attempt that comes too early is refused at once without scrypt and without counting. There
 * is no lock-out: the attacks of the issue — 5 bad guesses locking an account for 15 minutes, 30
 * locking every login for 5 — leave the owner at their own workstation able to sign in.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { delayAfter, LOGIN_THROTTLE } from '../../../electron/core/features/auth/login-throttle';
import { dbPath } from '../../../electron/core/store/db';
import { ApiError } from '../../../shared/contract/index';
import { T0, tempDir } from '../store/fixtures';

const SEC = 1_000;
const MIN = 60 * SEC;
const ADMIN = { username: 'admin', displayName: '李主任', password: 'admin-password-1' };
const OFFICER = { username: 'duty1', displayName: '王值班', password: 'officer-pass-1', role: 'officer' };
const from = (address: string): CallContext => ({ role: null, actor: 'anonymous', local: true, address });
const DESK = from('10.0.0.5');

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
  const r = await core.call('auth.setup', ADMIN, from('127.0.0.1'));
  const admin = { role: 'admin', actor: 'admin', session: r.token ?? null } as const;
  await core.call('accounts.create', OFFICER, admin);
  // The officer has signed in at their desk before: it is a known address for the account.
  await core.call('auth.login', { username: OFFICER.username, password: OFFICER.password }, DESK);
  return { core, dir: t.dir, admin };
}

async function login(
  core: Core,
  username: string,
  password: string,
  ctx: CallContext,
): Promise<ApiError | 'ok'> {
  try {
    await core.call('auth.login', { username, password }, ctx);
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
}

function reason(r: ApiError | 'ok'): string {
  return r === 'ok' ? 'ok' : r.reason;
}

function audit(dir: string, action: string): Array<Record<string, unknown>> {
  const db = new Database(dbPath(dir), { readonly: true });
  try {
    return (
      db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{
        detail: string;
      }>
    ).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

describe('delays grow per source address', () => {
  it('3 free failures, then 1 s, 2 s, 4 s … after the last one; too early is refused at once and not counted', async () => {
    const { core, dir } = await setUp();
    const attacker = from('10.9.9.9');
    for (let i = 0; i < 3; i++)
      expect(reason(await login(core, 'duty1', 'guess-guess', attacker))).toBe('bad_credentials');
    // Right away again: refused without checking anything.
    const early = await login(core, 'duty1', OFFICER.password, attacker);
    expect(reason(early)).toBe('login_throttled');
    expect((early as ApiError).params).toEqual({ seconds: '1' });
    expect((early as ApiError).message).toBe('尝试过于频繁，请 1 秒后再试');
    clock += SEC;
    expect(reason(await login(core, 'duty1', 'guess-guess', attacker))).toBe('bad_credentials');
    clock += SEC; // 4 failures: the next one waits 2 s
    expect(reason(await login(core, 'duty1', 'guess-guess', attacker))).toBe('login_throttled');
    clock += SEC;
    expect(reason(await login(core, 'duty1', 'guess-guess', attacker))).toBe('bad_credentials');
    // Early refusals were not failures: 5 rows from this address, not more.
    const db = new Database(dbPath(dir), { readonly: true });
    const n = (
      db.prepare("SELECT count(*) AS n FROM login_failure WHERE address = '10.9.9.9'").get() as { n: number }
    ).n;
    db.close();
    expect(n).toBe(5);
    // The address started waiting at its 3rd failure, the name at its 5th.
    expect(audit(dir, 'auth.throttled').map((d) => d.scope)).toEqual(['address', 'account']);
    expect(delayAfter(50, LOGIN_THROTTLE.addressFree, LOGIN_THROTTLE.addressMaxDelayMs)).toBe(5 * MIN);
  });

  it('another address is not slowed by the guesser, and a success there clears its own count', async () => {
    const { core } = await setUp();
    const attacker = from('10.9.9.9');
    for (let i = 0; i < 3; i++) await login(core, 'ghost', 'guess-guess', attacker);
    expect(reason(await login(core, 'ghost', 'guess-guess', attacker))).toBe('login_throttled');
    expect(reason(await login(core, 'admin', ADMIN.password, from('10.0.0.7')))).toBe('ok');
  });
});

describe('no lock-out of an account or of the hall', () => {
  it('many machines guessing one name slow that name down, but not its owner at a known desk', async () => {
    const { core, dir } = await setUp();
    // 40 guesses from 40 machines within a minute (the old policy: name locked 15 min, every login 5 min).
    for (let i = 0; i < 40; i++) {
      await login(core, 'duty1', 'guess-guess', from(`10.1.0.${i + 1}`));
      clock += SEC;
    }
    // A new machine meets the account's delay (at most a minute) …
    expect(reason(await login(core, 'duty1', OFFICER.password, from('10.2.0.1')))).toBe('login_throttled');
    // … the owner at their own desk does not, and neither does anyone else.
    expect(reason(await login(core, 'duty1', OFFICER.password, DESK))).toBe('ok');
    expect(reason(await login(core, 'admin', ADMIN.password, from('10.0.0.9')))).toBe('ok');
    // And the account's delay never exceeds a minute: after one the new machine gets in.
    clock += MIN;
    expect(reason(await login(core, 'duty1', OFFICER.password, from('10.2.0.1')))).toBe('ok');
    expect(audit(dir, 'auth.throttled').map((d) => d.scope)).toContain('account');
  });

  it('unknown names count like real ones (a delay tells nothing about which accounts exist)', async () => {
    const { core } = await setUp();
    const a = from('10.3.0.1');
    const b = from('10.3.0.2');
    for (let i = 0; i < 3; i++) {
      await login(core, 'nobody-here', 'guess-guess', a);
      await login(core, 'duty1', 'guess-guess', b);
    }
    expect(reason(await login(core, 'nobody-here', 'guess-guess', a))).toBe('login_throttled');
    expect(reason(await login(core, 'duty1', 'guess-guess', b))).toBe('login_throttled');
  });

  it('the state survives a restart; an admin password reset clears the name', async () => {
    const { core, dir, admin } = await setUp();
    const attacker = from('10.4.0.1');
    for (let i = 0; i < 6; i++) {
      await login(core, 'duty1', 'guess-guess', from(`10.4.1.${i}`));
      await login(core, 'duty1', 'guess-guess', attacker);
    }
    await core.close();
    const again = await openCore(dir);
    expect(reason(await login(again, 'duty1', OFFICER.password, attacker))).toBe('login_throttled');
    const session = (
      await again.call('auth.login', { username: 'admin', password: ADMIN.password }, from('127.0.0.1'))
    ).token;
    await again.call(
      'accounts.resetPassword',
      { username: 'duty1', password: 'fresh-password-7' },
      { ...admin, session: session ?? null },
    );
    expect(reason(await login(again, 'duty1', 'fresh-password-7', from('10.5.0.1')))).toBe('ok');
  });

  it('only failures inside the 15-minute window count', async () => {
    const { core } = await setUp();
    const attacker = from('10.6.0.1');
    for (let i = 0; i < 3; i++) await login(core, 'duty1', 'guess-guess', attacker);
    clock += LOGIN_THROTTLE.windowMs + SEC;
    expect(reason(await login(core, 'duty1', 'guess-guess', attacker))).toBe('bad_credentials');
    expect(reason(await login(core, 'duty1', 'guess-guess', attacker))).toBe('bad_credentials');
  });
});
