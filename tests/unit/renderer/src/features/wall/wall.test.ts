import { describe, expect, it } from 'vitest';
import {
  CAROUSEL_STORAGE_KEY,
  clampCarouselMs,
  DEFAULT_CAROUSEL_MS,
  nextCarouselPanel,
  readCarouselMs,
  saveCarouselMs,
  type StorageLike,
} from '../../../../../../renderer/src/features/wall/carousel';
import { layoutFor } from '../../../../../../renderer/src/features/wall/layout';
import { searchWithWall, wallFromSearch } from '../../../../../../renderer/src/features/wall/wall-flag';

function memory(init: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...init };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}

describe('layoutFor', () => {
  it('picks the layout of the three wall sizes by window size', () => {
    expect(layoutFor(1920, 1080)).toBe('hd');
    expect(layoutFor(3840, 2160)).toBe('uhd');
    expect(layoutFor(5760, 1080)).toBe('ultrawide');
    expect(layoutFor(1600, 960)).toBe('hd');
    expect(layoutFor(3840, 1080)).toBe('ultrawide');
  });
});

describe('wall flag from the URL', () => {
  it('reads ?wall=1 and writes it back without touching other parameters', () => {
    expect(wallFromSearch('?wall=1')).toBe(true);
    expect(wallFromSearch('?token=abc&wall=true')).toBe(true);
    expect(wallFromSearch('?wall=0')).toBe(false);
    expect(wallFromSearch('')).toBe(false);
    expect(searchWithWall('?token=abc', true)).toBe('?token=abc&wall=1');
    expect(searchWithWall('?wall=1', false)).toBe('');
  });
});

describe('carousel', () => {
  it('rotates the wall panels, skipping 指挥调度', () => {
    expect(nextCarouselPanel('awareness')).toBe('analysis');
    expect(nextCarouselPanel('analysis')).toBe('evaluation');
    expect(nextCarouselPanel('evaluation')).toBe('awareness');
    expect(nextCarouselPanel('dispatch')).toBe('awareness');
  });

  it('keeps the interval in storage; the URL (seconds) wins; bad values fall back', () => {
    const s = memory();
    expect(readCarouselMs(s, '')).toBe(DEFAULT_CAROUSEL_MS);
    saveCarouselMs(s, 30_000);
    expect(s.data[CAROUSEL_STORAGE_KEY]).toBe('30000');
    expect(readCarouselMs(s, '')).toBe(30_000);
    expect(readCarouselMs(s, '?carousel=20')).toBe(20_000);
    expect(readCarouselMs(s, '?carousel=0')).toBe(0);
    expect(readCarouselMs(s, '?carousel=abc')).toBe(30_000);
    expect(readCarouselMs(memory({ [CAROUSEL_STORAGE_KEY]: 'junk' }), '')).toBe(DEFAULT_CAROUSEL_MS);
    expect(clampCarouselMs(1)).toBe(5_000);
    expect(clampCarouselMs(-1)).toBeNull();
    expect(readCarouselMs(null, '')).toBe(DEFAULT_CAROUSEL_MS);
  });
});
