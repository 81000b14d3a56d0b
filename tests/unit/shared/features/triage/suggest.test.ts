/** The category model: cold start from the catalogue, learning, driving words, doubt, speed. */
import { describe, expect, it } from 'vitest';
import {
  SuggestModel,
  categoryDoubt,
  features,
  textRuns,
} from '../../../../../shared/features/triage/suggest';

const CATS = [
  { code: '01', name: '城市管理', level: 1, parentCode: null },
  { code: '01.01', name: '市容环境', level: 2, parentCode: '01' },
  { code: '01.01.001', name: '餐饮油烟扰民', level: 3, parentCode: '01.01', keywords: ['油烟', '排烟'] },
  { code: '01.01.002', name: '路灯不亮', level: 3, parentCode: '01.01' },
  { code: '01.01.003', name: '垃圾清运不及时', level: 3, parentCode: '01.01' },
  { code: '01.01.004', name: '共享单车乱停放', level: 3, parentCode: '01.01' },
  { code: '01.01.009', name: '燃气泄漏', level: 3, parentCode: '01.01', emergency: { service: '119' } },
] as const;

describe('text features', () => {
  it('splits on digits, spaces and punctuation and makes 2- and 3-grams', () => {
    expect(textRuns('楼下 餐馆12号，油烟!')).toEqual(['楼下', '餐馆', '号', '油烟']);
    expect(features('油烟大')).toEqual(['油烟', '烟大', '油烟大']);
  });
});

describe('SuggestModel', () => {
  it('suggests from the catalogue alone (cold start), with the words that drove it', () => {
    const m = new SuggestModel(CATS);
    const s = m.suggest('楼下饭馆排烟管道油烟很大');
    expect(s[0]?.categoryCode).toBe('01.01.001');
    expect(s[0]?.words.join(',')).toMatch(/油烟|排烟/);
    expect(m.learned).toBe(0);
    // Emergency leaves are diverted at intake: never suggested.
    expect(m.suggest('燃气泄漏').some((x) => x.categoryCode === '01.01.009')).toBe(false);
  });

  it('learns words the catalogue lacks from closed orders', () => {
    const m = new SuggestModel(CATS);
    expect(m.suggest('小黄车堆满人行道')[0]?.categoryCode).not.toBe('01.01.004');
    for (let i = 0; i < 20; i++) {
      m.add('01.01.004', `小黄车堆满人行道第${i}次`);
      m.add('01.01.002', `晚上路灯坏了第${i}次`);
      m.add('01.01.003', `垃圾桶满了没人管第${i}次`);
    }
    const s = m.suggest('小黄车堆满人行道');
    expect(s[0]?.categoryCode).toBe('01.01.004');
    expect(s[0]?.words.join(',')).toContain('小黄车');
    expect(m.learned).toBe(60);
    // An unknown code is not learned (only catalogue leaves are classes) unless classes are open.
    expect(m.add('99.99.999', '什么')).toBe(false);
    expect(new SuggestModel(CATS, { openClasses: true }).add('99.99.999', '什么')).toBe(true);
  });

  it('gives at most three, best first, with confidences in 0..1; none for an unknown text', () => {
    const s = new SuggestModel(CATS).suggest('路灯不亮，垃圾也没人清运');
    expect(s).toHaveLength(3);
    expect(s[0]!.confidence).toBeGreaterThanOrEqual(s[1]!.confidence);
    for (const x of s) expect(x.confidence).toBeGreaterThanOrEqual(0);
    expect(new SuggestModel(CATS).suggest('12345 ???')).toEqual([]);
  });

  it('does not name a word twice (路灯 inside 路灯不亮)', () => {
    const w = new SuggestModel(CATS).suggest('路灯不亮')[0]!.words;
    expect(w).toEqual(['路灯不亮']);
  });

  it('flags a filed category that disagrees with a clear text, not one among the top three', () => {
    const s = new SuggestModel(CATS).suggest('垃圾清运不及时，垃圾桶满了');
    expect(categoryDoubt(s, '01.01.004')?.suggested.categoryCode).toBe('01.01.003');
    expect(categoryDoubt(s, '01.01.003')).toBeNull();
  });
});
