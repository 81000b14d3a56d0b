/**
 * The 台账 import under way, kept outside the dialog: closing the dialog (在后台继续, Esc) leaves
 * it running in the core, the header's 导入台账 button shows its progress, and opening the dialog
 * again shows it — its progress, 取消导入, then its result or its error. One at a time: the
 * dialog offers 开始导入 only when none is under way.
 */
import { useSyncExternalStore } from 'react';
import type { ColumnMapping, LedgerPreview, LedgerRunResult } from '../../../../shared/contract/index';
import { call } from '../../platform/api/client';
import { mutate } from '../../platform/api/use-mutation';

/** How often the progress is asked for while the import runs. */
const POLL_MS = 400;
/** No estimate of the time left before this much has run (the first rows say little). */
const ESTIMATE_AFTER_MS = 2_000;

interface JobFile {
  readonly fileName: string;
  readonly preview: LedgerPreview;
  readonly mapping: ColumnMapping;
}

export type ImportJob =
  | (JobFile & {
      readonly kind: 'running';
      readonly jobId: string;
      readonly startedAt: number;
      readonly done: number;
      readonly total: number;
      /** Milliseconds left at the rate so far; null until there is a rate to go by. */
      readonly msLeft: number | null;
      readonly cancelling: boolean;
    })
  | (JobFile & { readonly kind: 'done'; readonly result: LedgerRunResult })
  | (JobFile & { readonly kind: 'failed'; readonly error: unknown });

export type RunningImport = Extract<ImportJob, { kind: 'running' }>;

export interface ImportRequest extends JobFile {
  readonly categoryMap: Readonly<Record<string, string>>;
  readonly unitMap: Readonly<Record<string, string>>;
  readonly skipBadRows: boolean;
}

let job: ImportJob | null = null;
const listeners = new Set<() => void>();

function set(next: ImportJob | null): void {
  job = next;
  for (const l of listeners) l();
}

export function useImportJob(): ImportJob | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => job,
  );
}

/** The time left at the rate so far, or null while there is too little to go by. */
export function estimateMsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || total <= done || elapsedMs < ESTIMATE_AFTER_MS) return null;
  return ((total - done) * elapsedMs) / done;
}

/** Whole percent done, rounded down: 100 only once every row is. */
export function percentDone(job: RunningImport): number {
  return job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : 0;
}

/** Starts the import in the core; resolves when it has ended (its result or error is in the job). */
export async function startImport(req: ImportRequest): Promise<void> {
  if (job?.kind === 'running') return;
  const { fileName, preview, mapping } = req;
  const jobId = `job-${crypto.randomUUID()}`;
  const startedAt = Date.now();
  set({
    kind: 'running',
    fileName,
    preview,
    mapping,
    jobId,
    startedAt,
    done: 0,
    total: 0,
    msLeft: null,
    cancelling: false,
  });
  const poll = window.setInterval(() => {
    call('import.progress', { jobId })
      .then((p) => {
        if (job?.kind !== 'running' || job.jobId !== jobId) return;
        const total = p.total ?? 0;
        const msLeft = estimateMsLeft(p.done, total, Date.now() - startedAt);
        set({ ...job, done: p.done, total, msLeft });
      })
      .catch(() => undefined);
  }, POLL_MS);
  try {
    const result = await mutate('import.run', {
      uploadId: preview.uploadId,
      mapping,
      categoryMap: req.categoryMap,
      unitMap: req.unitMap,
      jobId,
      skipBadRows: req.skipBadRows,
    });
    set({ kind: 'done', fileName, preview, mapping, result });
  } catch (error) {
    set({ kind: 'failed', fileName, preview, mapping, error });
  } finally {
    window.clearInterval(poll);
  }
}

/** Asks the core to stop the running import after the order it is writing. */
export function cancelImport(): void {
  if (job?.kind !== 'running' || job.cancelling) return;
  const { jobId } = job;
  set({ ...job, cancelling: true });
  void call('import.cancel', { jobId }).catch(() => undefined);
}

/** Forgets an ended import once its result or error has been shown. */
export function clearImportJob(): void {
  if (job?.kind !== 'running') set(null);
}
