/** 现场力量's pure rules: the box around the street, fade/hide by age, distance, age in words. */
import { describe, expect, it } from 'vitest';
import {
  ageParts,
  distanceM,
  freshness,
  inBox,
  isFieldRole,
  saneBox,
} from '../../../../../shared/features/field/field';

describe('field rules', () => {
  it('accepts positions inside the street box grown by ~1 km, nothing else', () => {
    const box = saneBox([
      [116.4, 39.9],
      [116.42, 39.9],
      [116.42, 39.92],
      [116.4, 39.92],
      [116.4, 39.9],
    ]);
    expect(inBox(box, 116.41, 39.91)).toBe(true);
    expect(inBox(box, 116.395, 39.925)).toBe(true); // a border road
    expect(inBox(box, 116.38, 39.91)).toBe(false);
    expect(inBox(box, 121.47, 31.23)).toBe(false);
  });

  it('fades after the fade age and hides after the hide age', () => {
    expect(freshness(9 * 60_000, 10, 60)).toBe('fresh');
    expect(freshness(10 * 60_000 + 1, 10, 60)).toBe('faded');
    expect(freshness(60 * 60_000 + 1, 10, 60)).toBe('hidden');
  });

  it('measures metres and says ages as a person does', () => {
    expect(distanceM([116.4, 39.9], [116.4, 39.901])).toBeCloseTo(111.2, 0);
    expect(ageParts(20_000)).toEqual({ unit: 'now', n: 0 });
    expect(ageParts(3 * 60_000 + 5_000)).toEqual({ unit: 'minutes', n: 3 });
    expect(ageParts(125 * 60_000)).toEqual({ unit: 'hours', n: 2 });
    expect(isFieldRole('grid_worker')).toBe(true);
    expect(isFieldRole('unit_staff')).toBe(false);
  });
});
