/** The login screen's sentence for a refusal is chosen by the error's reason, never by its text. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../../shared/kernel/api-error';
import { loginErrorText } from '../../../../../../renderer/src/features/auth/login-errors';
import type { Translate } from '../../../../../../renderer/src/platform/i18n/translate';
import { en, zh } from '../../../../../../renderer/src/messages';

let t: Translate;
let tEn: Translate;
beforeAll(async () => {
  const inst = i18next.createInstance();
  await inst.init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: 'zh',
    interpolation: { escapeValue: false },
  });
  t = inst.getFixedT('zh');
  tEn = inst.getFixedT('en');
});

/** An error whose message says something other than its reason (a core worded differently). */
function worded(reason: ConstructorParameters<typeof ApiError>[0], message: string): ApiError {
  const e = new ApiError(reason);
  Object.defineProperty(e, 'message', { value: message });
  return e;
}

describe('loginErrorText', () => {
  it('a disabled account reads as 已停用 whatever the message says', () => {
    expect(loginErrorText(worded('account_disabled', 'forbidden'), t)).toBe('该账号已停用，请联系管理员');
    expect(loginErrorText(new ApiError('account_disabled'), tEn)).toBe(
      'This account is disabled; contact the administrator',
    );
  });

  it('wrong credentials read as the one generic sentence, even if the message mentions 停用', () => {
    expect(loginErrorText(worded('bad_credentials', '账号已停用'), t)).toBe('用户名或密码错误');
  });

  it('a locked login says how long, in the UI language', () => {
    const locked = new ApiError('login_locked', { params: { minutes: '15' } });
    expect(loginErrorText(locked, t)).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(loginErrorText(locked, tEn)).toBe('Too many failed sign-ins; try again in 15 min');
  });

  it('setup after setup, and bad fields, have their own sentences', () => {
    expect(loginErrorText(new ApiError('already_set_up'), t)).toBe('管理员账号已经创建，请直接登录');
    expect(loginErrorText(ApiError.why('invalid_input', '密码至少 8 个字符', 'password'), t)).toBe(
      '密码至少 8 个字符',
    );
    expect(loginErrorText(ApiError.why('invalid_input', 'x', 'username'), t)).toBe(
      '用户名为 2–32 位字母、数字、点、下划线或连字符',
    );
  });

  it('anything else reads as its class and reason, not as a wrong password', () => {
    expect(loginErrorText(new ApiError('cross_site'), t)).toBe('没有权限（拒绝跨站请求）');
    expect(loginErrorText(ApiError.why('unavailable', 'Failed to fetch'), t)).toBe(
      '服务暂不可用，请检查连接后重试（Failed to fetch）',
    );
  });
});
