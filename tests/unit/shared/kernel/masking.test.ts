/** The masking of free text (issue 11, item 4): every form of the issue, and what must stay. */
import { describe, expect, it } from 'vitest';
import {
  digitsView,
  maskAddress,
  maskName,
  maskNamesIn,
  maskPersonalIn,
  maskPhone,
  maskPhonesIn,
} from '../../../../shared/kernel/masking';

const ZW = '\u200b';

describe('maskPhonesIn', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 13812345678', '+138****5678'],
    ['+8613812345678', '+138****5678'],
    ['008613812345678', '138****5678'],
    ['86 13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138.1234.5678', '138****5678'],
    [`138${ZW}1234\u200c5678`, '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['一三八一二三四五六七八', '138****5678'],
    ['幺三八幺二三四五六七八', '138****5678'],
    ['010-87654321', '010****4321'],
    ['(010)87654321', '(010****4321'],
    ['010 8765 4321', '010****4321'],
    ['（０１０）８７６５４３２１', '（010****4321'],
    ['0755-8765432', '075****5432'],
    ['110101199003071234', '11**************34'],
    ['11010119900307123X', '11**************3X'],
    ['11010119900307123x', '11**************3X'],
  ])('%s → %s', (form, masked) => {
    expect(maskPhonesIn(`请联系 ${form} 谢谢`)).toBe(`请联系 ${masked} 谢谢`);
  });

  it('masks several numbers in one text, and is idempotent', () => {
    const once = maskPhonesIn('甲 13812345678，乙 139-8765-4321，座机 010 8765 4321');
    expect(once).toBe('甲 138****5678，乙 139****4321，座机 010****4321');
    expect(maskPhonesIn(once)).toBe(once);
  });

  it('leaves dates, times, counts, house numbers and short numbers alone', () => {
    for (const t of [
      '2026-03-10 10:30 报修',
      '3号楼2单元501室',
      '共 12 户',
      '订单 20260310',
      '电话 12345',
      '12345 热线',
    ])
      expect(maskPhonesIn(t)).toBe(t);
  });

  it('digitsView reads numbers the way the masking does', () => {
    expect(digitsView(`１３８${ZW}-１２３4 5678`)).toBe('13812345678');
    expect(digitsView('138****5678')).toBe('1385678');
  });
});

describe('names and addresses', () => {
  it("masks the citizen's own name wherever typed, even split by spaces or zero-width characters", () => {
    expect(maskNamesIn(`张三反映，张 三说，张${ZW}三再说`, ['张三'])).toBe('张*反映，张*说，张*再说');
    expect(maskNamesIn('欧阳修远来电', ['欧阳修远'])).toBe('欧***来电');
    // One-character names would hit ordinary words: left alone.
    expect(maskNamesIn('王府井', ['王'])).toBe('王府井');
    expect(maskPersonalIn('张三 13812345678', ['张三'])).toBe('张* 138****5678');
  });

  it('an address keeps the road or estate, not the door', () => {
    expect(maskAddress('光华路12号3号楼2单元501室')).toBe('光华路**');
    expect(maskAddress('幸福里小区')).toBe('幸福里小区');
    expect(maskAddress('12号楼')).toBe('**');
    expect(maskAddress('光华路十二号')).toBe('光华路十**');
  });

  it('maskName and maskPhone', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskPhone('１３８ 1234 5678')).toBe('138****5678');
    expect(maskPhone('12')).toBe('12');
  });
});
