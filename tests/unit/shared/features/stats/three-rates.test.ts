import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../../../shared/features/orders/order';
import {
  DEFAULT_RATE_WEIGHTS,
  EMPTY_CALLBACK_COUNTS,
  addCallbackCounts,
  countCallbacks,
  threeRates,
} from '../../../../../shared/features/stats/three-rates';

describe('threeRates', () => {
  it('hand-computed example with the default weights', () => {
    // 100 valid: 95 contacted, 80 solved, 70 satisfied, 20 basic, 10 unsatisfied
    const r = threeRates({
      valid: 100,
      contacted: 95,
      solved: 80,
      satisfied: 70,
      basic: 20,
      unsatisfied: 10,
    });
    expect(r.valid).toBe(100);
    expect(r.response).toBeCloseTo(0.95, 12);
    expect(r.resolution).toBeCloseTo(0.8, 12);
    expect(r.satisfaction).toBeCloseTo(0.88, 12); // (70 + 0.9×20) / 100
    expect(r.composite).toBeCloseTo(0.1 * 0.95 + 0.5 * 0.8 + 0.4 * 0.88, 12); // 0.847
    expect(r.composite).toBeCloseTo(0.847, 12);
  });
  it('configurable weights and basic factor', () => {
    const r = threeRates(
      { valid: 8, contacted: 8, solved: 4, satisfied: 2, basic: 4, unsatisfied: 2 },
      { response: 0.2, resolution: 0.4, satisfaction: 0.4, basicFactor: 0.5 },
    );
    expect(r.response).toBe(1);
    expect(r.resolution).toBe(0.5);
    expect(r.satisfaction).toBe(0.5); // (2 + 0.5×4) / 8
    expect(r.composite).toBeCloseTo(0.2 + 0.2 + 0.2, 12);
  });
  it('null when there is no valid call-back', () => {
    expect(threeRates(EMPTY_CALLBACK_COUNTS)).toEqual({
      valid: 0,
      response: null,
      resolution: null,
      satisfaction: null,
      composite: null,
    });
  });
  it('defaults are those of PRODUCT.md', () => {
    expect(DEFAULT_RATE_WEIGHTS).toEqual({
      response: 0.1,
      resolution: 0.5,
      satisfaction: 0.4,
      basicFactor: 0.9,
    });
  });
});

describe('countCallbacks', () => {
  const cb = (
    valid: boolean,
    contacted: boolean,
    solved: boolean,
    satisfaction: 'satisfied' | 'basic' | 'unsatisfied',
  ) => ({ callback: { at: 0, valid, contacted, solved, satisfaction } }) as unknown as WorkOrder;
  it('counts valid call-backs only', () => {
    const orders = [
      cb(true, true, true, 'satisfied'),
      cb(true, true, false, 'basic'),
      cb(true, false, false, 'unsatisfied'),
      cb(false, true, true, 'satisfied'), // invalid: ignored
      { callback: null } as unknown as WorkOrder,
    ];
    const c = countCallbacks(orders);
    expect(c).toEqual({ valid: 3, contacted: 2, solved: 1, satisfied: 1, basic: 1, unsatisfied: 1 });
    expect(addCallbackCounts(c, c)).toEqual({
      valid: 6,
      contacted: 4,
      solved: 2,
      satisfied: 2,
      basic: 2,
      unsatisfied: 2,
    });
    const r = threeRates(c);
    expect(r.satisfaction).toBeCloseTo(1.9 / 3, 12);
  });
});
