/**
 * Checks of local order commands that need more than the input schema and the reducer: the
 * reference data (units, communities, grids), the caller's role per action, the SLA policy.
 * Each throws an ApiError before anything is written.
 */
import { ApiError, ROLE_LABELS, roleAtLeast, type Role } from '../../../../shared/contract/index';
import {
  ACTION_LABELS,
  ACTION_ROLES,
  missingPermission,
  PERMISSION_LABELS,
  type ActionType,
  type Permission,
} from '../../../../shared/features/orders/action-roles';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { EventPayload, OrderAction } from '../../../../shared/features/orders/order-events';
import type { SlaPolicy, SlaRule } from '../../../../shared/features/orders/sla-policy';
import { ruleFor } from '../../../../shared/features/orders/sla-clock';
import type { Located, ReferenceIndex } from '../reference';

const DAY_MS = 86_400_000;

/**
 * Where a new order belongs, from what the intake gave and the reference data.
 *
 * - No codes given: both come from the point (lng/lat) by point-in-polygon over the grids (the
 *   grid's community), or over the communities where no grid covers the point.
 * - Codes given: each must exist, and a grid must belong to the given community. A given community
 *   without a grid gets the grid of the point when that grid lies in the community; a given grid
 *   brings its own community. Given codes are not checked against the point: they may come from
 *   an address lookup that is more precise than the caller's coordinates.
 * - Rule for orders outside the street: a point outside every grid and community keeps null codes
 *   and the order is still accepted — the appeal reached this hall, so the hall must still handle
 *   it (dispatch it, or transfer it to the right street); refusing it would lose the appeal.
 * - Before the first reference import nothing is known: the point gives nulls and any given code
 *   is refused as unknown.
 */
export function resolveLocation(
  idx: ReferenceIndex,
  order: Pick<EventPayload<'created'>, 'lng' | 'lat' | 'communityCode' | 'gridCode'>,
): Located {
  const { communityCode, gridCode } = order;
  // 待定位: no point yet; the codes given (if any) are checked, none is guessed.
  const point: [number, number] | null =
    order.lng !== null && order.lat !== null ? [order.lng, order.lat] : null;
  if (communityCode === null && gridCode === null)
    return point ? idx.locator.locate(point) : { communityCode: null, gridCode: null };
  if (communityCode !== null && !idx.communities.has(communityCode)) {
    throw new ApiError('unknown_reference', {
      params: { what: '社区编码', id: communityCode },
      field: 'order.communityCode',
    });
  }
  if (gridCode !== null) {
    const grid = idx.grids.get(gridCode);
    if (!grid)
      throw new ApiError('unknown_reference', {
        params: { what: '网格编码', id: gridCode },
        field: 'order.gridCode',
      });
    if (communityCode !== null && grid.communityCode !== communityCode) {
      throw ApiError.why(
        'invalid_input',
        `网格 ${gridCode} 不属于社区 ${communityCode}（属于 ${grid.communityCode}）`,
        'order.gridCode',
      );
    }
    return { communityCode: grid.communityCode, gridCode };
  }
  const here = point ? idx.locator.grid(point) : null;
  return { communityCode, gridCode: here && here.communityCode === communityCode ? here.code : null };
}

/** The unit ids an action names, with the input field that holds each. */
function unitRefs(action: OrderAction): Array<readonly [field: string, unitId: string]> {
  const p = 'action.payload';
  switch (action.type) {
    case 'dispatched':
      return [
        [`${p}.unitId`, action.payload.unitId],
        ...(action.payload.coUnitIds ?? []).map((u, i) => [`${p}.coUnitIds.${i}`, u] as const),
      ];
    case 'signed':
    case 'return_requested':
    case 'reported_in':
      return [[`${p}.unitId`, action.payload.unitId]];
    case 'whistled':
      return action.payload.unitIds.map((u, i) => [`${p}.unitIds.${i}`, u] as const);
    default:
      return [];
  }
}

/** Every unit an action names must be a unit of the reference data. */
export function checkUnitRefs(idx: ReferenceIndex, action: OrderAction): void {
  for (const [field, unitId] of unitRefs(action)) {
    if (!idx.units.has(unitId))
      throw new ApiError('unknown_reference', { params: { what: '单位', id: unitId }, field });
  }
}

/**
 * Approvals and overrides need a commander (ACTION_ROLES); 核查/结案 the verify permission
 * (ACTION_PERMISSIONS), which commanders have with their role and an admin grants to officers.
 */
export function requireActionRole(
  role: Role,
  action: ActionType,
  permissions: readonly Permission[] = [],
): void {
  const need = ACTION_ROLES[action];
  const missing = roleAtLeast(role, need) ? missingPermission({ role, permissions }, action) : null;
  if (missing)
    throw new ApiError('permission_required', {
      params: {
        permission: PERMISSION_LABELS[missing],
        permissionId: missing,
        proc: `orders.act: ${action}`,
      },
    });
  if (!roleAtLeast(role, need)) {
    throw new ApiError('role_required', {
      params: {
        action: ACTION_LABELS[action],
        actionType: action,
        role: need,
        roleLabel: ROLE_LABELS[need],
        proc: `orders.act: ${action}`,
      },
    });
  }
}

export interface ExtensionLimit {
  /** Most days one request may ask for. */
  readonly maxDays: number;
  /** How the SLA clock counts the days of an approved extension for this rule. */
  readonly unit: 'working_days' | 'calendar_days';
}

/**
 * The extension a rule allows, in the days an extension request counts.
 *
 * The request carries whole days; the SLA clock adds approved days as working days when the
 * rule's finish or extension counts working days, otherwise as calendar days (sla-clock.ts
 * extensionDuration). So the maximum is the rule's extension amount when it is given in days of
 * either kind, read in that same family; an extension given in hours or minutes allows its whole
 * number of 24-hour days (12 h allows none). null: the rule allows no extension.
 */
export function extensionLimit(rule: SlaRule): ExtensionLimit | null {
  const ext = rule.extension;
  if (!ext) return null;
  const unit =
    rule.finish.unit === 'working_days' || ext.unit === 'working_days' ? 'working_days' : 'calendar_days';
  let maxDays: number;
  switch (ext.unit) {
    case 'working_days':
    case 'calendar_days':
      maxDays = Math.floor(ext.amount);
      break;
    case 'hours':
      maxDays = Math.floor((ext.amount * 3_600_000) / DAY_MS);
      break;
    case 'minutes':
      maxDays = Math.floor((ext.amount * 60_000) / DAY_MS);
      break;
  }
  return maxDays >= 1 ? { maxDays, unit } : null;
}

/** 延期申请 must fit the SLA rule of the order: allowed at all, and not longer than its maximum. */
export function checkExtensionRequest(order: WorkOrder, policy: SlaPolicy, days: number): void {
  const limit = extensionLimit(ruleFor(order, policy));
  if (!limit) throw ApiError.why('lifecycle_refused', '该类工单不可延期', 'action');
  if (days > limit.maxDays) {
    const unit = limit.unit === 'working_days' ? '个工作日' : '天';
    throw ApiError.why(
      'invalid_input',
      `延期天数不能超过 ${limit.maxDays} ${unit}（申请了 ${days} 天）`,
      'action.payload.days',
    );
  }
}
