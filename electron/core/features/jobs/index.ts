/**
 * jobs.*: background jobs — exports built off the writer, with progress, cancel and download.
 * Other features register their kinds with `registerJobKind` from their `register(registry)`.
 */
import type { HandlerRegistry } from '../../runtime/registry';
import { jobsCancel, jobsDownload, jobsList, jobsStart } from './jobs';
import { registerJobKind } from './kinds';
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

export function register(registry: HandlerRegistry): void {
  registerJobKind(TABLE_XLSX);
  registry
    .register('jobs.start', jobsStart)
    .register('jobs.list', jobsList)
    .register('jobs.cancel', jobsCancel)
    .register('jobs.download', jobsDownload);
}
