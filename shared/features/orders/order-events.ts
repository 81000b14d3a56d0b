/**
 * Order events: the truth of the store. Every state change of an order is one event;
 * the WorkOrder row is only a projection (see order-reducer.ts).
 * Schemas are zod so that events from the renderer, from upstream and from files are
 * validated by the same definition.
 */
import { z } from 'zod';
import { AppealType, OrderSource, Satisfaction, Urgency } from './order';
import { SAFE_ID, SAFE_ID_MESSAGE, SCRIPT_MESSAGE, firstScriptPath } from './safe-text';

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(2000).default('');
const id = z.string().min(1).max(64).regex(SAFE_ID, SAFE_ID_MESSAGE);

/** No string of a payload may carry script-like markup (safe-text.ts): the hub refuses it too. */
function _noScript<T extends z.ZodObject>(schema: T): T {
  return schema.superRefine((payload, ctx) => {
    const at = firstScriptPath(payload, '');
    if (at !== null) ctx.addIssue({ code: 'custom', message: SCRIPT_MESSAGE, path: at.split('.') });
  }) as T;
}
/** sha256 hex digests of attachments stored content-addressed. */
const photos = z
  .array(z.string().regex(/^[0-9a-f]{64}$/))
  .max(20)
  .default([]);

export const Lng = z.number().finite().min(73).max(136);
export const Lat = z.number().finite().min(3).max(54);

const CitizenSchema = z.object({
  name: z.string().trim().min(1).max(50),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{3,20}$/),
});

