/**
 * Who owns what between the upstream platform and a hall (docs/SYNC.md): upstream owns an
 * appeal's content and its upstream deadlines, closing of its orders and call-back results; the
 * hall owns dispatch and handling. Pure, so the hub (on push) and the hall (on pull) apply the
 * same rule.
 */
import type { OrderEvent, OrderEventType } from '../orders/order-events';

/** Event types only the upstream platform may write about an order it created. */
export const UPSTREAM_OWNED: ReadonlySet<OrderEventType> = new Set<OrderEventType>([
  'created',
  'closed',
  'callback_recorded',
]);

/** Event types only a hall writes: dispatch and handling. */
export const HALL_OWNED: ReadonlySet<OrderEventType> = new Set<OrderEventType>([
  'dispatched',
  'signed',
  'contacted',
  'progressed',
  'replied',
  'verified',
  'return_requested',
  'return_decided',
  'extension_requested',
  'extension_decided',
  'suspended',
  'resumed',
  'merged',
  'whistled',
  'reported_in',
  'located',
  'volunteer_assigned',
  'volunteer_accepted',
  'volunteer_declined',
  'volunteer_rated',
  'member_assist_added',
  'member_assist_removed',
]);

export type OrderOrigin = 'upstream' | 'hall';

export interface OwnershipInput {
  readonly event: Pick<OrderEvent, 'type' | 'payload'>;
  /** The event was written by the upstream platform (its node is the hub's). */
  readonly fromUpstream: boolean;
  /** Who created the order the event is about; null when the order is not known yet. */
  readonly orderOrigin: OrderOrigin | null;
}

export type OwnershipVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: OwnershipVerdict = { ok: true };

export function checkOwnership(input: OwnershipInput): OwnershipVerdict {
  const { event, fromUpstream, orderOrigin } = input;
  if (fromUpstream) {
    if (HALL_OWNED.has(event.type)) {
      return {
        ok: false,
        reason: `派单和办理由街道中心负责，上级平台不能写入“${event.type}” (hall_owned: ${event.type})`,
      };
    }
    return OK;
  }
  if (event.type === 'created') {
    if (orderOrigin === 'upstream') {
      return {
        ok: false,
        reason: '上级工单的诉求内容由上级平台负责，不能在中心修改 (upstream_owned: created)',
      };
    }
    const p = event.payload as { upstreamId?: unknown; upstreamDeadline?: unknown };
    if ((p.upstreamId ?? null) !== null || (p.upstreamDeadline ?? null) !== null) {
      return {
        ok: false,
        reason: '上级编号和上级期限只能由上级平台设定 (upstream_owned: upstreamId/upstreamDeadline)',
      };
    }
    return OK;
  }
  if (orderOrigin === 'upstream' && UPSTREAM_OWNED.has(event.type)) {
    return {
      ok: false,
      reason: `上级工单的结案和回访结果由上级平台负责，中心不能写入“${event.type}” (upstream_owned: ${event.type})`,
    };
  }
  return OK;
}
