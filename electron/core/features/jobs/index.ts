/**
 * jobs.*: background jobs — exports built off the writer, with progress, cancel and download.
 * Other features register their kinds with `registerJobKind` from their `register(registry)`.
 */
import type { HandlerRegistry } from '../../runtime/registry';
import { jobsCancel, jobsDownload, jobsList, jobsStart } from './jobs';
import { registerJobKind } from './kinds';
import { LEDGER_MONTHLY } from './ledger';
import { jobsSchedules, jobsSetSchedule } from './schedule';
import { TABLE_XLSX } from './xlsx';

export {
  registerJobKind,
  jobKind,
  type JobKind,
  type JobCaller,
  type JobResult,
  type JobThreadContext,
  type JobWriterContext,
  type ThreadJobKind,
  type WriterJobKind,
} from './kinds';
export {
  startJobs,
  exportsDir,
  type JobRunner,
  type JobsOptions,
  type JobWorkerData,
  type FromJobWorker,
} from './runner';
export { openSheet, type SheetWriter } from './xlsx';
export { checkSchedules } from './schedule';
export { ledgersDir, ledgerFileName } from './ledger';

export function register(registry: HandlerRegistry): void {
  registerJobKind(TABLE_XLSX);
  registerJobKind(LEDGER_MONTHLY);
  registry
    .register('jobs.start', jobsStart)
    .register('jobs.list', jobsList)
    .register('jobs.cancel', jobsCancel)
    .register('jobs.download', jobsDownload)
    .register('jobs.schedules', jobsSchedules)
    .register('jobs.setSchedule', jobsSetSchedule);
}
