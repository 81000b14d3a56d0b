/**
 * The awareness.* procedures (the hall's wall) and their views. Spread into
 * CONTRACT by ./index.ts.
 */
import { z } from 'zod';
import type { OrderEventType } from '../orders/order-events';
import type { OrderStatus, Urgency } from '../orders/order';
import type { ThreeRates } from '../stats/three-rates';
import { mutation, query, type Proc } from '../../kernel/proc';

/** A counter of today and the same counter yesterday (null when it cannot be known cheaply). */
export interface DayFigure {
  readonly today: number;
  readonly yesterday: number | null;
}

/** Targets of the three rates (fractions). A setting later; the defaults are the street's goals. */
export interface RateTargets {
  readonly response: number;
  readonly resolution: number;
  readonly satisfaction: number;
}

export const DEFAULT_RATE_TARGETS: RateTargets = { response: 0.95, resolution: 0.9, satisfaction: 0.9 };

export interface AwarenessToday {
  /** Beijing date YYYY-MM-DD the counters are for. */
  readonly day: string;
  readonly asOf: number;
  /**
   * Flows of the day (受理 / 派遣 / 办结) compare with yesterday up to the same clock time, so
   * 09:00 today is not compared with all of yesterday.
   */
  readonly received: DayFigure;
  readonly dispatched: DayFigure;
  readonly finished: DayFigure;
  /** Stocks now (处置中 / 超期 / 预警) against the same stocks yesterday at this time (from the event log). */
  readonly inProgress: DayFigure;
  readonly overdue: DayFigure;
  /** Open orders past 50 % of their finish timer and not yet overdue. */
  readonly warning: DayFigure;
  /** This month's three rates, last month's for the change, and the targets. */
  readonly month: string;
  readonly rates: ThreeRates;
  readonly previousRates: ThreeRates;
  readonly targets: RateTargets;
}

/** One line of the live feed: an order event, masked as the caller must see it. */
export interface FeedItem {
  readonly eventId: string;
  readonly seq: number;
  readonly orderId: string;
  readonly type: OrderEventType;
  readonly at: number;
  readonly title: string;
  readonly urgency: Urgency;
  readonly status: OrderStatus;
  readonly communityCode: string | null;
  /** The unit the order is with (for 派遣 lines), null when none. */
  readonly unitId: string | null;
}

export interface AwarenessFeed {
  readonly items: readonly FeedItem[];
}

/** A P0/P1 order a duty officer must acknowledge on the wall. */
export interface AlarmItem {
  readonly orderId: string;
  readonly title: string;
  readonly urgency: Urgency;
  readonly status: OrderStatus;
  readonly receivedAt: number;
  readonly address: string;
  readonly communityCode: string | null;
  /** Null until acknowledged. */
  readonly acknowledgedAt: number | null;
  /** The account name, and its display name (masked on a wall). */
  readonly acknowledgedBy: string | null;
  readonly acknowledgedByName: string | null;
}

export interface AlarmList {
  /** P0/P1 orders of the last 24 h not yet signed for nor acknowledged, newest first: they sound the alarm. */
  readonly pending: readonly AlarmItem[];
  /** Recently acknowledged ones (last 24 h), newest acknowledgement first. */
  readonly acknowledged: readonly AlarmItem[];
}

const AwarenessFeedInput = z.object({ limit: z.number().int().min(1).max(100).default(30) });
const AlarmsAcknowledgeInput = z.object({ orderId: z.string().min(1).max(64) });

export const AWARENESS_PROCS = {
  'awareness.today': query<AwarenessToday>()(z.object({}), {
    stale: ['orders.changed', 'awareness.changed'],
  }),
  'awareness.feed': query<AwarenessFeed>()(AwarenessFeedInput, {
    stale: ['orders.changed', 'awareness.changed'],
  }),
  'awareness.alarms': query<AlarmList>()(z.object({}), { stale: ['orders.changed', 'awareness.changed'] }),
  /** Idempotent: a second acknowledgement keeps the first one's who and when. */
  'awareness.acknowledgeAlarm': mutation<AlarmItem>()(AlarmsAcknowledgeInput, {
    changes: ['awareness.changed'],
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
