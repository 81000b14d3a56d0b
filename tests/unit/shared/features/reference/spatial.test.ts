import { describe, expect, it } from 'vitest';
import type { Ring } from '../../../../../shared/features/reference/jurisdiction';
import { pointInRing, ringBBox } from '../../../../../shared/features/reference/spatial';

const square: Ring = [
  [116.4, 39.9],
  [116.41, 39.9],
  [116.41, 39.91],
  [116.4, 39.91],
  [116.4, 39.9],
];

/** A "U": the notch between the arms is outside although it lies inside the bounding box. */
const u: Ring = [
  [0, 0],
  [3, 0],
  [3, 3],
  [2, 3],
  [2, 1],
  [1, 1],
  [1, 3],
  [0, 3],
  [0, 0],
];

describe('pointInRing', () => {
  it('tells inside from outside', () => {
    expect(pointInRing([116.405, 39.905], square)).toBe(true);
    expect(pointInRing([116.415, 39.905], square)).toBe(false);
    expect(pointInRing([116.405, 39.95], square)).toBe(false);
  });

  it('counts points on an edge or a vertex as inside', () => {
    expect(pointInRing([116.41, 39.905], square)).toBe(true);
    expect(pointInRing([116.405, 39.9], square)).toBe(true);
    expect(pointInRing([116.4, 39.9], square)).toBe(true);
  });

  it('handles concave rings exactly, not by bounding box', () => {
    expect(pointInRing([1.5, 2], u)).toBe(false);
    expect(pointInRing([0.5, 2], u)).toBe(true);
    expect(pointInRing([2.5, 2], u)).toBe(true);
    expect(pointInRing([1.5, 0.5], u)).toBe(true);
    // A horizontal ray through vertices (y = 1 and y = 3) must not double count.
    expect(pointInRing([-1, 1], u)).toBe(false);
    expect(pointInRing([0.5, 1], u)).toBe(true);
  });

  it('accepts an unclosed ring and refuses a degenerate one', () => {
    expect(pointInRing([116.405, 39.905], square.slice(0, 4))).toBe(true);
    expect(
      pointInRing(
        [0, 0],
        [
          [0, 0],
          [1, 1],
        ],
      ),
    ).toBe(false);
  });
});

describe('ringBBox', () => {
  it('is the extent of the ring', () => {
    expect(ringBBox(u)).toEqual({ minX: 0, minY: 0, maxX: 3, maxY: 3 });
  });
});
