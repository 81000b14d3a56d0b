import { describe, expect, it } from 'vitest';
import { searchWithWall, wallFromSearch } from '../../../../../../renderer/src/platform/api/wall-flag';

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
