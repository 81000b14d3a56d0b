/**
 * One worker thread of the core, as the main thread sees it: start it (from the bundled
 * `core-worker.cjs`, or the TypeScript source through tsx), send calls, get answers and hints.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  ApiError,
  CONTRACT,
  isProcName,
  type ApiErrorData,
  type ChangeHint,
} from '../../../shared/contract/index';
import { CALL_COUNTS_BYTES, MUTATIONS, SENT } from './call-counts';
import { spawnTypeScriptWorker } from './threads';
import type { CallContext } from './context';
import type { AuditEntry } from '../store/audit';
import type { CoreOptions, SessionUser } from './core';

/** Messages main → worker. */
export type ToWorker =
  | {
      readonly type: 'call';
      readonly id: number;
      readonly proc: string;
      readonly input: unknown;
      readonly ctx: CallContext;
    }
  | { readonly type: 'resolve'; readonly id: number; readonly token: string }
  | { readonly type: 'audit'; readonly entry: AuditEntry }
  | { readonly type: 'close' };

/** Messages worker → main. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'initError'; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly data: unknown }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: ApiErrorData }
  | { readonly type: 'hint'; readonly hint: ChangeHint }
  | { readonly type: 'audit'; readonly entry: AuditEntry }
  | { readonly type: 'closed' };

export type WorkerCoreOptions = Omit<
  CoreOptions,
  'now' | 'workerFile' | 'readers' | 'callsInFlight' | 'mutationsSent' | 'callCounts'
>;
/** What a worker is told at start: which side of the core it runs. */
export interface WorkerStart {
  readonly role: 'writer' | 'reader';
  readonly opts: WorkerCoreOptions;
  /**
   * Counters shared with the worker: calls sent to it, calls it has answered, and mutations sent
   * to it. A long writer task (the 台账 import) reads them between orders to commit and step aside
   * as soon as another call waits for the thread or is under way on it, not at its next yield
   * (callsInFlight below), and to tell whether anyone is writing meanwhile (mutationsSent).
   */
  readonly calls?: SharedArrayBuffer;
}

function _hereDir(): string {
  // Bundled to CommonJS by esbuild (dist-electron/main.cjs) __dirname is the bundle's folder;
  // as ESM source (tsx, Vitest) it is this file's folder.
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * Where the worker entry is: a sibling `core-worker.cjs` next to the running bundle
 * (scripts/build-electron.mjs builds it), else the TypeScript source, loaded through tsx.
 */
export function coreWorkerEntry(dir: string = _hereDir()): { file: string; typescript: boolean } {
  const bundled = join(dir, 'core-worker.cjs');
  if (existsSync(bundled)) return { file: bundled, typescript: false };
  return { file: join(dir, 'core-worker.ts'), typescript: true };
}

/** The worker entry source file, for bundlers. */
export const CORE_WORKER_SOURCE = 'electron/core/runtime/core-worker.ts';

export class WorkerLink {
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  private nextId = 1;
  private dead: ApiError | null = null;
  private closing: Promise<void> | null = null;
  private readonly exitListeners: Array<() => void> = [];

  private readonly sent: Int32Array;

  private constructor(
    private readonly worker: Worker,
    calls: SharedArrayBuffer,
  ) {
    this.sent = new Int32Array(calls);
  }

  /** Calls answered (diagnostics: Core.served). */
  served = 0;

  /** Calls sent and not yet answered: the read pool picks the least busy reader by this. */
  get inFlight(): number {
    return this.pending.size;
  }

  static start(
    entry: { file: string; typescript: boolean },
    start: WorkerStart,
    onHint: (hint: ChangeHint) => void,
    onAudit: (entry: AuditEntry) => void = () => undefined,
  ): Promise<WorkerLink> {
    const calls = new SharedArrayBuffer(CALL_COUNTS_BYTES);
    const data: WorkerStart = { ...start, calls };
    const worker = entry.typescript
      ? spawnTypeScriptWorker(entry.file, { workerData: data })
      : new Worker(entry.file, { workerData: data });
    const link = new WorkerLink(worker, calls);
    return new Promise<WorkerLink>((resolve, reject) => {
      let ready = false;
      worker.on('message', (msg: FromWorker) => {
        switch (msg.type) {
          case 'ready':
            ready = true;
            resolve(link);
            break;
          case 'initError':
            reject(new Error(msg.message));
            void worker.terminate();
            break;
          case 'result': {
            const p = link.pending.get(msg.id);
            if (!p) break;
            link.pending.delete(msg.id);
            link.served++;
            if (msg.ok) p.resolve(msg.data);
            else p.reject(ApiError.fromData(msg.error));
            break;
          }
          case 'hint':
            onHint(msg.hint);
            break;
          case 'audit':
            onAudit(msg.entry);
            break;
          case 'closed':
            void worker.terminate();
            break;
        }
      });
      worker.on('error', (err) => {
        console.error(`[core] ${start.role} worker error:`, err);
        if (!ready) reject(err);
        link.failAll(ApiError.why('unavailable', `核心服务出错: ${err.message}`));
      });
      worker.on('exit', (code) => {
        if (!ready)
          reject(new Error(`core ${start.role} worker exited with code ${code} before it was ready`));
        link.failAll(ApiError.why('unavailable', '核心服务已停止'));
        for (const l of link.exitListeners) l();
      });
    });
  }

  onExit(listener: () => void): void {
    this.exitListeners.push(listener);
  }

  private failAll(err: ApiError): void {
    this.dead = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private send<T>(msg: (id: number) => ToWorker): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.worker.postMessage(msg(id));
        Atomics.add(this.sent, SENT, 1);
      } catch (err) {
        // e.g. a function in `input`: it cannot be cloned, so it cannot be valid input either.
        this.pending.delete(id);
        reject(ApiError.why('invalid_input', `输入无法传送: ${(err as Error).message}`));
      }
    });
  }

  call(proc: string, input: unknown, ctx: CallContext): Promise<unknown> {
    if (isProcName(proc) && CONTRACT[proc].kind === 'mutation') Atomics.add(this.sent, MUTATIONS, 1);
    return this.send((id) => ({ type: 'call', id, proc, input, ctx }));
  }

  /** Hands the writer an audit row a reader could not write (no answer expected). */
  recordAudit(entry: AuditEntry): void {
    if (this.dead || this.closing) return;
    try {
      this.worker.postMessage({ type: 'audit', entry } satisfies ToWorker);
    } catch {
      // a row that cannot be cloned is not one of ours
    }
  }

  resolve(token: string): Promise<SessionUser | null> {
    return this.send((id) => ({ type: 'resolve', id, token }));
  }

  /** Asks the worker to close (waits for it), then terminates it if it has not gone in `timeoutMs`. */
  close(timeoutMs: number): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.dead) {
        resolve();
        return;
      }
      this.exitListeners.push(resolve);
      this.worker.postMessage({ type: 'close' } satisfies ToWorker);
      // A wedged worker must not hold the process open (the closing backup may take a while).
      setTimeout(() => void this.worker.terminate(), timeoutMs).unref();
    });
    return this.closing;
  }
}
