import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_SIDE_PX } from '../../../../../../renderer/src/features/dispatch/photo-shrink';

describe('fitWithin', () => {
  it('keeps the aspect ratio with the longest side at most 1600 px, never enlarging', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: MAX_SIDE_PX, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: MAX_SIDE_PX });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10_000, 10)).toEqual({ width: 1600, height: 2 });
    expect(fitWithin(0, 0)).toEqual({ width: 1, height: 1 });
  });
});
