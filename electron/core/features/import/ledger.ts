/**
 * import.preview / check / run / progress / cancel: a 台账 becomes closed historical orders.
 *
 * A thread reads the file (scan-thread.ts, ledger-scan.ts): `check` only counts, `run` checks
 * the whole file first (so a refused file writes nothing) and then has it read again, a batch of
 * valid rows' events at a time, which history-writer.ts writes in transactions that step aside for
 * dispatch. Imported events do not enter the outbox: history is the hall's own, upstream has its
 * 12345 orders already.
 */
import { ApiError } from '../../../../shared/contract/index';
import type {
  ColumnMapping,
  LedgerPreview,
  LedgerProgress,
  LedgerRunResult,
} from '../../../../shared/features/import/contract';
import { guessMapping } from '../../../../shared/features/import/fields';
import type { ReadableDb } from '../../store/types';
import { referenceIndex } from '../reference';
import type { Handler, WriteEnv } from '../../runtime/context';
import { openLedger, LedgerFileError } from './read-table';
import { appendChunk, beginUpload, discardUpload, uploadedFile } from './uploads';
import { finishImportJob, insertImportJob } from './queries';
import { HistoryWriter } from './history-writer';
import { checkView, isBlank, refuseFile, type ScanInput } from './ledger-scan';
import { scanInThread, unpackEvent, type ScanJob } from './scan-thread';

const PREVIEW_ROWS = 8;

/** A scan of the upload `input` names, in a thread of its own. */
function scanJob(env: WriteEnv, input: ScanInput, events?: ScanJob['events']): ScanJob {
  return {
    dataDir: env.dataDir,
    ...(env.nativeBinding ? { nativeBinding: env.nativeBinding } : {}),
    input: {
      path: input.path,
      mapping: input.mapping,
      categoryMap: input.categoryMap,
      ...(input.unitMap ? { unitMap: input.unitMap } : {}),
    },
    now: env.now(),
    ...(env.callCounts ? { calls: env.callCounts } : {}),
    ...(events ? { events } : {}),
  };
}

interface Job {
  progress: LedgerProgress;
  cancel: boolean;
}
const jobs = new Map<string, Job>();

export const importUploadBegin: Handler<'import.uploadBegin'> = (input, _call, env) =>
  beginUpload(env.dataDir, input.fileName, input.size, env.now());

export const importUploadChunk: Handler<'import.uploadChunk'> = (input) =>
  appendChunk(input.uploadId, input.offset, input.data);

export const importDiscard: Handler<'import.discard'> = (input) => ({
  discarded: discardUpload(input.uploadId),
});

export const importPreview: Handler<'import.preview'> = async (input): Promise<LedgerPreview> => {
  const file = uploadedFile(input.uploadId);
  const table = (() => {
    try {
      return openLedger(file.path);
    } catch (err) {
      return refuseFile(err);
    }
  })();
  let headers: string[] | null = null;
  const rows: string[][] = [];
  try {
    for await (const { cells } of table.rows()) {
      if (headers === null) {
        if (isBlank(cells)) throw new LedgerFileError('第 1 行 (表头) 为空');
        headers = cells;
        continue;
      }
      if (isBlank(cells)) continue;
      rows.push(cells.map((c) => c.slice(0, 200)));
      if (rows.length >= PREVIEW_ROWS) break;
    }
  } catch (err) {
    refuseFile(err);
  }
  if (headers === null) refuseFile(new LedgerFileError('文件是空的'));
  return {
    uploadId: input.uploadId,
    format: table.format,
    encoding: table.encoding,
    headers: headers.map((h) => h.slice(0, 60)),
    rows,
    mapping: guessMapping(headers),
  };
};

/**
 * The last check of each upload: a run with the same mapping (and catalogue version) trusts its
 * verdict on bad rows instead of reading the file twice. Rows are refused by the file, the
 * mapping and the catalogue alone, so the verdict cannot go stale otherwise.
 */
