import { describe, expect, it } from 'vitest';
import {
  accountErrorText,
  checkNewAccount,
  checkPasswordPair,
} from '../../../../../../renderer/src/features/accounts/account-form';
import { zh } from '../../../../../../renderer/src/platform/i18n/zh';

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

  it('checks the password pair: length at 8, then equality', () => {
    expect(checkPasswordPair('', '')).toEqual([{ field: 'password', key: 'auth.needPassword' }]);
    expect(checkPasswordPair('1234567', '1234567')).toEqual([
      { field: 'password', key: 'auth.passwordShort' },
    ]);
    expect(checkPasswordPair('12345678', '12345678')).toEqual([]);
    expect(checkPasswordPair('12345678', '12345679')).toEqual([
      { field: 'password2', key: 'auth.passwordMismatch' },
    ]);
  });
});

describe('server refusals', () => {
  it('puts a taken name next to the username field', () => {
    expect(accountErrorText({ code: 'conflict', message: '用户名已存在: a', field: 'username' }, t)).toEqual({
      field: 'username',
      message: '该用户名已被使用，请换一个',
    });
  });

  it('shows the self-disable refusal as a general message', () => {
    expect(
      accountErrorText({ code: 'rejected', message: '不能停用自己的账号', field: 'username' }, t),
    ).toEqual({
      field: null,
      message: '不能停用自己的账号',
    });
  });

  it('maps invalid_input by field, and keeps unknown errors with their detail', () => {
    expect(accountErrorText({ code: 'invalid_input', message: 'x', field: 'password' }, t)).toEqual({
      field: 'password',
      message: '密码至少 8 个字符',
    });
    expect(accountErrorText({ code: 'unavailable', message: 'Failed to fetch' }, t)).toEqual({
      field: null,
      message: '服务暂不可用，请检查连接后重试（Failed to fetch）',
    });
  });
});
