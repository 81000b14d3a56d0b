import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../shared/kernel/seeded-random';

describe('seededRandom', () => {
  it('gives the numbers of mulberry32, the same for a seed on every run (the evaluation folds depend on it)', () => {
    const r = seededRandom(1);
    expect([r(), r(), r()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const s = seededRandom(2026);
    for (let i = 0; i < 100_000; i++) s();
    expect(s()).toBe(0.198355155531317);
  });
});
