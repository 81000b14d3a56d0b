/**
 * The open311.* procedures (issue 4): the Open311 GeoReport v2 connector's settings, mapping
 * tables and status. Spread into CONTRACT by ./index.ts. The api key is write-only: it is stored
 * in the core and never returned (settings say only whether one is stored).
 */
import { z } from 'zod';
import { AppealType, OrderSource, Urgency } from '../orders/order';
import { mutation, query, type Proc } from '../../kernel/proc';
const serviceCode = z.string().trim().min(1).max(64);
const statusName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_ ]+$/, '状态名只能包含字母、下划线和空格')
  .transform((s) => s.toLowerCase().replace(/ /g, '_'));

/** One row of the category table: an upstream service_code and what it becomes here. */
export const Open311ServiceMapping = z.object({
  serviceCode,
  categoryCode: z.string().regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/, '分类编码格式应为 01、01.02 或 01.02.003'),
  appealType: AppealType.default('report'),
  urgency: Urgency.default('P2'),
  source: OrderSource.default('hotline'),
});
export type Open311ServiceMapping = z.output<typeof Open311ServiceMapping>;

/** Upstream status → what it does to our order. */
const OPEN311_INBOUND_EFFECTS = ['open', 'closed'] as const;
export type Open311InboundEffect = (typeof OPEN311_INBOUND_EFFECTS)[number];

/** Our event types whose status is reported upstream (verified splits by outcome). */
const OPEN311_OUTBOUND_KEYS = [
  'dispatched',
  'signed',
  'progressed',
  'replied',
  'verified_passed',
  'verified_failed',
  'closed',
  'return_requested',
  'suspended',
  'resumed',
  'merged',
  'reopened',
] as const;
export type Open311OutboundKey = (typeof OPEN311_OUTBOUND_KEYS)[number];

const DEFAULT_STATUS_IN: Readonly<Record<string, Open311InboundEffect>> = {
  open: 'open',
  in_progress: 'open',
  action_scheduled: 'open',
  investigating: 'open',
  internal_referral: 'open',
  closed: 'closed',
  fixed: 'closed',
  duplicate: 'closed',
  not_councils_responsibility: 'closed',
  no_further_action: 'closed',
};

const DEFAULT_STATUS_OUT: Readonly<Partial<Record<Open311OutboundKey, string>>> = {
  dispatched: 'action_scheduled',
  signed: 'in_progress',
  progressed: 'in_progress',
  replied: 'fixed',
  verified_passed: 'closed',
  verified_failed: 'in_progress',
  closed: 'closed',
  return_requested: 'investigating',
  suspended: 'no_further_action',
  resumed: 'in_progress',
  merged: 'duplicate',
  reopened: 'open',
};

/**
 * Each setting without its default: the stored settings add the defaults (Open311SettingsSchema),
 * open311.configure takes any subset of them (a partial update: what is not sent is kept).
 */
const SETTING_FIELDS = {
  /** Base URL of the GeoReport v2 endpoint, e.g. https://city.example/open311/v2 */
  endpoint: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  /** Sent only when non-empty: some servers refuse an empty `jurisdiction_id=`. */
  jurisdictionId: z.string().trim().max(100).nullable(),
  enabled: z.boolean(),
  format: z.enum(['json', 'xml']),
  /** Asked for with page_size; servers may cap it lower (20–50), which the pager tolerates. */
  pageSize: z.number().int().min(1).max(1000),
  intervalSec: z.number().int().min(10).max(86_400),
  /** Each requests.json call covers at most this window (servers silently default to 90 days). */
  windowDays: z.number().int().min(1).max(90),
  /** Re-read this much before the cursor: covers servers whose clocks or time zones are off. */
  overlapMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** Offset assumed for dates that come without one (the spec requires one; some omit it). */
  naiveOffsetMinutes: z.number().int().min(-720).max(840),
  /** Where the first pull starts (epoch ms); null: 7 days before the first pull. */
  since: z.number().int().nonnegative().nullable(),
  serviceMap: z.array(Open311ServiceMapping).max(500),
  statusIn: z.record(statusName, z.enum(OPEN311_INBOUND_EFFECTS)),
  statusOut: z.partialRecord(z.enum(OPEN311_OUTBOUND_KEYS), statusName),
  /** Post our status changes back with the service-request-updates extension. */
  pushUpdates: z.boolean(),
};

