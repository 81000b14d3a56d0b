/**
 * 三率: response, resolution, satisfaction, and the composite score (PRODUCT.md "Three rates").
 * Over valid call-backs: 响应率 = contacted / valid; 解决率 = solved / valid;
 * 满意率 = (satisfied + basicFactor × basic) / valid; composite = weighted sum of the three.
 * Counts are a plain object so that SQL (SUM(CASE …)) can supply them directly.
 */
import type { WorkOrder } from '../orders/order';

export interface CallbackCounts {
  readonly valid: number;
  readonly contacted: number;
  readonly solved: number;
  readonly satisfied: number;
  readonly basic: number;
  readonly unsatisfied: number;
}

export interface RateWeights {
  readonly response: number;
  readonly resolution: number;
  readonly satisfaction: number;
  /** Weight of 基本满意 in 满意率. */
  readonly basicFactor: number;
}

export const DEFAULT_RATE_WEIGHTS: RateWeights = {
  response: 0.1,
  resolution: 0.5,
  satisfaction: 0.4,
  basicFactor: 0.9,
};

export interface ThreeRates {
  readonly valid: number;
  /** Fractions 0..1; null when there is no valid call-back. */
  readonly response: number | null;
  readonly resolution: number | null;
  readonly satisfaction: number | null;
  readonly composite: number | null;
}

export const EMPTY_CALLBACK_COUNTS: CallbackCounts = {
  valid: 0,
  contacted: 0,
  solved: 0,
  satisfied: 0,
  basic: 0,
  unsatisfied: 0,
};

export function threeRates(c: CallbackCounts, w: RateWeights = DEFAULT_RATE_WEIGHTS): ThreeRates {
  if (!(c.valid > 0)) {
    return { valid: 0, response: null, resolution: null, satisfaction: null, composite: null };
  }
  const response = c.contacted / c.valid;
  const resolution = c.solved / c.valid;
  const satisfaction = (c.satisfied + w.basicFactor * c.basic) / c.valid;
  const composite = w.response * response + w.resolution * resolution + w.satisfaction * satisfaction;
  return { valid: c.valid, response, resolution, satisfaction, composite };
}

/** Counts from projected orders (in-memory equivalent of the SQL aggregate): valid call-backs only. */
export function countCallbacks(orders: Iterable<WorkOrder>): CallbackCounts {
  let valid = 0;
  let contacted = 0;
  let solved = 0;
  let satisfied = 0;
  let basic = 0;
  let unsatisfied = 0;
  for (const o of orders) {
    const cb = o.callback;
    if (!cb || !cb.valid) continue;
    valid++;
    if (cb.contacted) contacted++;
    if (cb.solved) solved++;
    if (cb.satisfaction === 'satisfied') satisfied++;
    else if (cb.satisfaction === 'basic') basic++;
    else unsatisfied++;
  }
  return { valid, contacted, solved, satisfied, basic, unsatisfied };
}

/** Sum counts of several groups (e.g. communities into the street). */
export function addCallbackCounts(a: CallbackCounts, b: CallbackCounts): CallbackCounts {
  return {
    valid: a.valid + b.valid,
    contacted: a.contacted + b.contacted,
    solved: a.solved + b.solved,
    satisfied: a.satisfied + b.satisfied,
    basic: a.basic + b.basic,
    unsatisfied: a.unsatisfied + b.unsatisfied,
  };
}
