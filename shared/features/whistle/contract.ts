/**
 * whistle.* — 吹哨报到 (issue 15): summon units, follow each recipient's delivery state, record
 * acknowledgements and 报到 with a geo check, the command timeline, the 会商纪要 tasks and the
 * 双考核 figures. Spread into CONTRACT by shared/contract/index.ts. Domain: ./whistle.ts.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { Lat, Lng } from '../orders/order-events';
import { SAFE_ID, SAFE_ID_MESSAGE, hasScriptMarkup, SCRIPT_MESSAGE } from '../orders/safe-text';
import {
  ACK_VIA,
  DEFAULT_RADIUS_M,
  WHISTLE_KINDS,
  type AckVia,
  type RecipientState,
  type TimelineKind,
  type UnitAssessment,
  type UnitSuggestion,
  type WhistleKind,
} from './whistle';

const id = z.string().regex(SAFE_ID, SAFE_ID_MESSAGE).max(128);
const plain = (max: number, empty: string) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max)
    .refine((s) => !hasScriptMarkup(s), SCRIPT_MESSAGE);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasScriptMarkup(s), SCRIPT_MESSAGE)
    .default('');

export interface WhistleView {
  readonly id: string;
  readonly kind: WhistleKind;
  readonly orderId: string | null;
  readonly title: string;
  readonly reason: string;
  readonly address: string;
  readonly lng: number;
  readonly lat: number;
  readonly radiusM: number;
  readonly deadlineMinutes: number;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly closedAt: number | null;
}

export interface RecipientView {
  readonly unitId: string;
  readonly unitName: string;
  readonly state: RecipientState;
  readonly summonedAt: number;
  readonly deadline: number;
  readonly attempts: number;
  readonly lastAttemptAt: number | null;
  /** When the loop pushes again; null once acknowledged, reported or given up. */
  readonly nextAttemptAt: number | null;
  readonly deliveredAt: number | null;
  readonly readAt: number | null;
  /** Who at the unit acknowledged, how, and which officer recorded it. */
  readonly ackPerson: string | null;
  readonly ackVia: AckVia | null;
  readonly ackRecordedBy: string | null;
  readonly reportedAt: number | null;
  readonly reportPerson: string | null;
  readonly reportDistanceM: number | null;
  readonly reportReason: string | null;
  /** 报到 after the deadline. */
  readonly late: boolean;
  /** Deadline passed without a 报到 (an acknowledged unit stays 已读 but shows 逾时未报到). */
  readonly overdue: boolean;
  readonly timedOutAt: number | null;
  readonly alarmAckAt: number | null;
  readonly alarmAckBy: string | null;
}

export interface TimelineItem {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly kind: TimelineKind;
  readonly unitId: string | null;
  /** One line in Chinese, made when it happened. */
  readonly text: string;
}

export interface WhistleTask {
  readonly id: string;
  readonly whistleId: string;
  readonly decision: string;
  readonly ownerUnitId: string;
  readonly ownerName: string;
  readonly deadline: number;
  readonly createdAt: number;
  readonly doneAt: number | null;
  readonly doneBy: string | null;
}

export interface WhistleDetail {
  readonly whistle: WhistleView;
  readonly recipients: readonly RecipientView[];
  readonly timeline: readonly TimelineItem[];
  readonly tasks: readonly WhistleTask[];
}

export interface WhistleSummary extends WhistleView {
  /** Recipients per state. */
  readonly counts: Readonly<Record<RecipientState, number>>;
  readonly openTasks: number;
}

/** A summoned unit that went 超时, raised on the alarm feed until a duty officer acknowledges it. */
export interface WhistleAlarm {
  readonly whistleId: string;
  readonly title: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly deadline: number;
  readonly timedOutAt: number;
}

export interface WhistleAssessment {
  readonly month: string;
  readonly rows: readonly (UnitAssessment & { readonly unitName: string })[];
}

