/**
 * Entry of a job worker thread (features/jobs runner.ts starts one per running job): a reader
 * core on its own read-only connection, so the job reads through the same gate as its caller
 * (role, validation, masking), and never on the writer or the read pool. Bundled separately to
 * dist-electron/job-worker.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jobKind, type FromJobWorker, type JobWorkerData } from '../features/jobs';
import { createReaderCore } from './core';

const port = parentPort;
if (!port) throw new Error('job-worker must run in a worker thread');
const data = workerData as JobWorkerData;
const post = (m: FromJobWorker): void => port.postMessage(m);
/** The longest single pause of `breathe` (a chunk that took long is not followed by a long sleep). */
const BREATH_MAX_MS = 200;

async function main(): Promise<number> {
  // Creating the reader core registers every feature, and with them every job kind.
  const core = createReaderCore({
    dataDir: data.dataDir,
    node: data.node,
    host: 'test',
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  });
  try {
    const kind = jobKind(data.kind);
    if (!kind || kind.where === 'writer') throw new Error(`未知的任务类型: ${data.kind}`);
    const ctx = { role: data.caller.role, actor: data.caller.actor, masked: data.caller.masked };
    let worked = performance.now();
    const res = await kind.run(
      {
        jobId: data.jobId,
        dataDir: data.dataDir,
        now: Date.now,
        outFile: data.outFile,
        call: (proc, input) => core.call(proc as never, input, ctx),
        progress: (done, total) => post({ type: 'progress', done, total }),
        cancelled: () => false,
        breathe: async () => {
          const ms = Math.min(BREATH_MAX_MS, performance.now() - worked);
          await new Promise((res) => setTimeout(res, ms));
          worked = performance.now();
        },
      },
      data.params,
    );
    return res.rows;
  } finally {
    await core.close();
  }
}

main().then(
  (rows) => post({ type: 'done', rows }),
  (err: unknown) =>
    post({ type: 'failed', error: (err instanceof Error ? err.message : String(err)).slice(0, 300) }),
);
