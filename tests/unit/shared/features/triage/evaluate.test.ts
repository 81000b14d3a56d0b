/** The evaluation's arithmetic: folds, acc@1/@3, macro-F1, the baselines, duplicate precision/recall. */
import { describe, expect, it } from 'vitest';
import { duplicateScores, evaluateSuggestions } from '../../../../../shared/features/triage/evaluate';

const CATS = [
  { code: '01.01.001', name: '路灯不亮', level: 3, parentCode: null },
  { code: '01.01.002', name: '噪音扰民', level: 3, parentCode: null },
  { code: '01.01.003', name: '垃圾清运', level: 3, parentCode: null },
];

describe('evaluateSuggestions', () => {
  it('learns what the catalogue cannot know and beats both baselines', () => {
    const docs = [
      ...Array.from({ length: 30 }, (_, i) => ({ text: `黑灯瞎火走夜路${i}`, label: '01.01.001' })),
      ...Array.from({ length: 20 }, (_, i) => ({ text: `广场舞音响太吵${i}`, label: '01.01.002' })),
      ...Array.from({ length: 10 }, (_, i) => ({ text: `垃圾桶满溢发臭${i}`, label: '01.01.003' })),
    ];
    const ev = evaluateSuggestions(docs, CATS, { folds: 5, seed: 1 }, () => 0);
    expect(ev).toMatchObject({ n: 60, classes: 3, folds: 5 });
    expect(ev.model.acc1).toBe(1);
    expect(ev.model.macroF1).toBe(1);
    expect(ev.majority.acc1).toBe(0.5); // always 路灯
    expect(ev.majority.acc3).toBe(1);
    expect(ev.catalogueOnly.acc1).toBeLessThan(ev.model.acc1);
    expect(ev.model.perClass.map((c) => c.label)).toEqual(['01.01.001', '01.01.002', '01.01.003']);
  });
});

describe('duplicateScores', () => {
  it('counts a pair found as a hit and every other candidate against precision', () => {
    const known = new Map([
      ['B', 'A'],
      ['D', 'C'],
    ]);
    const s = duplicateScores(
      [
        { probe: 'B', found: ['A', 'X'] },
        { probe: 'D', found: [] },
        { probe: 'E', found: ['Y'] },
      ],
      known,
    );
    expect(s).toEqual({ precision: 1 / 3, recall: 0.5, pairs: 2, returned: 3 });
  });
});
