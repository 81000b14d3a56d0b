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
