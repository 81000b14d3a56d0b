/** Self-intersection of rings (issue 11, item 8). */
import { describe, expect, it } from 'vitest';
import { ringSelfIntersection } from '../../../../../../electron/core/features/map/geometry-checks';

type P = [number, number];
const square: P[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('ringSelfIntersection', () => {
  it('a simple ring has none, with or without repeated points', () => {
    expect(ringSelfIntersection(square)).toBeNull();
    expect(
      ringSelfIntersection([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toBeNull();
  });

  it('finds a bow-tie, a loop and an edge folding back', () => {
    expect(
      ringSelfIntersection([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).not.toBeNull();
    expect(
      ringSelfIntersection([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, -1],
        [0, 2],
        [0, 0],
      ]),
    ).not.toBeNull();
    expect(
      ringSelfIntersection([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).not.toBeNull();
  });

  it('a ring of 20,000 points is checked quickly', () => {
    const n = 20_000;
    const ring: P[] = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return [116.4 + 0.01 * Math.cos(a), 39.9 + 0.01 * Math.sin(a)];
    });
    ring.push(ring[0]!);
    const t0 = performance.now();
    expect(ringSelfIntersection(ring)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
