import { describe, expect, it } from 'vitest';
import { layoutFor } from '../../../../../../renderer/src/features/wall/layout';

describe('layoutFor', () => {
  it('picks the layout of the three wall sizes by window size', () => {
    expect(layoutFor(1920, 1080)).toBe('hd');
    expect(layoutFor(3840, 2160)).toBe('uhd');
    expect(layoutFor(5760, 1080)).toBe('ultrawide');
    expect(layoutFor(1600, 960)).toBe('hd');
    expect(layoutFor(3840, 1080)).toBe('ultrawide');
  });
});
