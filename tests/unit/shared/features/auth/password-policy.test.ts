/** The password policy (issue 11, item 9): the passwords of the issue are refused, sound ones pass. */
import { describe, expect, it } from 'vitest';
import { passwordProblem, PASSWORD_RULE_TEXT } from '../../../../../shared/features/auth/password-policy';
import { AccountsCreateInput, AuthSetupInput } from '../../../../../shared/features/auth/contract';

describe('passwordProblem', () => {
  it.each([
    ['12345678', 'classes'],
    ['aaaaaaaa', 'classes'],
    ['        ', 'blank'],
    ['\u0000'.repeat(8), 'control'],
    ['abc\tdefg1', 'control'],
    ['aaaa1111', 'distinct'],
    ['abcd1234', 'common'],
    ['Passw0rd', 'common'],
    ['1qaz2wsx', 'common'],
    ['short1', 'short'],
  ] as const)('%j is refused (%s)', (pw, rule) => {
    expect(passwordProblem(pw, { username: 'someone' })).toBe(rule);
  });

  it('refuses the user name itself, reversed, or with only digits and symbols around it', () => {
    expect(passwordProblem('zhangwei', { username: 'zhangwei' })).toBe('classes');
    expect(passwordProblem('li_ming88', { username: 'li_ming88' })).toBe('username');
    expect(passwordProblem('zhangwei1', { username: 'zhangwei' })).toBe('username');
    expect(passwordProblem('ZhangWei2026!', { username: 'zhangwei' })).toBe('username');
    expect(passwordProblem('iewgnahz1', { username: 'zhangwei' })).toBe('username');
    expect(passwordProblem('张伟2026-0101', { username: 'zw', displayName: '张伟' })).toBe('username');
  });

  it('accepts sound passwords, passphrases and Chinese ones', () => {
    for (const pw of [
      'admin-password-1',
      'correct horse',
      'e2e-password-2026',
      '我的密码是2026年',
      'Tr0ub4dor&3',
    ])
      expect(passwordProblem(pw, { username: 'admin' }), pw).toBeNull();
  });

  it('the contract refuses them with one Chinese sentence on the password field', () => {
    const r = AuthSetupInput.safeParse({ username: 'admin', displayName: '管理员', password: '12345678' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['password'], message: PASSWORD_RULE_TEXT.classes });
    const named = AccountsCreateInput.safeParse({
      username: 'duty1',
      displayName: '王值班',
      password: 'duty1-2026',
      role: 'officer',
    });
    expect(named.error?.issues[0]?.message).toBe(PASSWORD_RULE_TEXT.username);
  });
});
