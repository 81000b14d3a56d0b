import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, ERROR_CODES, REASONS, type Reason } from '../../../../../../shared/kernel/api-error';
import {
  asApiError,
  caughtErrorText,
  errorText,
  reasonText,
} from '../../../../../../renderer/src/platform/api/error-text';
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

/** The error as it arrives from the core (the wire shape, rebuilt). */
const wire = (reason: Reason, message: string, params?: Record<string, string>) =>
  ApiError.fromData({ code: REASONS[reason].code, reason, message, ...(params ? { params } : {}) });

describe('errorText', () => {
  it('leads with a Chinese label for every error class, the reason’s sentence as detail', () => {
    for (const code of ERROR_CODES) {
      expect(errorText({ code, reason: 'internal', message: '' }, t)).toMatch(/^[\u4e00-\u9fff]/);
    }
    expect(errorText(new ApiError('stale_version'), t)).toBe(
      '数据已被他人更新（该工单已被他人更新，请刷新后重试）',
    );
    expect(errorText(new ApiError('order_not_found', { params: { orderId: 'W-1' } }), t)).toBe(
      '未找到（工单不存在: W-1）',
    );
  });

  it('takes the sentence from the reason, not from the message', () => {
    // A core that words it differently (or a message from before a change): the UI's sentence wins.
    const e = { code: 'conflict', reason: 'stale_version', message: 'version mismatch' } as const;
    expect(errorText(e, t)).toBe('数据已被他人更新（该工单已被他人更新，请刷新后重试）');
    expect(errorText(e, tEn)).toBe(
      'Changed by someone else（Someone else updated this order; refresh and retry）',
    );
  });

  it('carries a rule’s own explanation ({why}) through', () => {
    const e = ApiError.why('file_refused', '文件既不是 PMTiles 也不是 MBTiles');
    expect(errorText(e, t)).toBe('输入有误（文件既不是 PMTiles 也不是 MBTiles）');
    expect(errorText(wire('lifecycle_refused', '已结案的工单不能派单'), t)).toBe(
      '操作不被流程允许（已结案的工单不能派单）',
    );
  });

  it('shows a refused input’s sentence without the input’s path', () => {
    // As the gate sends a zod refusal: the path in the text and in `field`.
    const e = ApiError.why('invalid_input', 'result: 请填写办结情况', 'result');
    expect(errorText(e, t)).toBe('输入有误（请填写办结情况）');
    expect(errorText(ApiError.why('invalid_input', 'order.title: 请填写标题', 'order.title'), t)).toBe(
      '输入有误（请填写标题）',
    );
    // A sentence that does not start with its field is left whole.
    expect(errorText(ApiError.why('invalid_input', '该导入任务编号已使用', 'jobId'), t)).toBe(
      '输入有误（该导入任务编号已使用）',
    );
  });

  it('falls back to the core’s message for a reason it does not know, or a value it lacks', () => {
    const newer = { code: 'rejected', reason: 'teapot' as Reason, message: '新版本的原因' } as const;
    expect(errorText(newer, t)).toBe('操作不被流程允许（新版本的原因）');
    // username_taken without the name it names: the core's own sentence.
    expect(errorText({ code: 'conflict', reason: 'username_taken', message: '用户名已存在: li' }, t)).toBe(
      '数据已被他人更新（用户名已存在: li）',
    );
    expect(errorText({ code: 'teapot' as 'internal', reason: 'internal', message: '' }, t)).toMatch(
      /^系统内部错误/,
    );
  });

  it('switches with the language', () => {
    expect(errorText(new ApiError('account_not_found', { params: { username: 'li' } }), tEn)).toBe(
      'Not found（No such account: li）',
    );
  });
});

describe('reasonText', () => {
  it('fills the sentence from params in the UI language', () => {
    const e = new ApiError('login_locked', { params: { minutes: '9' } });
    expect(reasonText(e, t)).toBe('登录失败次数过多，请 9 分钟后再试');
    expect(reasonText(e, tEn)).toBe('Too many failed sign-ins; try again in 9 min');
  });
});

describe('asApiError', () => {
  it('keeps an ApiError as it is; anything else is a bug of the page: internal, and logged', () => {
    const e = new ApiError('stale_version');
    expect(asApiError(e)).toBe(e);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(asApiError(new TypeError('x is undefined')).reason).toBe('internal');
    expect(caughtErrorText('boom', t)).toBe('系统内部错误（系统内部错误，详情已记录在日志中）');
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });
});
