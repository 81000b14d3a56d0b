/**
 * The job runner, on the writer: one job at a time, oldest first. A thread kind runs in its own
 * worker thread (a read-only connection, through a reader gate), so an export never holds the
 * writer or the read pool; the writer only records progress (one small UPDATE per 250 ms) and
 * publishes `jobs.changed`. Cancel terminates the thread and removes the partial file.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ChangeHint } from '../../../../shared/kernel/proc';
import type { WriteEnv } from '../../runtime/context';
import { AUTO_CHECKPOINT_PAGES, checkpointPassive, setAutoCheckpoint } from '../../store/db';
import { jobKind, type JobCaller } from './kinds';
import { checkSchedules } from './schedule';
import {
  failInterrupted,
  finishJob,
  getJob,
  markStarted,
  nextQueued,
  setProgress,
  type JobRow,
} from './queries';

/** What the job worker thread is started with. */
export interface JobWorkerData {
  readonly jobId: string;
  readonly kind: string;
  readonly params: unknown;
  readonly caller: JobCaller;
  readonly dataDir: string;
  readonly outFile: string;
  readonly node: string;
  readonly nativeBinding?: string;
}

/** Messages from the job worker thread. */
export type FromJobWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number | null }
  | { readonly type: 'done'; readonly rows: number }
  | { readonly type: 'failed'; readonly error: string };

export interface JobsOptions {
  /** Starts the job worker thread (the runtime knows where its entry is). */
  readonly spawn: (data: JobWorkerData) => Worker;
  readonly nativeBinding?: string;
  /** How often schedules are checked (default a minute). */
  readonly scheduleEveryMs?: number;
}

export interface JobRunner {
  kick(): void;
  cancel(id: string): void;
  stop(): Promise<void>;
}

const PROGRESS_EVERY_MS = 250;
const SCHEDULE_EVERY_MS = 60_000;
const runners = new WeakMap<object, JobRunner>();

/** The runner of a writer connection (the jobs handlers reach it through their env's db). */
export function runnerFor(db: object): JobRunner | undefined {
  return runners.get(db);
}

export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

function _safeName(title: string): string {
  return title.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_').slice(0, 60) || 'export';
}

