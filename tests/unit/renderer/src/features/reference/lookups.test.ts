import { describe, expect, it } from 'vitest';
import type { Category } from '../../../../../../shared/features/reference/catalogue';
import { categoryPath } from '../../../../../../renderer/src/features/reference/lookups';

const cat = (code: string, name: string): [string, Category] => [
  code,
  { code, name, level: code.split('.').length as 1 | 2 | 3, parentCode: null, defaultUrgency: 'P2' },
];

describe('categoryPath', () => {
  it('joins the names of every level, falling back to codes', () => {
    const m = new Map([cat('03', '市容环境'), cat('03.02', '噪声污染'), cat('03.02.004', '商铺噪音扰民')]);
    expect(categoryPath(m, '03.02.004')).toBe('市容环境 / 噪声污染 / 商铺噪音扰民');
    expect(categoryPath(m, '03.09')).toBe('市容环境 / 03.09');
  });
});