const PAYLOAD_SCHEMAS = {
  /** 受理: the order comes into existence. */
  created: z
    .object({
      source: OrderSource,
      appealType: AppealType,
      categoryCode: z.string().regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/),
      urgency: Urgency,
      title: text(200),
      description: z.string().trim().max(5000).default(''),
      address: z.string().trim().max(300).default(''),
      /** Both or neither: an order received with an address only waits to be placed (待定位). */
      lng: Lng.nullable().default(null),
      lat: Lat.nullable().default(null),
      communityCode: z.string().max(20).nullable().default(null),
      gridCode: z.string().max(24).nullable().default(null),
      citizen: CitizenSchema.nullable().default(null),
      // Intake fields of the dispatch desk (issue 13); optional so older events stay valid as they are.
      /** The caller asked not to be named: no citizen is kept, and no call-back is made. */
      anonymous: z.boolean().optional(),
      /** The caller agrees to be called back (回访); unset means yes. */
      callbackConsent: z.boolean().optional(),
      upstreamId: z.string().max(64).nullable().default(null),
      upstreamDeadline: z.number().int().positive().nullable().default(null),
      /** Who reported it: the grid worker of a 网格上报 (a person id of the reference data). */
      reporterId: z.string().trim().max(64).nullable().optional(),
      /** The sensor of an IoT alarm (物联感知). */
      deviceId: z.string().trim().max(64).nullable().optional(),
      /** Answers to the category's intake questions, by question id (at most 20). */
      answers: z
        .record(z.string().max(40), z.string().trim().max(500))
        .refine((a) => Object.keys(a).length <= 20, '问答最多 20 项')
        .optional(),
      /**
       * History from a 台账 import (import feature): the order is closed at `closedAt` from the
       * start — never on an SLA timer, a work queue or the call-back list; it feeds statistics.
       */
      imported: z
        .object({
          closedAt: z.number().int().nonnegative(),
          satisfaction: Satisfaction.nullable().default(null),
          unitName: z.string().trim().max(100).default(''),
          /** The street's unit the 承办单位 text names (matched or mapped at import), if any. */
          unitId: id.nullable().default(null),
        })
        .optional(),
    })
    .refine((p) => (p.lng === null) === (p.lat === null), {
      message: '经纬度须同时给出或同时为空',
      path: ['lat'],
    })
    .refine((p) => !(p.anonymous === true && p.citizen !== null), {
      message: '匿名受理不记录群众姓名和电话',
      path: ['citizen'],
    }),
  /** 派单 (also 转派 when already dispatched). */
  dispatched: z.object({
    unitId: id,
    coUnitIds: z.array(id).max(10).default([]),
    note,
    /** Shift-aware dispatch: who was on duty in the unit's 值班表 group (set by the core). */
    dutyPerson: z.string().trim().min(1).max(40).optional(),
  }),
  /** 签收 */
  signed: z.object({ unitId: id }),
  /** 联系群众 */
  contacted: z.object({ note }),
  /** 过程反馈 */
  progressed: z.object({ note: text(2000), photos }),
  /** 办结反馈 */
  replied: z.object({ result: text(2000), photos }),
  /** 核查: pass → 结案, fail → 返工 */
  verified: z.object({ passed: z.boolean(), note, photos }),
  /** 结案 without on-site verification (upstream closes 12345 orders). */
  closed: z.object({ note }),
  /** 退单申请 */
  return_requested: z.object({ unitId: id, reason: text(1000), photos }),
  /** 退单审核 */
  return_decided: z.object({ approved: z.boolean(), note }),
  /** 延期申请 */
  extension_requested: z.object({ days: z.number().int().min(1).max(30), reason: text(1000) }),
  /** 延期审批 */
  extension_decided: z.object({ approved: z.boolean(), note }),
  /** 催办 / 督办 */
  urged: z.object({ level: z.enum(['remind', 'supervise']), note }),
  /** 挂账 into the problem bank */
  suspended: z.object({ reason: text(1000) }),
  /** 解除挂账 */
  resumed: z.object({ note }),
  /** 并案: this order is merged into another and ends. */
  merged: z.object({ intoOrderId: id }),
  /** 重新打开 a closed order */
  reopened: z.object({ reason: text(1000) }),
  /** 吹哨: summon several units; each must report in within the deadline. */
  whistled: z.object({
    unitIds: z.array(id).min(1).max(20),
    deadlineMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(30),
    reason: text(1000),
  }),
  /** 报到 of one summoned unit */
  reported_in: z.object({ unitId: id }),
  /**
   * 定位: the place of an order that came without one (待定位), or a corrected place; the core
   * fills community and grid from the point when they are not given.
   */
  located: z.object({
    lng: Lng,
    lat: Lat,
    address: z.string().trim().max(300).optional(),
    communityCode: z.string().max(20).nullable().default(null),
    gridCode: z.string().max(24).nullable().default(null),
    note,
  }),
  // The volunteer loop (居民点单 → 派单 → 接单 → 办结 → 评单, docs/PARTY.md): a 双报到 member or a
  // 红色驿站/党群服务中心 instead of a unit; 办结 is the ordinary `replied`. Written by party.* only.
  /** 派单 to a member or a site (only from 待派单; a decline sends the order back there). */
  volunteer_assigned: z.object({
    assignee: z.object({ kind: z.enum(['member', 'site']), id }),
    note,
  }),
  /** 接单: the member (or site) accepts; recorded by an operator on their behalf. */
  volunteer_accepted: z.object({
    assigneeId: id,
    person: z.string().trim().max(40).default(''),
    via: z.enum(['phone', 'on_site', 'app']),
  }),
  /** 拒单 with a reason: back to 待派单. */
  volunteer_declined: z.object({
    assigneeId: id,
    reason: text(500),
    via: z.enum(['phone', 'on_site', 'app']),
  }),
  /** 评单: the resident's rating (recorded by an operator); a 已办结 order is closed by it. */
  volunteer_rated: z.object({
    stars: z.number().int().min(1).max(5),
    satisfaction: Satisfaction,
    note,
  }),
  // 协办党员 (docs/PARTY.md): a 双报到 member helps on an ordinary order. Written by party.* only.
  /** A member joins the order as 协办党员 (name filled by the core from the reference data). */
  member_assist_added: z.object({ memberId: id, name: z.string().trim().min(1).max(50), note }),
  /** The member leaves the order (with a reason). */
  member_assist_removed: z.object({
    memberId: id,
    name: z.string().trim().min(1).max(50),
    reason: text(500),
  }),
  /** 回访 result reported by upstream or the hall. */
  callback_recorded: z.object({
    valid: z.boolean(),
    contacted: z.boolean(),
    solved: z.boolean(),
    satisfaction: Satisfaction,
    /** What the caller said; optional so upstream call-backs without it stay valid. */
    note: z.string().trim().max(2000).optional(),
  }),
} as const;

