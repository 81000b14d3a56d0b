/**
 * The search index's document and the query it is matched with (store/event-log/projection.ts;
 * docs/STORE.md, "search"). The store's tests search real orders; these pin the tokens.
 */
import { describe, expect, it } from 'vitest';
import { searchGrams, searchMatch } from '../../../../../electron/core/store/event-log/projection';

describe('searchGrams', () => {
  it('gives each run its 2-character windows in order, then its last character', () => {
    expect(searchGrams('路灯不亮', '', '')).toBe('路灯 灯不 不亮 亮');
    // Punctuation ends a run; Latin and digits are lower-cased word characters.
    expect(searchGrams('B1层，漏水', '', '')).toBe('b1 1层 层 漏水 水');
    expect(searchGrams('水', '', '')).toBe('水');
  });

  it('leaves out a text that stands whole in another of the order, and one copy of equal texts', () => {
    const description = '市民反映劲松中街25号楼道堆物，影响通行。';
    const withAddress = searchGrams('楼道堆物', description, '劲松中街25号');
    expect(withAddress).toBe(searchGrams('', description, ''));
    // A title cut from the text with its spaces collapsed still stands in it.
    expect(searchGrams('噪音 扰民', '夜间施工  噪音\n扰民', '')).toBe(
      searchGrams('', '夜间施工  噪音\n扰民', ''),
    );
    expect(searchGrams('漏水', '漏水', '')).toBe('漏水 水');
    // Not within: all three are indexed.
    expect(searchGrams('卫生间漏水', '楼上渗水', '东社区')).toBe(
      '卫生 生间 间漏 漏水 水 楼上 上渗 渗水 水 东社 社区 区',
    );
  });
});

describe('searchMatch', () => {
  it('makes each run a phrase of its windows, a 1-character run a prefix query, all ANDed', () => {
    expect(searchMatch('路灯不亮')).toBe('"路灯 灯不 不亮"');
    expect(searchMatch('噪音')).toBe('"噪音"');
    expect(searchMatch('水')).toBe('"水"*');
    expect(searchMatch('路灯，南门 B1')).toBe('"路灯" AND "南门" AND "b1"');
    expect(searchMatch('，。！')).toBeNull();
  });
});
