/**
 * The sync.* procedures (issue 4): the state of the link to the upstream platform, the 冲突 list
 * (events the reducer refused or that conflict, kept for a person to resolve), the quarantine of
 * bad upstream input, and the hub connection settings. Spread into CONTRACT by ./index.ts.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';

/** off: no hub configured · online: last cycle succeeded · degraded: some requests fail · offline: none get through. */
export const SYNC_STATES = ['off', 'online', 'degraded', 'offline'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncStatus {
  readonly state: SyncState;
  /** Local events not yet acknowledged by the hub (the honest 待同步 count). */
  readonly outboxPending: number;
  /** Epoch ms of the last push+pull cycle that completed, or null (never). */
  readonly lastSuccessAt: number | null;
  /** Epoch ms when the link went down (first failure of the current outage), or null. */
  readonly offlineSince: number | null;
  /** The last failure, in Chinese, for the status bar tooltip. */
  readonly lastError: string | null;
  readonly nextAttemptAt: number | null;
  readonly hubUrl: string | null;
  /** Upstream sequence pulled up to. */
  readonly cursor: number;
  /** Unresolved rows of the 冲突 list. */
  readonly openConflicts: number;
  /** Quarantined upstream items not yet dismissed. */
  readonly quarantined: number;
}

export const CONFLICT_KINDS = ['refused', 'concurrent'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
const CONFLICT_RESOLUTIONS = ['keep_current', 'reapply', 'dismiss'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

/** One row of the 冲突 list. */
export interface ConflictRow {
  readonly id: number;
  readonly orderId: string;
  readonly orderTitle: string | null;
  readonly eventId: string;
  /** Event type name (shared/features/orders/labels.ts EVENT_NAMES gives the Chinese). */
  readonly eventType: string;
  readonly kind: ConflictKind;
  /** Why, in Chinese (the reducer's refusal reason, or which concurrent change won). */
  readonly reason: string;
  readonly node: string;
  readonly actor: string;
  readonly at: number;
  readonly detectedAt: number;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
  readonly resolution: ConflictResolution | null;
  readonly note: string | null;
}

/** One quarantined upstream item (hub or Open311 payload that failed validation). */
export interface QuarantineRow {
  readonly id: number;
  readonly source: 'hub' | 'open311';
  readonly receivedAt: number;
  /** What was wrong, in Chinese, naming the field. */
  readonly reason: string;
  /** The first 2,000 characters of the payload as received (shown as text, never as HTML). */
  readonly excerpt: string;
  readonly ref: string | null;
  readonly dismissedAt: number | null;
  /**
   * How often this same item (same source, reason and payload) arrived: re-reads of an upstream
   * window bring it again, and it stays one row with a count.
   */
  readonly hits: number;
  /** When it last arrived. */
  readonly lastSeenAt: number;
}

export interface SyncSettings {
  readonly hubUrl: string | null;
  /** True when a token is stored; the token itself never leaves the core. */
  readonly hasToken: boolean;
  readonly node: string;
  readonly enabled: boolean;
}

const SyncConfigureInput = z.object({
  hubUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  /** Omitted: keep the stored token. */
  token: z.string().min(16).max(200).optional(),
  enabled: z.boolean(),
});

export const SYNC_PROCS = {
  'sync.status': query<SyncStatus>()(z.object({}), {
    stale: ['orders.changed', 'sync.changed'],
    on: 'writer',
  }),
  'sync.conflicts': query<readonly ConflictRow[]>()(
    z.object({
      includeResolved: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    { role: 'officer', stale: ['sync.changed'] },
  ),
  'sync.resolveConflict': mutation<ConflictRow>()(
    z.object({
      id: z.number().int().positive(),
      resolution: z.enum(CONFLICT_RESOLUTIONS),
      note: z.string().trim().max(500).optional(),
    }),
    { role: 'commander', changes: ['sync.changed', 'orders.changed'] },
  ),
  'sync.quarantine': query<readonly QuarantineRow[]>()(
    z.object({
      includeDismissed: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    { role: 'admin', stale: ['sync.changed'] },
  ),
  'sync.dismissQuarantine': mutation<QuarantineRow>()(z.object({ id: z.number().int().positive() }), {
    role: 'admin',
    changes: ['sync.changed'],
  }),
  'sync.settings': query<SyncSettings>()(z.object({}), {
    role: 'admin',
    stale: ['sync.changed'],
    on: 'writer',
  }),
  'sync.configure': mutation<SyncSettings>()(SyncConfigureInput, {
    role: 'admin',
    changes: ['sync.changed'],
  }),
  /** Try now instead of waiting for the backoff (the banner's 立即重试). */
  'sync.retryNow': mutation<SyncStatus>()(z.object({}), { changes: ['sync.changed'] }),
  /**
   * A hint that the network may be back (the browser's or Electron's `online` event, relayed by
   * the renderer): an offline hall probes the hub at once and starts its backoff over.
   */
  'sync.networkBack': mutation<SyncStatus>()(z.object({}), { changes: ['sync.changed'] }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
