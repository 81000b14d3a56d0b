/**
 * orders.recommend: dispatch recommendation (PRODUCT.md §3 Dispatch) with real inputs — the
 * units and the responsibility list of the reference data, the order's category, community, grid
 * and point, and each unit's open orders now. Scoring is shared/features/orders/recommend.ts.
 *
 * Two caches per database, so a call costs an order read plus scoring a few dozen units:
 * - reference (units, rules): rebuilt when the stored reference version changes, like
 *   reference-index.ts;
 * - load per unit: recomputed only when the store changed since (storeChangeStamp), so the
 *   answer is never stale — an order dispatched a moment ago counts at once — and a burst of
 *   reads (the officer stepping through 待派单 orders) pays the open-orders scan once.
 */
import { ApiError } from '../../../../shared/contract/index';
import type { UnitRecommendation } from '../../../../shared/features/orders/contract';
import type { ResponsibilityRule } from '../../../../shared/features/reference/catalogue';
import { findResponsibleUnit } from '../../../../shared/features/reference/catalogue';
import type { Unit } from '../../../../shared/features/reference/organisation';
import { recommend, unitCandidate } from '../../../../shared/features/orders/recommend';
import { unitDutyAt } from '../../../../shared/features/duty/duty';
import { openOrdersByUnit, readResponsibilityRules, storeChangeStamp, unitShifts } from './queries-dispatch';
import { getOrder } from '../../store/event-log/events';
import { readReferenceSnapshot, referenceVersion } from '../../store/reference';
import type { ReadableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';

interface DispatchReference {
  readonly version: number;
  readonly units: readonly Unit[];
  readonly unitById: ReadonlyMap<string, Unit>;
  readonly rules: readonly ResponsibilityRule[];
}

const refCache = new WeakMap<object, DispatchReference>();
const loadCache = new WeakMap<
  object,
  { readonly stamp: string; readonly load: ReadonlyMap<string, number> }
>();

function dispatchReference(db: ReadableDb): DispatchReference {
  const version = referenceVersion(db);
  const hit = refCache.get(db);
  if (hit && hit.version === version) return hit;
  const units = readReferenceSnapshot(db).units;
  const fresh = {
    version,
    units,
    unitById: new Map(units.map((u) => [u.id, u])),
    rules: readResponsibilityRules(db),
  };
  refCache.set(db, fresh);
  return fresh;
}

/** Open orders per unit, exact as of now (see the file comment). */
function unitLoad(db: ReadableDb): ReadonlyMap<string, number> {
  const stamp = storeChangeStamp(db);
  const hit = loadCache.get(db);
  if (hit && hit.stamp === stamp) return hit.load;
  const load = openOrdersByUnit(db);
  loadCache.set(db, { stamp, load });
  return load;
}

export const ordersRecommend: Handler<'orders.recommend'> = (input, call, env) => {
  // 推荐派单 serves 派单, the hall's step: a unit account (issue 15) does not dispatch, and the
  // ranking would show it other units' loads and the orders it is not on.
  if (call.unitId) throw new ApiError('unit_scope', { field: 'orderId' });
  const db = env.db;
  const order = getOrder(db, input.orderId);
  if (!order) throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
  const ref = dispatchReference(db);
  const load = unitLoad(db);
  // The unit that holds the order now (the one asking to return it, or the one a 转派 moves it
  // away from) is no candidate.
  const candidates = ref.units
    .filter((u) => u.id !== order.unitId)
    .map((u) => unitCandidate(u, load.get(u.id) ?? 0));
  const ranked = recommend(
    {
      categoryCode: order.categoryCode,
      communityCode: order.communityCode,
      gridCode: order.gridCode,
      lng: order.lng,
      lat: order.lat,
    },
    candidates,
    ref.rules,
  );
  // Shift-aware dispatch: a unit with a group in the 值班表 names whoever is on duty in it now.
  const duty = unitDutyAt(unitShifts(db), env.now());
  return {
    orderId: order.id,
    responsibleUnitId:
      findResponsibleUnit(ref.rules, order.categoryCode, order.communityCode)?.unitId ?? null,
    candidates: ranked.slice(0, input.limit).map((r): UnitRecommendation => ({
      unitId: r.candidate.id,
      name: r.candidate.name,
      // Every candidate is one of ref.units.
      kind: ref.unitById.get(r.candidate.id)?.kind ?? 'department',
      score: r.score,
      factors: r.factors,
      load: r.candidate.load,
      distanceM: r.distanceM,
      reasons: r.reasons,
      duty: duty.get(r.candidate.id) ?? null,
    })),
  };
};
