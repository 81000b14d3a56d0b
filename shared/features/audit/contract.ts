/** The audit.* procedures: the admin's view of the audit log and of its hash chain (issue 11). */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';

export interface AuditRowView {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly orderId: string | null;
  readonly eventId: string | null;
  /** JSON text as the action wrote it (never a password or a token). */
  readonly detail: string | null;
}

export interface AuditPage {
  readonly rows: readonly AuditRowView[];
  /** Pass as `beforeSeq` for the next (older) page; null at the end. */
  readonly nextBeforeSeq: number | null;
  /** The actions present in the log, for the filter (first page only, else []). */
  readonly actions: readonly string[];
}

/** The last check of the chain. */
export interface AuditChainStatus {
  readonly ok: boolean;
  readonly rows: number;
  readonly headSeq: number;
  readonly headHash: string;
  /** The first row that does not follow from the ones before it. */
  readonly brokenAt: number | null;
  readonly problem: string | null;
  readonly checkedAt: number;
}

export interface AuditStatus {
  /** Null while the start-up check still runs. */
  readonly check: AuditChainStatus | null;
}

const epochMs = z.number().int().min(0).max(8_640_000_000_000);

export const AuditListInput = z.object({
  /** Exact account name (or token:…, anonymous, system). */
  actor: z.string().trim().max(64).optional(),
  /** Exact action, or a prefix ending in '.' (e.g. `auth.`). */
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_.]*$/, '操作名只能包含字母、数字、点和下划线')
    .optional(),
  orderId: z.string().trim().max(128).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditListInput = z.input<typeof AuditListInput>;

export const AUDIT_PROCS = {
  /** The audit log newest first, filtered by actor, action, order and time (admin). */
  'audit.list': query<AuditPage>()(AuditListInput, {
    role: 'admin',
    stale: ['system.changed', 'orders.changed'],
  }),
  /** The result of the last chain check (the one at start-up, or the last audit.verify). */
  'audit.status': query<AuditStatus>()(z.object({}), {
    role: 'admin',
    stale: ['system.changed'],
    on: 'writer',
  }),
  /** Checks the whole chain now. */
  'audit.verify': mutation<AuditChainStatus>()(z.object({}), { role: 'admin', changes: ['system.changed'] }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
