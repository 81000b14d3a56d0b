/** The orders.* procedures: the list, the detail, intake, every lifecycle action, recommendation. */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { OrderActionSchema, EVENT_PAYLOADS, type OrderEvent } from './order-events';
import { OrderSource, OrderStatus, Urgency, type WorkOrder } from './order';
import { SAFE_ID, SAFE_ID_MESSAGE } from './safe-text';
import { QUEUES, type QueueId } from './queues';
import type { TimerState } from './sla-clock';
import type { UnitKind } from '../reference/organisation';
import type { UnitDuty } from '../duty/duty';

/** A row of the orders list: enough for the table, nothing personal. */
export interface OrderListRow {
  readonly id: string;
  readonly title: string;
  readonly status: OrderStatus;
  readonly urgency: Urgency;
  readonly source: OrderSource;
  readonly categoryCode: string;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
  readonly unitId: string | null;
  readonly address: string;
  readonly receivedAt: number;
  /** Internal finish deadline (ms), null when no finish timer runs. */
  readonly finishDeadline: number | null;
  readonly overdue: boolean;
}

export interface OrderListPage {
  readonly rows: readonly OrderListRow[];
  /** Total matching rows (capped at 10,000 for speed; `totalCapped` says so). */
  readonly total: number;
  readonly totalCapped: boolean;
  /** Opaque cursor for the next page, null at the end. */
  readonly nextCursor: string | null;
}

/** Who is working on an order now (a soft edit lock, released or expired by itself). */
export interface OrderLockView {
  readonly holder: string;
  /** The holder's full name as others see it (张三 正在处理). */
  readonly holderName: string;
  /** What they opened (an action type, or '' for the detail itself). */
  readonly purpose: string;
  readonly since: number;
  readonly expiresAt: number;
  /** The caller holds it. */
  readonly mine: boolean;
}

export interface OrderDetail {
  /** Citizen name/phone masked unless the caller's role may see them. */
  readonly order: WorkOrder;
  readonly events: readonly OrderEvent[];
  readonly timers: readonly TimerState[];
  /** Someone working on the order now, or null. */
  readonly lock: OrderLockView | null;
}

/** orders.queues: how many orders wait in each work queue of the desk, now. */
export interface QueueCounts {
  readonly counts: Readonly<Record<QueueId, number>>;
  readonly at: number;
}

/** One ranked unit of orders.recommend (shared/features/orders/recommend.ts scores it). */
export interface UnitRecommendation {
  readonly unitId: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** Weighted sum of the factors, 0..1. */
  readonly score: number;
  /** Each factor 0..1, before weighting. */
  readonly factors: {
    readonly responsibility: number;
    readonly grid: number;
    readonly distance: number;
    readonly load: number;
    readonly skills: number;
  };
  /** Open orders of the unit now. */
  readonly load: number;
  /** Metres from the unit to the order, null without a location. */
  readonly distanceM: number | null;
  /** Short Chinese reasons (责任单位, 本社区, 距离…, 在办…件). */
  readonly reasons: readonly string[];
  /**
   * Shift-aware dispatch: when the unit has a group in the 值班表, who is on duty in it now
   * (`onDuty: null` = nobody: the order goes to the unit itself); null when it has no group.
   */
  readonly duty: UnitDuty | null;
}

export interface OrderRecommendations {
  readonly orderId: string;
  /** The unit the responsibility list names for the order's category × community, if any. */
  readonly responsibleUnitId: string | null;
  /** Best first; at most `limit`. */
  readonly candidates: readonly UnitRecommendation[];
}

const orderId = z.string().min(1).max(64).regex(SAFE_ID, SAFE_ID_MESSAGE);
const epochMs = z.number().int().nonnegative();

export const OrdersListInput = z.object({
  status: z.array(OrderStatus).max(8).optional(),
  urgency: z.array(Urgency).max(4).optional(),
  source: z.array(OrderSource).max(7).optional(),
  /** Category code at any level; matches its descendants. */
  categoryCode: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/)
    .optional(),
  communityCode: z.string().max(20).optional(),
  gridCode: z.string().max(24).optional(),
  receivedFrom: epochMs.optional(),
  receivedTo: epochMs.optional(),
  overdueOnly: z.boolean().optional(),
  /** Full-text search over title, description and address; 1 character and up. */
  q: z.string().trim().max(100).optional(),
  /** Exactly these orders (a drill-down from 分析研判: a hotspot's orders); other filters still apply. */
  ids: z.array(orderId).min(1).max(500).optional(),
  /** A work queue of the desk: its orders, most urgent first (other filters still apply). */
  queue: z.enum(QUEUES).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).nullable().optional(),
});
export type OrdersListInput = z.input<typeof OrdersListInput>;

/** How long a soft lock lasts without renewal; the desk renews it while an action form is open. */
export const ORDER_LOCK_TTL_MS = 2 * 60_000;

export const OrdersLockInput = z.object({
  orderId,
  /** The action being prepared (shown to others), '' for looking at the detail. */
  purpose: z.string().max(40).default(''),
});

export const OrdersCreateInput = z
  .object({
    /** Client-chosen id makes the intake idempotent: repeating it returns the same order. */
    orderId: orderId.optional(),
    order: EVENT_PAYLOADS.created,
  })
  .refine((i) => i.order.imported === undefined, {
    // History enters only through the 台账 import (import.run), never as a new intake.
    message: '历史工单只能通过导入台账录入',
    path: ['order', 'imported'],
  });

export const OrdersRecommendInput = z.object({
  orderId,
  limit: z.number().int().min(1).max(50).default(5),
});

export const OrdersActInput = z.object({
  orderId,
  /** The order version the user saw; a different current version is a conflict. */
  expectedVersion: z.number().int().nonnegative(),
  action: OrderActionSchema,
  /** Client-chosen event id makes the action idempotent across retries. */
  eventId: z.string().min(1).max(128).regex(SAFE_ID, SAFE_ID_MESSAGE).optional(),
});

const ORDER_READ = { stale: ['orders.changed', 'reference.changed'] } as const;
const ORDER_WRITE = { changes: ['orders.changed'] } as const;

export const ORDERS_PROCS = {
  'orders.list': query<OrderListPage>()(OrdersListInput, ORDER_READ),
  'orders.get': query<OrderDetail>()(z.object({ orderId }), ORDER_READ),
  'orders.create': mutation<OrderDetail>()(OrdersCreateInput, ORDER_WRITE),
  'orders.act': mutation<OrderDetail>()(OrdersActInput, ORDER_WRITE),
  /** Dispatch recommendation: units ranked by responsibility, area, distance, load, skills. */
  'orders.recommend': query<OrderRecommendations>()(OrdersRecommendInput, { ...ORDER_READ, role: 'officer' }),
  /** The desk's work queues with their counts now. */
  'orders.queues': query<QueueCounts>()(z.object({}), ORDER_READ),
  /** Takes (or renews) the soft edit lock of an order; refused while someone else holds it. */
  'orders.lock': mutation<OrderLockView>()(OrdersLockInput, ORDER_WRITE),
  /** Releases the caller's lock (nothing happens when the caller does not hold it). */
  'orders.unlock': mutation<{ readonly released: boolean }>()(z.object({ orderId }), ORDER_WRITE),
  /** A commander breaks someone else's lock, with a reason (audited). */
  'orders.breakLock': mutation<{ readonly broken: boolean }>()(
    z.object({ orderId, reason: z.string().trim().min(1, '请填写原因').max(200) }),
    { ...ORDER_WRITE, role: 'commander' },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