export const WhistleCreateInput = z
  .object({
    /** Client-chosen: a retried create is the same whistle. */
    id: id.optional(),
    kind: z.enum(WHISTLE_KINDS),
    orderId: id.nullable().default(null),
    title: plain(80, '请填写事由标题'),
    reason: optionalText(1000),
    address: plain(200, '请填写集合地点'),
    lng: Lng,
    lat: Lat,
    radiusM: z.number().int().min(50).max(5000).default(DEFAULT_RADIUS_M),
    deadlineMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    unitIds: z.array(id).min(1, '请至少选择一个单位').max(30),
  })
  .refine((v) => (v.kind === 'order') === (v.orderId !== null), {
    message: '工单吹哨须关联工单；专项吹哨不关联工单',
    path: ['orderId'],
  });

const WhistleUnit = z.object({ whistleId: id, unitId: id });

export const WHISTLE_PROCS = {
  /** Whistles, open first, newest first, with recipient counts per state. */
  'whistle.list': query<readonly WhistleSummary[]>()(
    z.object({ orderId: id.optional(), includeClosed: z.boolean().default(true) }),
    { role: 'officer', stale: ['whistle.changed'] },
  ),
  'whistle.get': query<WhistleDetail>()(z.object({ whistleId: id }), {
    role: 'officer',
    stale: ['whistle.changed'],
  }),
  /** Units to summon: the order's responsible unit, the usual units of the kind, the place, distance. */
  'whistle.suggest': query<readonly UnitSuggestion[]>()(
    z.object({
      kind: z.enum(WHISTLE_KINDS),
      orderId: id.optional(),
      lng: Lng.optional(),
      lat: Lat.optional(),
    }),
    { role: 'officer', stale: ['reference.changed'] },
  ),
  /** 吹哨: summons the units (已发送, first push recorded); from an order also the order's 吹哨 event. */
  'whistle.create': mutation<WhistleDetail>()(WhistleCreateInput, {
    role: 'officer',
    changes: ['whistle.changed', 'orders.changed'],
  }),
  /** 已送达 / 已读 recorded for a unit: who there, how (their account, phone, on site). */
  'whistle.ack': mutation<WhistleDetail>()(
    WhistleUnit.extend({
      state: z.enum(['delivered', 'read']),
      person: plain(40, '请填写确认人'),
      via: z.enum(ACK_VIA),
    }),
    { role: 'officer', changes: ['whistle.changed'] },
  ),
  /** 报到 with a position (checked against the meeting point) or a reason. */
  'whistle.reportIn': mutation<WhistleDetail>()(
    WhistleUnit.extend({
      person: plain(40, '请填写报到人'),
      lng: Lng.nullable().default(null),
      lat: Lat.nullable().default(null),
      reason: optionalText(300),
    }),
    { role: 'officer', changes: ['whistle.changed', 'orders.changed'] },
  ),
  /** 会商纪要: a decision with an owner unit and a deadline, tracked as a task. */
  'whistle.decide': mutation<WhistleDetail>()(
    z.object({
      whistleId: id,
      decision: plain(300, '请填写决定事项'),
      ownerUnitId: id,
      deadline: z.number().int().positive(),
    }),
    { role: 'officer', changes: ['whistle.changed'] },
  ),
  'whistle.completeTask': mutation<WhistleDetail>()(z.object({ taskId: id }), {
    role: 'officer',
    changes: ['whistle.changed'],
  }),
  /** 事不完人不撤: closing stops the delivery loop; open tasks stay tracked. */
  'whistle.close': mutation<WhistleDetail>()(z.object({ whistleId: id }), {
    role: 'commander',
    changes: ['whistle.changed'],
  }),
  /** 超时 units not yet acknowledged by a duty officer (the alarm), oldest first. */
  'whistle.alarms': query<readonly WhistleAlarm[]>()(z.object({}), {
    role: 'viewer',
    stale: ['whistle.changed'],
  }),
  'whistle.acknowledgeAlarm': mutation<WhistleDetail>()(WhistleUnit, {
    role: 'officer',
    changes: ['whistle.changed'],
  }),
  /** 双考核 of one month (whistles created in it): on-time 报到 and task completion per unit. */
  'whistle.assessment': query<WhistleAssessment>()(
    z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') }),
    { role: 'viewer', stale: ['whistle.changed'] },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
