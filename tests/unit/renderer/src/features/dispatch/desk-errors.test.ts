import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../../shared/kernel/api-error';
import {
  deskErrorText,
  isStale,
  serverFieldErrors,
  withoutCode,
} from '../../../../../../renderer/src/features/dispatch/desk-errors';

const t = (key: string, vars?: Readonly<Record<string, unknown>>) =>
  vars ? `${key}${JSON.stringify(vars)}` : key;

describe('refusals in plain words', () => {
  it('drops the reducer’s trailing code, keeps Chinese in parentheses', () => {
    expect(withoutCode('状态为待签收，不能办结反馈 (dispatched → replied)')).toBe(
      '状态为待签收，不能办结反馈',
    );
    expect(withoutCode('延期只能申请一次 (extension_requested: already_requested)')).toBe('延期只能申请一次');
    expect(withoutCode('请联系（值班长）')).toBe('请联系（值班长）');
    expect(withoutCode('说明 (含中文的括号)')).toBe('说明 (含中文的括号)');
  });
  it('reads the sentence of a lifecycle refusal without its code', () => {
    const tt = (key: string, vars?: Readonly<Record<string, unknown>>) =>
      key === 'errors.reason.lifecycle_refused'
        ? String(vars?.why)
        : key === 'errors.rejected'
          ? '操作不被流程允许'
          : key;
    const e = ApiError.why(
      'lifecycle_refused',
      '特急/紧急工单不可延期 (extension_requested: urgency_P1_not_extendable)',
    );
    expect(deskErrorText(e, tt)).toBe('操作不被流程允许（特急/紧急工单不可延期）');
  });
  it('puts an input error of the core next to its field', () => {
    const e = ApiError.why('invalid_input', '延期天数不能超过 7 天（申请了 9 天）', 'action.payload.days');
    expect(Object.keys(serverFieldErrors('extension_request', e, t))).toEqual(['days']);
    expect(serverFieldErrors('progress', e, t)).toEqual({});
    expect(serverFieldErrors('extension_request', null, t)).toEqual({});
  });
  it('knows a stale save by its reason', () => {
    expect(isStale(new ApiError('stale_version'))).toBe(true);
    expect(isStale(new ApiError('order_locked', { params: { name: '张三', since: '1 分钟前' } }))).toBe(
      false,
    );
    expect(isStale(null)).toBe(false);
  });
});