const checked = new Map<string, { readonly key: string; readonly refused: number; readonly valid: number }>();

function checkKey(
  db: ReadableDb,
  input: { mapping: ColumnMapping; categoryMap: Record<string, string> },
): string {
  return JSON.stringify([referenceIndex(db).version, input.mapping, input.categoryMap]);
}

export const importCheck: Handler<'import.check'> = async (input, _call, env) => {
  const file = uploadedFile(input.uploadId);
  const s = await scanInThread(scanJob(env, { ...input, path: file.path }));
  checked.set(input.uploadId, { key: checkKey(env.db, input), refused: s.refused, valid: s.valid });
  return checkView(s);
};

export const importRun: Handler<'import.run'> = async (input, call, env, tools): Promise<LedgerRunResult> => {
  if ([...jobs.values()].some((j) => j.progress.state === 'running')) throw new ApiError('import_running');
  if (jobs.has(input.jobId)) throw ApiError.why('invalid_input', '该导入任务编号已使用', 'jobId');
  const file = uploadedFile(input.uploadId);
  const started = performance.now();
  const job: Job = {
    progress: { jobId: input.jobId, state: 'running', done: 0, total: null, added: 0 },
    cancel: false,
  };
  jobs.set(input.jobId, job);
  let writer: HistoryWriter | null = null;
  try {
    const scanInput = { ...input, path: file.path };
    const last = checked.get(input.uploadId);
    const verdict =
      last && last.key === checkKey(env.db, input) ? last : await scanInThread(scanJob(env, scanInput));
    if (verdict.refused > 0 && !input.skipBadRows)
      throw new ApiError('import_has_errors', { params: { rows: String(verdict.refused) } });
    insertImportJob(env.db, {
      id: input.jobId,
      fileName: file.fileName,
      actor: call.actor,
      startedAt: env.now(),
    });
    job.progress = { ...job.progress, total: verdict.valid };
    writer = HistoryWriter.open(env);
    const history = writer;
    let added = 0;
    const filer = { node: env.node, actor: call.actor };
    const written = await scanInThread(scanJob(env, scanInput, filer), async (events, rows) => {
      if (job.cancel) return false;
      const each = Array.from({ length: events.ends.length }, (_, i) => i);
      added += await history.write(each, (i) => unpackEvent(events, i));
      job.progress = { ...job.progress, done: job.progress.done + rows, added };
      return !job.cancel;
    });
    const state = job.cancel ? 'cancelled' : 'done';
    finishImportJob(env.db, {
      id: input.jobId,
      state,
      at: env.now(),
      total: written.rows,
      added,
      already: written.already,
      refused: written.refused,
    });
    job.progress = { ...job.progress, state };
    if (added > 0) tools.hint({ topic: 'orders.changed', orderIds: [] });
    if (state === 'done') {
      discardUpload(input.uploadId);
      checked.delete(input.uploadId);
    }
    return {
      ...checkView(written),
      // What this run did: `toAdd` of the scan counts rows that were new when it read them.
      toAdd: added,
      jobId: input.jobId,
      added,
      cancelled: state === 'cancelled',
      ms: Math.round(performance.now() - started),
    };
  } catch (err) {
    job.progress = { ...job.progress, state: 'failed' };
    throw err;
  } finally {
    await writer?.close();
    // The finished job's progress stays readable for a minute (the dialog's last poll).
    setTimeout(() => jobs.delete(input.jobId), 60_000).unref();
  }
};

export const importProgress: Handler<'import.progress'> = (input) =>
  jobs.get(input.jobId)?.progress ?? { jobId: input.jobId, state: 'none', done: 0, total: null, added: 0 };

export const importCancel: Handler<'import.cancel'> = (input) => {
  const job = jobs.get(input.jobId);
  if (!job || job.progress.state !== 'running') return { cancelled: false };
  job.cancel = true;
  return { cancelled: true };
};
