import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asApiError,
  caughtErrorText,
  errorText,
} from '../../../../../../renderer/src/platform/api/error-text';
import { en } from '../../../../../../renderer/src/platform/i18n/en';
import { zh } from '../../../../../../renderer/src/platform/i18n/zh';
import { ApiError, ERROR_CODES } from '../../../../../../shared/kernel/proc';

let t: (k: string) => string;
let tEn: (k: string) => string;
beforeAll(async () => {
  const inst = i18next.createInstance();
  await inst.init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'zh' });
  t = (k) => inst.t(k);
  tEn = inst.getFixedT('en');
});

describe('errorText', () => {
  it('leads with a Chinese label for every error code, the core message as detail', () => {
    for (const code of ERROR_CODES) expect(errorText({ code, message: '' }, t)).toMatch(/[\u4e00-\u9fff]/);
    expect(errorText({ code: 'unavailable', message: 'Failed to fetch' }, t)).toBe(
      '服务暂不可用，请检查连接后重试（Failed to fetch）',
    );
    expect(errorText({ code: 'conflict', message: '该工单已被他人更新，请刷新后重试' }, t)).toBe(
      '数据已被他人更新（该工单已被他人更新，请刷新后重试）',
    );
  });
  it('switches with the language and survives an unknown code', () => {
    expect(errorText({ code: 'not_found', message: '' }, tEn)).toBe('Not found');
    expect(errorText({ code: 'teapot' as 'internal', message: 'x' }, t)).toBe('系统内部错误（x）');
  });
  it('reads anything a catch caught: an ApiError as it is, anything else as internal', () => {
    const e = new ApiError('conflict', '该工单已被他人更新');
    expect(asApiError(e)).toBe(e);
    expect(asApiError(new TypeError('Failed to fetch')).code).toBe('internal');
    expect(caughtErrorText('boom', t)).toBe('系统内部错误（boom）');
  });
});
