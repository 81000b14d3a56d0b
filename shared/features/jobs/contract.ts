/**
 * jobs.*: background jobs (exports built off the writer, issue 16). A feature registers a job
 * kind in the core; the caller starts one with `jobs.start`, watches `jobs.list` (progress),
 * stops it with `jobs.cancel` and fetches its file with `jobs.download`. The generic kind
 * `table.xlsx` turns any list or table query into an Excel 台账 (see /docs/JOBS.md).
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobView {
  readonly id: string;
  readonly kind: string;
  /** What the job makes, for the jobs list (工单台账 2026-05 …). */
  readonly title: string;
  readonly status: JobStatus;
  /** Units of work done so far (rows written) and the total when known. */
  readonly done: number;
  readonly total: number | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** The output file (a name under the data folder's exports/), once done. */
  readonly fileName: string | null;
  readonly bytes: number | null;
  readonly rows: number | null;
  /** Why it failed (Chinese), when failed. */
  readonly error: string | null;
  /** The slot a scheduled run was queued for (定时台账); null when a person started it. */
  readonly scheduledFor: number | null;
}

/** Kinds that can be scheduled (the monthly ledger: the previous month's orders). */
export const SCHEDULED_KINDS = ['ledger.monthly'] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];

/** A schedule: day D of each month at hour H (China time). */
export interface JobScheduleView {
  readonly kind: ScheduledKind;
  readonly enabled: boolean;
  readonly day: number;
  readonly hour: number;
  /** The last slot queued, and the next one (null when disabled). */
  readonly lastSlot: number | null;
  readonly nextAt: number | null;
  readonly setBy: string | null;
  /** Where the ledgers are kept: `<dataDir>/ledgers/`. */
  readonly folder: string;
}

export const JobsSetScheduleInput = z.object({
  kind: z.enum(SCHEDULED_KINDS),
  enabled: z.boolean(),
  day: z.number().int().min(1).max(28),
  hour: z.number().int().min(0).max(23),
});
export type JobsSetScheduleInput = z.input<typeof JobsSetScheduleInput>;

/** The monthly ledger's params: the month it covers. */
export const LedgerMonthlyParams = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

export interface JobDownload {
  readonly fileName: string;
  readonly mime: string;
  /** The file, base64. */
  readonly base64: string;
}

/** A column of an Excel 台账: the row field (a dotted path), its Chinese header, its type. */
export const XlsxColumn = z.object({
  key: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9_.]+$/),
  header: z.string().min(1).max(40),
  width: z.number().int().min(4).max(80).optional(),
  type: z.enum(['text', 'number', 'datetime', 'date', 'percent']).default('text'),
  /** Values → Chinese labels (状态 received → 待派单). */
  labels: z.record(z.string(), z.string().max(40)).optional(),
});
export type XlsxColumn = z.input<typeof XlsxColumn>;

/**
 * `table.xlsx`: run a query procedure (as the caller: role, masking) and write its rows. A
 * procedure with a cursor (`nextCursor`) is read page by page.
 */
export const TableXlsxParams = z.object({
  proc: z.string().min(1).max(60),
  input: z.record(z.string(), z.unknown()).default({}),
  /** Where the rows are in the answer (a dotted path); '' when the answer is the array. */
  rowsPath: z
    .string()
    .max(60)
    .regex(/^[A-Za-z0-9_.]*$/)
    .default('rows'),
  sheet: z.string().min(1).max(31),
  columns: z.array(XlsxColumn).min(1).max(60),
});
export type TableXlsxParams = z.input<typeof TableXlsxParams>;

export const JobsStartInput = z.object({
  kind: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9_.-]+$/),
  /** Shown in the jobs list; the file is named after it. */
  title: z.string().trim().min(1).max(60),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type JobsStartInput = z.input<typeof JobsStartInput>;

const JobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const READ = { stale: ['jobs.changed'] } as const;
const WRITE = { changes: ['jobs.changed'] } as const;

export const JOBS_PROCS = {
  /** The caller's jobs (a commander sees everyone's), newest first. */
  'jobs.list': query<readonly JobView[]>()(
    z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    READ,
  ),
  /** Queues a job; it starts at once when none runs. */
  'jobs.start': mutation<JobView>()(JobsStartInput, { ...WRITE, role: 'viewer' }),
  /** Stops a queued or running job; its partial file is removed. */
  'jobs.cancel': mutation<JobView>()(z.object({ id: JobId }), { ...WRITE, role: 'viewer' }),
  /** The schedules (定时台账; admin: it names the data folder): every kind that can be scheduled. */
  'jobs.schedules': query<readonly JobScheduleView[]>()(z.object({}), { ...READ, role: 'admin' }),
  /** Sets a schedule (admin); the next run is the first slot after now. */
  'jobs.setSchedule': mutation<JobScheduleView>()(JobsSetScheduleInput, { ...WRITE, role: 'admin' }),
  /** A finished job's file. */
  'jobs.download': query<JobDownload>()(z.object({ id: JobId }), READ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
