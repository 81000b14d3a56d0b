/**
 * import.*: the hall's history from an Excel/CSV 台账. Upload (chunked, resumable) → preview with
 * a guessed column mapping → check (dry run: per-row errors, unknown categories) → run (closed
 * historical orders, in batches, with progress and cancel). See docs/IMPORT.md.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './fields';
import type { RowError } from './ledger-row';
import type { Category } from '../reference/catalogue';
import { hasScriptMarkup, SCRIPT_MESSAGE } from '../orders/safe-text';

export { IMPORT_FIELDS, FIELD_LABELS, type ColumnMapping, type ImportField } from './fields';
export type { RowError } from './ledger-row';

/** The largest ledger file accepted (about 1 M rows of CSV). */
export const MAX_LEDGER_BYTES = 300 * 1024 * 1024;
/** Raw bytes per chunk (base64 in the request stays under the host's 1 MB body limit). */
export const LEDGER_CHUNK_BYTES = 512 * 1024;
/** Rows and columns a ledger may have. */
export const MAX_LEDGER_ROWS = 2_000_000;
export const MAX_LEDGER_COLUMNS = 100;
/** Errors listed in a check (the count is always complete). */
export const MAX_LISTED_ERRORS = 200;

export interface LedgerUpload {
  readonly uploadId: string;
  readonly fileName: string;
  readonly size: number;
  readonly received: number;
}

export interface LedgerPreview {
  readonly uploadId: string;
  readonly format: 'csv' | 'xlsx';
  /** 'utf-8', 'utf-8-bom' or 'gb18030' (CSV); 'xlsx' for Excel. */
  readonly encoding: string;
  readonly headers: readonly string[];
  /** The first rows after the header, as text. */
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly mapping: ColumnMapping;
}

/** A ledger text that names nothing of the reference data (a category, a 承办单位), with its rows. */
export interface UnknownText {
  readonly text: string;
  readonly rows: number;
}

export interface LedgerCheck {
  readonly rows: number;
  /** Rows that would be imported (valid and not imported before). */
  readonly toAdd: number;
  /** Valid rows already in the store (an earlier import of the same rows). */
  readonly already: number;
  /** Rows refused (each with at least one error). */
  readonly refused: number;
  readonly errorCount: number;
  /** The first MAX_LISTED_ERRORS errors, in row order. */
  readonly errors: readonly RowError[];
  readonly unknownCategories: readonly UnknownText[];
  /** 承办单位 texts that name no unit of the street (kept as text unless mapped in unitMap). */
  readonly unknownUnits: readonly UnknownText[];
}

export interface LedgerRunResult extends LedgerCheck {
  readonly jobId: string;
  readonly added: number;
  readonly cancelled: boolean;
  readonly ms: number;
}

export interface LedgerProgress {
  readonly jobId: string;
  /** 'none': no such run on this writer (not started yet, or long finished). */
  readonly state: 'none' | 'running' | 'done' | 'cancelled' | 'failed';
  readonly done: number;
  readonly total: number | null;
  readonly added: number;
}

const UploadId = z.string().regex(/^[a-z0-9-]{8,64}$/);
const JobId = z.string().regex(/^[a-z0-9-]{8,64}$/);

const Mapping = z
  .object(
    Object.fromEntries(
      IMPORT_FIELDS.map((f) => [
        f,
        z
          .number()
          .int()
          .min(0)
          .max(MAX_LEDGER_COLUMNS - 1)
          .optional(),
      ]),
    ) as Record<ImportField, z.ZodOptional<z.ZodNumber>>,
  )
  .refine((m) => m.receivedAt !== undefined, { message: '请指定「受理时间」列', path: ['receivedAt'] })
  .refine((m) => m.category !== undefined, { message: '请指定「诉求分类」列', path: ['category'] })
  .refine((m) => m.title !== undefined || m.text !== undefined, {
    message: '请指定「标题」或「诉求内容」列',
    path: ['title'],
  });

const CategoryCode = z.string().regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/);

const LedgerJobInput = z.object({
  uploadId: UploadId,
  mapping: Mapping,
  /** Unknown category text → catalogue code, as a person chose. */
  categoryMap: z
    .record(z.string().max(100), CategoryCode)
    .refine((m) => Object.keys(m).length <= 500, '分类映射最多 500 项')
    .default({}),
  /** 承办单位 text → a unit id of the street, as a person chose. */
  unitMap: z
    .record(z.string().max(100), z.string().min(1).max(64))
    .refine((m) => Object.keys(m).length <= 500, '单位映射最多 500 项')
    .default({}),
});

const WRITE = { role: 'commander', changes: [] } as const;

export const IMPORT_PROCS = {
  /** Chunked, resumable upload of the ledger file into the data folder: begin → chunk… */
  'import.uploadBegin': mutation<LedgerUpload>()(
    z.object({
      fileName: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/\.(csv|xlsx)$/i, '只能导入 .csv 或 .xlsx 文件'),
      size: z
        .number()
        .int()
        .min(1)
        .max(MAX_LEDGER_BYTES, `台账文件不能超过 ${MAX_LEDGER_BYTES / 1024 / 1024} MB`),
    }),
    WRITE,
  ),
  'import.uploadChunk': mutation<LedgerUpload>()(
    z.object({
      uploadId: UploadId,
      offset: z.number().int().nonnegative(),
      data: z.string().max(Math.ceil(LEDGER_CHUNK_BYTES / 3) * 4 + 4),
    }),
    WRITE,
  ),
  /** Reads the header and the first rows, detects the encoding, guesses the column mapping. */
  'import.preview': mutation<LedgerPreview>()(z.object({ uploadId: UploadId }), WRITE),
  /** Dry run: every row checked, nothing written. */
  'import.check': mutation<LedgerCheck>()(LedgerJobInput, WRITE),
  /**
   * The import: valid rows become closed historical orders, in batches between other calls;
   * answers when done or cancelled. Refused while the file has errors unless `skipBadRows`.
   */
  'import.run': mutation<LedgerRunResult>()(
    LedgerJobInput.extend({ jobId: JobId, skipBadRows: z.boolean().default(false) }),
    { role: 'commander', changes: ['orders.changed'] },
  ),
  /** Progress of a running import (polled by the dialog while `import.run` is in flight). */
  'import.progress': query<LedgerProgress>()(z.object({ jobId: JobId }), {
    role: 'commander',
    stale: [],
    on: 'writer',
  }),
  /** Stops a running import after its current batch (rows written so far stay: each is whole). */
  'import.cancel': mutation<{ readonly cancelled: boolean }>()(z.object({ jobId: JobId }), WRITE),
  /**
   * 新建历史分类: a category of the ledger the district's catalogue lacks, created under a
   * catalogue class for the imported history (docs/IMPORT.md, "history categories"). Answers it;
   * the dialog maps the ledger's text to it.
   */
  'import.createCategory': mutation<Category>()(
    z.object({
      parentCode: z.string().regex(/^\d{2}\.\d{2}$/, '请选择所属的二级分类'),
      name: z
        .string()
        .trim()
        .min(1, '请填写分类名称')
        .max(40, '分类名称最多 40 个字')
        .refine((s) => !hasScriptMarkup(s), SCRIPT_MESSAGE),
    }),
    { role: 'commander', changes: ['reference.changed'] },
  ),
  /** Drops an upload's file. */
  'import.discard': mutation<{ readonly discarded: boolean }>()(z.object({ uploadId: UploadId }), WRITE),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