/** Every payload schema with the markup rule (same types: a refinement does not change them). */
export const EVENT_PAYLOADS = Object.fromEntries(
  Object.entries(PAYLOAD_SCHEMAS).map(([k, v]) => [k, _noScript(v)]),
) as unknown as typeof PAYLOAD_SCHEMAS;

export type OrderEventType = keyof typeof PAYLOAD_SCHEMAS;
export const ORDER_EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as OrderEventType[];
/** The volunteer loop's events: written only by party.* (its checks: member, site), not orders.act. */
export const VOLUNTEER_EVENT_TYPES: ReadonlySet<OrderEventType> = new Set<OrderEventType>([
  'volunteer_assigned',
  'volunteer_accepted',
  'volunteer_declined',
  'volunteer_rated',
  'member_assist_added',
  'member_assist_removed',
]);
export type EventPayload<T extends OrderEventType> = z.output<(typeof EVENT_PAYLOADS)[T]>;
export type EventPayloadInput<T extends OrderEventType> = z.input<(typeof EVENT_PAYLOADS)[T]>;

/** Envelope common to every event. */
export interface EventMeta {
  /** Globally unique: `${hlc}@${node}` style ids are fine, any unique string is accepted. */
  readonly id: string;
  readonly orderId: string;
  /** Hybrid-logical-clock timestamp (shared/kernel/hlc.ts); total order with `id` as tie-break. */
  readonly hlc: string;
  /** Business time of the action, epoch ms (the HLC's physical part at the origin). */
  readonly at: number;
  /** Person id, 'upstream', 'system' or an account name. */
  readonly actor: string;
  /** Node (hall or hub) that produced the event. */
  readonly node: string;
}

export type OrderEventOf<T extends OrderEventType> = EventMeta & {
  readonly type: T;
  readonly payload: EventPayload<T>;
};

export type OrderEvent = { [T in OrderEventType]: OrderEventOf<T> }[OrderEventType];

const metaShape = {
  id: z.string().min(1).max(128).regex(SAFE_ID, SAFE_ID_MESSAGE),
  orderId: id,
  hlc: z.string().regex(/^\d{15}:\d{5}:[A-Za-z0-9_-]{1,32}$/),
  at: z.number().int().nonnegative(),
  actor: z.string().min(1).max(64),
  node: z.string().min(1).max(32),
};

/** Validates a whole event (from upstream, a file, or the store) into an OrderEvent. */
export const OrderEventSchema = z.discriminatedUnion(
  'type',
  ORDER_EVENT_TYPES.map((type) =>
    z.object({ ...metaShape, type: z.literal(type), payload: EVENT_PAYLOADS[type] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<OrderEvent>;

/** An action a user asks for: an event type and its payload, before the core stamps the envelope. */
export type OrderAction = {
  [T in OrderEventType]: { readonly type: T; readonly payload: EventPayloadInput<T> };
}[OrderEventType];

export const OrderActionSchema = z.discriminatedUnion(
  'type',
  ORDER_EVENT_TYPES.filter((t) => t !== 'created' && !VOLUNTEER_EVENT_TYPES.has(t)).map((type) =>
    z.object({ type: z.literal(type), payload: EVENT_PAYLOADS[type] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<Exclude<OrderAction, { type: 'created' }>>;