/** The stored settings (everything but the api key). */
export const Open311SettingsSchema = z.object({
  endpoint: SETTING_FIELDS.endpoint.default(null),
  jurisdictionId: SETTING_FIELDS.jurisdictionId.default(null),
  enabled: SETTING_FIELDS.enabled.default(false),
  format: SETTING_FIELDS.format.default('json'),
  pageSize: SETTING_FIELDS.pageSize.default(100),
  intervalSec: SETTING_FIELDS.intervalSec.default(300),
  windowDays: SETTING_FIELDS.windowDays.default(7),
  overlapMinutes: SETTING_FIELDS.overlapMinutes.default(10),
  naiveOffsetMinutes: SETTING_FIELDS.naiveOffsetMinutes.default(0),
  since: SETTING_FIELDS.since.default(null),
  serviceMap: SETTING_FIELDS.serviceMap.default([]),
  statusIn: SETTING_FIELDS.statusIn.default({ ...DEFAULT_STATUS_IN }),
  statusOut: SETTING_FIELDS.statusOut.default({ ...DEFAULT_STATUS_OUT }),
  pushUpdates: SETTING_FIELDS.pushUpdates.default(true),
});
export type Open311Settings = z.output<typeof Open311SettingsSchema>;

export interface Open311SettingsView extends Open311Settings {
  /** True when an api key is stored; the key itself never leaves the core. */
  readonly hasApiKey: boolean;
}

/**
 * A partial update: only the fields sent change, every other setting is kept as stored (no
 * defaults are filled in here). A new endpoint or jurisdiction restarts the pull from `since`.
 */
export const Open311ConfigureInput = z
  .object(SETTING_FIELDS)
  .partial()
  .extend({
    /** A new api key; null clears it; omitted keeps the stored one. */
    apiKey: z.string().trim().min(1).max(200).nullable().optional(),
  });
export type Open311ConfigureInput = z.input<typeof Open311ConfigureInput>;

export interface Open311LogLine {
  readonly at: number;
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

export interface Open311Status {
  readonly configured: boolean;
  readonly enabled: boolean;
  readonly lastPullAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly nextPullAt: number | null;
  /** The pull cursor: the next window starts at windowStart; highWater is the newest updated_datetime seen. */
  readonly cursor: {
    readonly windowStart: number | null;
    readonly highWater: number | null;
    readonly seenAtHighWater: number;
  };
  readonly pulledTotal: number;
  readonly createdTotal: number;
  readonly quarantinedTotal: number;
  readonly deliveries: { readonly pending: number; readonly failed: number; readonly sent: number };
  /**
   * The date window the pull is waiting on: it could not be read whole, so it is kept (never
   * skipped) and tried again after a growing pause. null while nothing waits.
   */
  readonly waiting: Open311WaitingWindow | null;
  /**
   * What the connector noticed about this server and does about it, one Chinese sentence each
   * (ignores paging or the date window, a mislabelled charset).
   */
  readonly notices: readonly string[];
  /** Newest first. */
  readonly log: readonly Open311LogLine[];
}

export interface Open311WaitingWindow {
  /** The window, as asked (start_date, end_date; epoch ms). */
  readonly from: number;
  readonly to: number;
  /** Failed tries in a row. */
  readonly failures: number;
  /** When the first of them failed. */
  readonly since: number;
  /** What happened and what the hall does about it, in Chinese. */
  readonly reason: string;
  readonly nextAttemptAt: number | null;
}

export const OPEN311_PROCS = {
  'open311.settings': query<Open311SettingsView>()(z.object({}), { role: 'admin', stale: ['sync.changed'] }),
  'open311.configure': mutation<Open311SettingsView>()(Open311ConfigureInput, {
    role: 'admin',
    changes: ['sync.changed'],
  }),
  'open311.status': query<Open311Status>()(z.object({}), { role: 'officer', stale: ['sync.changed'] }),
  /** Pull (and push) now instead of waiting for the interval (or the pause after failures). */
  'open311.pullNow': mutation<Open311Status>()(z.object({}), {
    role: 'admin',
    changes: ['sync.changed', 'orders.changed'],
  }),
  /**
   * Starts the pull again from `since` (given, or the stored setting; null: 7 days back). Re-read
   * requests are no-ops; a pull in flight is cancelled and writes nothing. Audited.
   */
  'open311.resetCursor': mutation<Open311Status>()(
    z.object({ since: z.number().int().nonnegative().nullable().optional() }),
    { role: 'admin', changes: ['sync.changed'] },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