export function startJobs(env: WriteEnv, publish: (h: ChangeHint) => void, opts: JobsOptions): JobRunner {
  const db = env.db;
  if (failInterrupted(db, env.now()) > 0) publish({ topic: 'jobs.changed' });
  // `ownFinish`: a writer kind finishes by itself once it sees the cancel flag.
  let current: { id: string; stop: () => Promise<void>; outFile: string; ownFinish?: boolean } | null = null;
  let stopped = false;
  const changed = (): void => publish({ topic: 'jobs.changed' });

  const finish = (
    job: JobRow,
    outFile: string,
    r: { status: 'done' | 'failed' | 'cancelled'; rows?: number; error?: string },
  ): void => {
    let bytes: number | null = null;
    if (r.status === 'done') {
      try {
        bytes = statSync(outFile).size;
      } catch {
        r = { status: 'failed', error: '导出文件未生成' };
      }
    }
    if (r.status !== 'done') rmSync(outFile, { force: true });
    if (!stopped)
      finishJob(db, job.id, {
        status: r.status,
        at: env.now(),
        fileName: r.status === 'done' ? outFile.slice(exportsDir(env.dataDir).length + 1) : null,
        bytes,
        rows: r.rows ?? null,
        error: r.error ?? null,
      });
    current = null;
    changed();
    kick();
  };

  const run = (job: JobRow): void => {
    const kind = jobKind(job.kind);
    const dir = exportsDir(env.dataDir);
    mkdirSync(dir, { recursive: true });
    const outFile = join(dir, `${_safeName(job.title)}-${job.id.slice(0, 8)}.${kind?.ext ?? 'bin'}`);
    markStarted(db, job.id, env.now());
    changed();
    if (!kind) {
      current = { id: job.id, stop: () => Promise.resolve(), outFile };
      finish(job, outFile, { status: 'failed', error: `未知的任务类型: ${job.kind}` });
      return;
    }
    const caller = JSON.parse(job.caller) as JobCaller;
    const params = JSON.parse(job.params) as unknown;
    let lastProgress = 0;
    const progress = (done: number, total: number | null, force = false): void => {
      const t = Date.now();
      if (!force && t - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = t;
      if (stopped || current?.id !== job.id) return;
      setProgress(db, job.id, done, total);
      changed();
    };
    if (kind.where === 'writer') {
      let cancelled = false;
      current = {
        id: job.id,
        outFile,
        ownFinish: true,
        stop: () => {
          cancelled = true;
          return Promise.resolve();
        },
      };
      kind
        .run(
          {
            jobId: job.id,
            dataDir: env.dataDir,
            now: env.now,
            outFile,
            env,
            caller,
            progress,
            cancelled: () => cancelled,
            yield: () => new Promise((res) => setImmediate(res)),
          },
          params,
        )
        .then(
          (res) =>
            finish(job, outFile, cancelled ? { status: 'cancelled' } : { status: 'done', rows: res.rows }),
          (err: unknown) =>
            finish(
              job,
              outFile,
              cancelled ? { status: 'cancelled' } : { status: 'failed', error: _message(err) },
            ),
        );
      return;
    }
    // While the thread reads, the writer's commits (a dispatcher's actions, the progress rows)
    // do not each try to checkpoint a WAL the job's reads keep from resetting: the commit that
    // crossed the threshold paid for it (docs/STORE.md). Folded back once when the job ends.
    setAutoCheckpoint(db, 0);
    const foldBack = (): void => {
      setAutoCheckpoint(db, AUTO_CHECKPOINT_PAGES);
      checkpointPassive(db);
    };
    let worker: Worker;
    try {
      worker = opts.spawn({
        jobId: job.id,
        kind: job.kind,
        params,
        caller,
        dataDir: env.dataDir,
        outFile,
        node: env.node,
        ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
      });
    } catch (err) {
      foldBack();
      current = { id: job.id, stop: () => Promise.resolve(), outFile };
      finish(job, outFile, { status: 'failed', error: _message(err) });
      return;
    }
    let settled = false;
    const settle = (r: { status: 'done' | 'failed' | 'cancelled'; rows?: number; error?: string }): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      foldBack();
      finish(job, outFile, r);
    };
    current = {
      id: job.id,
      outFile,
      stop: async () => {
        settled = true;
        await worker.terminate();
        foldBack();
      },
    };
    worker.on('message', (m: FromJobWorker) => {
      if (m.type === 'progress') progress(m.done, m.total);
      else if (m.type === 'done') settle({ status: 'done', rows: m.rows });
      else if (m.type === 'failed') settle({ status: 'failed', error: m.error });
    });
    worker.on('error', (err) => settle({ status: 'failed', error: _message(err) }));
    worker.on('exit', () => settle({ status: 'failed', error: '导出线程意外退出' }));
  };

  const kick = (): void => {
    if (stopped || current) return;
    const job = nextQueued(db);
    if (job) run(job);
  };

  const runner: JobRunner = {
    kick,
    cancel(id) {
      if (current?.id !== id) return;
      const job = getJob(db, id);
      const { stop, outFile, ownFinish } = current;
      if (!job) return;
      void stop().then(() => {
        if (!ownFinish) finish(job, outFile, { status: 'cancelled' });
      });
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      runners.delete(db);
      if (current) await current.stop();
    },
  };
  runners.set(db, runner);
  // 定时台账: runs missed while the app was off are queued once now, then checked every minute.
  const scheduleTick = (): void => {
    if (stopped) return;
    try {
      if (checkSchedules(env, publish) > 0) kick();
    } catch (err) {
      console.error('[jobs] schedule check failed:', _message(err));
    }
  };
  scheduleTick();
  const timer = setInterval(scheduleTick, opts.scheduleEveryMs ?? SCHEDULE_EVERY_MS);
  timer.unref();
  setImmediate(kick);
  return runner;
}

function _message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 300);
}
