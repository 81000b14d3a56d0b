/** Work orders (工单): vocabularies and the projected state the reducer produces. */
import { z } from 'zod';

export const URGENCIES = ['P0', 'P1', 'P2', 'P3'] as const;
/** P0 特急 · P1 紧急 · P2 一般 · P3 疑难 */
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

export const SOURCES = ['hotline', 'grid', 'iot', 'walk_in', 'whistle', 'volunteer', 'proactive'] as const;
/** 12345 热线 · 网格上报 · 物联感知 · 来访来电 · 社区吹哨 · 居民点单 · 主动治理 */
export const OrderSource = z.enum(SOURCES);
export type OrderSource = z.infer<typeof OrderSource>;

export const APPEAL_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion'] as const;
/** 咨询 · 求助 · 投诉 · 举报 · 建议 */
export const AppealType = z.enum(APPEAL_TYPES);
export type AppealType = z.infer<typeof AppealType>;

export const STATUSES = [
  'received', // 待派单
  'dispatched', // 待签收
  'in_progress', // 处置中
  'return_requested', // 退单审核中
  'replied', // 已办结，待核查/结案
  'closed', // 已结案
  'suspended', // 挂账
  'merged', // 已并案
] as const;
export const OrderStatus = z.enum(STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Statuses in which an order still needs work (shown on the map, counted as open). */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'received',
  'dispatched',
  'in_progress',
  'return_requested',
  'replied',
];

export const Satisfaction = z.enum(['satisfied', 'basic', 'unsatisfied']);
export type Satisfaction = z.infer<typeof Satisfaction>;

export interface Citizen {
  readonly name: string;
  readonly phone: string;
}

export interface CallbackResult {
  readonly at: number;
  readonly valid: boolean;
  readonly contacted: boolean;
  readonly solved: boolean;
  readonly satisfaction: Satisfaction;
  /** What the caller said (older projections lack it). */
  readonly note?: string;
}

/** One summoned unit of a 吹哨 and whether it reported in (报到) before its deadline. */
export interface WhistleSummons {
  readonly unitId: string;
  readonly summonedAt: number;
  readonly deadline: number;
  readonly reportedAt: number | null;
}

/** One finished stay in the problem bank (挂账 → 解除挂账). */
export interface SuspensionSpan {
  readonly suspendedAt: number;
  readonly resumedAt: number;
}

/**
 * The volunteer loop's state of an order (docs/PARTY.md): who it was given to (a 双报到 member or a
 * 红色驿站/党群服务中心), when it was accepted, and the resident's rating. Absent on other orders.
 */
export interface VolunteerTask {
  readonly kind: 'member' | 'site';
  readonly id: string;
  readonly assignedAt: number;
  readonly acceptedAt: number | null;
  readonly rating: {
    readonly stars: number;
    readonly satisfaction: Satisfaction;
    readonly at: number;
  } | null;
}

/** A 双报到 member helping on an ordinary order as 协办党员 (docs/PARTY.md). */
export interface AssistMember {
  readonly id: string;
  readonly name: string;
  readonly addedAt: number;
}

/** A transition the reducer refused; kept on the order for a person to resolve. */
export interface RejectedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly reason: string;
}

/** The projection of one order's events. Times are epoch milliseconds. */
export interface WorkOrder {
  readonly id: string;
  readonly version: number;
  readonly lastHlc: string;
  readonly source: OrderSource;
  readonly appealType: AppealType;
  readonly categoryCode: string;
  readonly urgency: Urgency;
  readonly title: string;
  readonly description: string;
  readonly address: string;
  /** The place; null while it waits to be placed (待定位: an address without coordinates). */
  readonly lng: number | null;
  readonly lat: number | null;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
  readonly citizen: Citizen | null;
  /** Older projections lack the intake fields below; readers default them. */
  readonly anonymous?: boolean;
  readonly callbackConsent?: boolean;
  readonly deviceId?: string | null;
  readonly reporterId?: string | null;
  readonly answers?: Readonly<Record<string, string>>;
  /** History from a 台账 import: closed from the start, never on a timer or in a queue. */
  readonly imported?: boolean;
  readonly upstreamId: string | null;
  readonly upstreamDeadline: number | null;
  readonly status: OrderStatus;
  /** Status to go back to when a return request is rejected. */
  readonly statusBeforeReturn: OrderStatus | null;
  /**
   * Status to go back to when the order leaves the problem bank (解除挂账): an order suspended
   * before it was signed must still be signed. null when not suspended. Projections stored before
   * this field existed lack it; readers fall back to `signedAt` (see the reducer's `resumed`).
   */
  readonly statusBeforeSuspension?: OrderStatus | null;
  readonly unitId: string | null;
  readonly coUnitIds: readonly string[];
  readonly receivedAt: number;
  readonly dispatchedAt: number | null;
  readonly signedAt: number | null;
  readonly contactedAt: number | null;
  /** 到场/首次反馈: the first progress report since the current dispatch (stops the on-site timer). */
  readonly arrivedAt: number | null;
  readonly repliedAt: number | null;
  readonly closedAt: number | null;
  /** Start of the current suspension; null when not suspended. */
  readonly suspendedAt: number | null;
  /** Total time of finished suspensions, in ms (the SLA clock credits it back). */
  readonly suspendedMs: number;
  /** The finished suspensions, oldest first; their durations sum to suspendedMs. */
  readonly suspensions: readonly SuspensionSpan[];
  /** Sum of approved extensions, in days (a pending request is not included). */
  readonly extensionDays: number;
  /** Days of the pending extension request; 0 when none is pending. */
  readonly extensionRequestedDays: number;
  readonly extensionRequests: number;
  readonly extensionPending: boolean;
  readonly returnCount: number;
  readonly reworkCount: number;
  readonly urgeCount: number;
  readonly reopenCount: number;
  readonly mergedInto: string | null;
  readonly whistle: readonly WhistleSummons[];
  readonly callback: CallbackResult | null;
  readonly rejected: readonly RejectedEvent[];
  /** The volunteer loop (older projections and other orders lack it: read as null / 0). */
  readonly volunteer?: VolunteerTask | null;
  /** How often a member or site declined this order (拒单). */
  readonly volunteerDeclines?: number;
  /** 协办党员: 双报到 members helping on the order (null or absent when none). */
  readonly assistMembers?: readonly AssistMember[] | null;
}
