import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  templateRefusal,
} from '../../../../../../renderer/src/features/templates/template-form';
import { TemplateSaveInput } from '../../../../../../shared/features/templates/contract';
import { ApiError } from '../../../../../../shared/kernel/api-error';
import { zh } from '../../../../../../renderer/src/messages';

const t = (key: string): string => {
  const v = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], zh);
  if (typeof v !== 'string') throw new Error(`missing message ${key}`);
  return v;
};

const ok = {
  general: false,
  categoryCode: '01.02',
  title: '楼道灯已修复',
  body: '您反映的楼道灯问题已修复。',
};

describe('reply template form', () => {
  it('accepts what the contract accepts', () => {
    expect(checkTemplate(ok)).toEqual([]);
    expect(
      TemplateSaveInput.safeParse({ categoryCode: ok.categoryCode, title: ok.title, body: ok.body }).success,
    ).toBe(true);
    expect(checkTemplate({ ...ok, general: true, categoryCode: null })).toEqual([]);
  });

  it('names every problem with its Chinese message, in form order', () => {
    const problems = checkTemplate({ general: false, categoryCode: null, title: '  ', body: '' });
    expect(problems.map((p) => [p.field, t(p.key)])).toEqual([
      ['categoryCode', '请选择适用分类，或勾选通用模板'],
      ['title', '请填写模板名称'],
      ['body', '请填写答复内容'],
    ]);
  });

  it('refuses what the core would refuse: too long, or script-like markup', () => {
    const long = checkTemplate({ ...ok, title: '长'.repeat(61), body: '长'.repeat(2001) });
    expect(long.map((p) => p.key)).toEqual(['templates.problem.titleLong', 'templates.problem.bodyLong']);
    expect(
      TemplateSaveInput.safeParse({ categoryCode: null, title: '长'.repeat(61), body: 'x' }).success,
    ).toBe(false);
    const markup = checkTemplate({ ...ok, body: '见 <img src=x onerror=alert(1)>' });
    expect(markup).toEqual([{ field: 'body', key: 'templates.problem.markup' }]);
    expect(
      TemplateSaveInput.safeParse({ categoryCode: null, title: 'a', body: '见 <img src=x>' }).success,
    ).toBe(false);
  });

  it('places a refusal by reason and field', () => {
    expect(templateRefusal(new ApiError('record_not_found', { params: { id: 'x' } }))).toEqual({
      kind: 'gone',
    });
    expect(templateRefusal(ApiError.why('invalid_input', 'title: 请填写模板名称', 'title'))).toEqual({
      kind: 'field',
      field: 'title',
    });
    expect(templateRefusal(ApiError.why('invalid_input', 'x', 'categoryCode'))).toEqual({
      kind: 'field',
      field: 'categoryCode',
    });
    expect(
      templateRefusal(new ApiError('role_required', { params: { action: 'x', roleLabel: 'y' } })),
    ).toEqual({
      kind: 'general',
    });
  });
});
