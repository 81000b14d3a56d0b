import { describe, expect, it } from 'vitest';
import {
  estimateMsLeft,
  percentDone,
  type RunningImport,
} from '../../../../../../renderer/src/features/import/import-job';

describe('the import’s time left', () => {
  it('goes by the rate so far', () => {
    // 25,000 of 100,000 rows in 10 s: 75,000 more at 2,500 rows/s.
    expect(estimateMsLeft(25_000, 100_000, 10_000)).toBe(30_000);
  });

  it('says nothing before there is a rate to go by', () => {
    expect(estimateMsLeft(0, 100_000, 10_000)).toBeNull();
    expect(estimateMsLeft(500, 100_000, 1_000)).toBeNull();
    expect(estimateMsLeft(5_000, 0, 10_000)).toBeNull();
  });

  it('says nothing once every row is done', () => {
    expect(estimateMsLeft(100_000, 100_000, 40_000)).toBeNull();
  });
});

describe('the import’s percentage', () => {
  const at = (done: number, total: number) => ({ done, total }) as RunningImport;

  it('rounds down: 100 only once every row is done', () => {
    expect(percentDone(at(1_995, 2_000))).toBe(99);
    expect(percentDone(at(2_000, 2_000))).toBe(100);
    expect(percentDone(at(500, 2_000))).toBe(25);
  });

  it('is 0 before the total is known', () => {
    expect(percentDone(at(0, 0))).toBe(0);
  });
});
