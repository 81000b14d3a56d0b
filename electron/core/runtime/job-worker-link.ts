/**
 * Where the job worker entry is and how it starts: `job-worker.cjs` beside the running bundle
 * (scripts/build-electron.mjs), else the TypeScript source through tsx (threads.ts).
 */
import type { Worker } from 'node:worker_threads';
import type { JobWorkerData } from '../features/jobs';
import { spawnWorker } from './threads';

/** The job worker's heap is capped: a runaway export costs its thread, not the app. */
const JOB_HEAP_MB = 512;

export function spawnJobWorker(data: JobWorkerData): Worker {
  return spawnWorker(
    { callerUrl: (import.meta as { url?: string }).url, bundled: 'job-worker.cjs', source: 'job-worker.ts' },
    { workerData: data, resourceLimits: { maxOldGenerationSizeMb: JOB_HEAP_MB } },
  );
}

/** The worker entry source file, for bundlers. */
export const JOB_WORKER_SOURCE = 'electron/core/runtime/job-worker.ts';
