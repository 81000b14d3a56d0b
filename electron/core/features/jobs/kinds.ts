/**
 * Job kinds: what a feature registers so its work can run in the background. A kind runs either
 * in a job worker thread on its own read-only connection (`where: 'thread'`, the default: exports),
 * or on the writer in chunks (`where: 'writer'`: work that must write, such as an import — it
 * must yield between chunks with `await ctx.yield()` so dispatch is not held up).
 */
import type { z } from 'zod';
import type { Role } from '../../../../shared/kernel/roles';
import type { WriteEnv } from '../../runtime/context';

/** Who started the job: the job reads as them (role, masking), through the gate. */
export interface JobCaller {
  readonly role: Role;
  readonly actor: string;
  readonly masked: boolean;
}

interface JobContextBase {
  readonly jobId: string;
  readonly dataDir: string;
  readonly now: () => number;
  /** The absolute path the kind writes its output to (under `<dataDir>/exports/`). */
  readonly outFile: string;
  /** Reports progress: units done, and the total when known (throttled by the runner). */
  progress(done: number, total: number | null): void;
  /** True once the job was cancelled: stop at the next chunk (writer kinds). */
  cancelled(): boolean;
}

export interface JobThreadContext extends JobContextBase {
  /** Calls a query procedure as the job's caller (role check, validation, masking: the gate). */
  call(proc: string, input: unknown): Promise<unknown>;
  /**
   * Call between chunks: waits as long as the thread has worked since the last call, so a job
   * takes at most half a core. On a 2-core machine a job at full speed left the writer, the
   * read pool and the UI one core between them: the desk's action p95 went to 3.3× (docs/STORE.md).
   */
  breathe(): Promise<void>;
}

export interface JobWriterContext extends JobContextBase {
  readonly env: WriteEnv;
  readonly caller: JobCaller;
  /** Lets calls through between chunks (setImmediate). */
  yield(): Promise<void>;
}

export interface JobResult {
  /** Rows (or records) written. */
  readonly rows: number;
}

interface JobKindBase<P> {
  readonly kind: string;
  /** Least role that may start it. */
  readonly role: Role;
  readonly params: z.ZodType<P>;
  /** Output file extension and type. */
  readonly ext: string;
  readonly mime: string;
  /** Checks made on the writer when the job is started (throw an ApiError to refuse). */
  readonly check?: (params: P, caller: JobCaller) => void;
}

export interface ThreadJobKind<P> extends JobKindBase<P> {
  readonly where?: 'thread';
  readonly run: (ctx: JobThreadContext, params: P) => Promise<JobResult>;
}

export interface WriterJobKind<P> extends JobKindBase<P> {
  readonly where: 'writer';
  readonly run: (ctx: JobWriterContext, params: P) => Promise<JobResult>;
}

export type JobKind<P> = ThreadJobKind<P> | WriterJobKind<P>;

const kinds = new Map<string, JobKind<unknown>>();

/**
 * Registers a kind; call it from the feature's `register(registry)` (it runs in every core and in
 * the job worker, so the kind is known wherever the job runs). Registering a name again replaces it.
 */
export function registerJobKind<P>(kind: JobKind<P>): void {
  kinds.set(kind.kind, kind as JobKind<unknown>);
}

export function jobKind(name: string): JobKind<unknown> | undefined {
  return kinds.get(name);
}
