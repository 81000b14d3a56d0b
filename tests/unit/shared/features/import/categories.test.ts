import { describe, expect, it } from 'vitest';
import { CategoryResolver } from '../../../../../shared/features/import/categories';
import { guessMapping } from '../../../../../shared/features/import/fields';

const cats = new CategoryResolver([
  { code: '01', name: '城市管理', parentCode: null },
  { code: '01.01', name: '街面秩序', parentCode: '01' },
  { code: '01.01.001', name: '占道经营', parentCode: '01.01' },
  { code: '01.02', name: '城市照明', parentCode: '01' },
  { code: '01.02.001', name: '路灯不亮', parentCode: '01.02' },
  { code: '02', name: '公共设施', parentCode: null },
  { code: '02.01', name: '照明设施', parentCode: '02' },
  { code: '02.01.001', name: '路灯不亮', parentCode: '02.01' },
]);

describe('CategoryResolver', () => {
  it('takes a code, a unique name at any level, or a path at any depth', () => {
    expect(cats.resolve('01.01.001')).toBe('01.01.001');
    expect(cats.resolve('占道经营')).toBe('01.01.001');
    expect(cats.resolve('街面秩序')).toBe('01.01');
    expect(cats.resolve('城市管理/街面秩序/占道经营')).toBe('01.01.001');
    expect(cats.resolve('街面秩序-占道经营')).toBe('01.01.001');
    expect(cats.resolve('城市管理 > 占道经营')).toBe('01.01.001');
  });
  it('needs a path for an ambiguous name, and knows nothing of unknown ones', () => {
    expect(cats.resolve('路灯不亮')).toBeNull();
    expect(cats.resolve('公共设施/路灯不亮')).toBe('02.01.001');
    expect(cats.resolve('城市照明/路灯不亮')).toBe('01.02.001');
    expect(cats.resolve('共享单车乱停放')).toBeNull();
    expect(cats.resolve('公共设施/占道经营')).toBeNull();
  });
});

describe('guessMapping', () => {
  it('maps Chinese headers, the specific time columns before the generic ones', () => {
    expect(
      guessMapping(['序号', '来电时间', '反映内容', '问题分类', '所属社区', '办结时间', '是否满意']),
    ).toEqual({
      number: 0,
      receivedAt: 1,
      text: 2,
      category: 3,
      community: 4,
      closedAt: 5,
      satisfaction: 6,
    });
  });
});
