import { describe, expect, it } from 'vitest';
import {
  accountErrorText,
  checkNewAccount,
  checkPasswordPair,
} from '../../../../../../renderer/src/features/accounts/account-form';
import { ApiError } from '../../../../../../shared/kernel/api-error';
import { zh } from '../../../../../../renderer/src/messages';

/** Looks the key up in the Chinese catalogue, so the test reads the words the user reads. */
const t = (key: string): string => {
  const v = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], zh);
  if (typeof v !== 'string') throw new Error(`missing message ${key}`);
  return v;
};

const ok = { username: 'wang.fang', displayName: '王芳', password: 'password-1', password2: 'password-1' };

describe('account form checks', () => {
  it('accepts a complete form', () => {
    expect(checkNewAccount(ok)).toEqual([]);
  });

  it('names every bad field with its Chinese message, in form order', () => {
    const problems = checkNewAccount({ username: 'x', displayName: '  ', password: 'short', password2: '' });
    expect(problems.map((p) => [p.field, t(p.key)])).toEqual([
      ['username', '用户名为 2–32 位字母、数字、点、下划线或连字符'],
      ['displayName', '请输入姓名'],
      ['password', '密码至少 8 个字符'],
    ]);
    expect(checkNewAccount({ ...ok, username: '' })[0]).toMatchObject({
      field: 'username',
      key: 'auth.needUsername',
    });
    expect(checkNewAccount({ ...ok, username: '王芳' })[0]?.field).toBe('username');
  });

  it("checks the password pair with the core's policy (issue 11, item 9), then equality", () => {
    expect(checkPasswordPair('', '')).toEqual([{ field: 'password', key: 'auth.needPassword' }]);
    expect(checkPasswordPair('1234567', '1234567')).toEqual([
      { field: 'password', key: 'auth.passwordRule.short' },
    ]);
    for (const [pw, rule] of [
      ['12345678', 'classes'],
      ['aaaaaaaa', 'classes'],
      ['        ', 'blank'],
      ['\u0000'.repeat(8), 'control'],
    ] as const)
      expect(checkPasswordPair(pw, pw)).toEqual([{ field: 'password', key: `auth.passwordRule.${rule}` }]);
    expect(checkPasswordPair('wang.fang1', 'wang.fang1', { username: 'wang.fang' })).toEqual([
      { field: 'password', key: 'auth.passwordRule.username' },
    ]);
    expect(t('auth.passwordRule.classes')).toBe('密码须包含字母、数字、符号中的至少两类');
    expect(checkPasswordPair('good-pass-1', 'good-pass-1')).toEqual([]);
    expect(checkPasswordPair('good-pass-1', 'good-pass-2')).toEqual([
      { field: 'password2', key: 'auth.passwordMismatch' },
    ]);
  });
});

/** An error whose message says something other than its reason (a core worded differently). */
function worded(e: ApiError, message: string): ApiError {
  Object.defineProperty(e, 'message', { value: message });
  return e;
}

describe('server refusals', () => {
  it('puts a taken name next to the username field', () => {
    const taken = new ApiError('username_taken', { params: { username: 'a' }, field: 'username' });
    expect(accountErrorText(taken, t)).toEqual({ field: 'username', message: '该用户名已被使用，请换一个' });
  });

  it('shows the self-disable refusal as a general message, decided by the reason', () => {
    const self = new ApiError('self_change', { field: 'username' });
    expect(accountErrorText(self, t)).toEqual({ field: null, message: '不能停用自己的账号' });
    // The reason decides, not the words: a message without 自己 is still the self refusal …
    expect(accountErrorText(worded(new ApiError('self_change'), 'refused'), t).message).toBe(
      '不能停用自己的账号',
    );
    // … and another refusal that happens to mention 自己 is not.
    const other = worded(
      ApiError.why('lifecycle_refused', '自己的工单不能派给自己'),
      '自己的工单不能派给自己',
    );
    expect(accountErrorText(other, t).message).toBe('操作不被流程允许（自己的工单不能派给自己）');
  });

  it('says the account is gone (the list refreshes)', () => {
    const gone = new ApiError('account_not_found', { params: { username: 'a' }, field: 'username' });
    expect(accountErrorText(gone, t)).toEqual({ field: null, message: '该账号不存在，列表已刷新' });
  });

  it('maps invalid_input by field, and keeps unknown errors with their detail', () => {
    // A password refusal carries the core's own sentence for the rule it broke.
    expect(accountErrorText(ApiError.why('invalid_input', '密码过于常见，请换一个', 'password'), t)).toEqual({
      field: 'password',
      message: '密码过于常见，请换一个',
    });
    expect(accountErrorText(ApiError.why('unavailable', 'Failed to fetch'), t)).toEqual({
      field: null,
      message: '服务暂不可用，请检查连接后重试（Failed to fetch）',
    });
  });
});
