/**
 * The core: store + features behind one async `call`.
 * - createInProcessCore runs everything on the calling thread (tests; and the writer worker).
 * - createCore runs the writer in one worker_threads Worker and queries on a read pool of
 *   read-only workers, so the main process's event loop never waits on SQL and a long read
 *   (analysis, an export) never delays a write. The main thread only routes and relays.
 */
import {
  ApiError,
  CONTRACT,
  isProcName,
  type ChangeHint,
  type ProcName,
  type ProcOutput,
} from '../../../shared/contract/index';
import { createBackupManager, type BackupOptions } from '../store/backup-schedule';
import { claimDataDir } from '../store/data-dir-lock';
import { checkpoint, dbPath, openDb, openReader } from '../store/db';
import { WalFolder } from '../store/wal-folder';
import { getMeta, isDemo, setMeta } from '../store/meta';
import { createGate, type Gate, type SessionUser } from './gate';
import type { AuditEntry } from '../store/audit';
import { startAuditCheck } from '../features/audit';
import { startJobs } from '../features/jobs';
import { spawnJobWorker } from './job-worker-link';
import { toApiError } from './errors';
import type { CallContext, ReadEnv, WriteEnv } from './context';
import { loadDemoGenerator, seedDemoIfEmpty, startLiveDemo } from '../features/demo';
import { startWhistleLoop } from '../features/whistle';
import { startAutoLocate } from '../features/address';
import { setSyncKv } from '../features/sync';
import { createOpen311Connector } from '../adapters/open311/connector';
import { createSyncEngine, type SyncTiming } from '../adapters/sync/engine';
import { WorkerLink, coreWorkerEntry, type WorkerCoreOptions } from './worker-link';

export type { CallContext } from './context';
export type { SessionUser } from './gate';
export type { BackupOptions } from '../store/backup-schedule';
export { restoreFrom, RestoreError, type RestoreResult } from '../store/backup';
export { coreWorkerEntry, CORE_WORKER_SOURCE } from './worker-link';

export interface Core {
  call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): Promise<ProcOutput<P>>; // throws ApiError
  /**
   * The hosts' way to learn who holds a session token (the event socket decides who may listen):
   * the account's role and the audit actor, or null. Not a procedure: never reachable over the wire.
   */
  resolveSession(token: string): Promise<SessionUser | null>;
  onChange(listener: (hint: ChangeHint) => void): () => void;
  /**
   * An audit row a reader could not write (who opened which order's personal data): the writer
   * records it. Not a procedure: never reachable over the wire.
   */
  recordAudit(entry: AuditEntry): void;
  /** Calls answered so far by the writer and by each reader of the read pool (diagnostics). */
  served(): { readonly writer: number; readonly readers: readonly number[] };
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Folder: hall.db lives here (created if missing). */
  dataDir: string;
  /** Node name for HLC/event ids, default 'hall'. [A-Za-z0-9_-]{1,32}. */
  node?: string;
  host: 'electron' | 'browser' | 'test';
  /** Seed the demo street on first run (empty store). */
  demo?: { seed?: number; days?: number; anchor?: number } | false;
  /** Clock (tests). Not carried into workers: functions do not cross threads. */
  now?: () => number;
  /** better_sqlite3.node built for this runtime's ABI (Electron's), passed to `new Database`. */
  nativeBinding?: string;
  /** Shown by system.info. */
  appVersion?: string;
  /** Override where createCore finds its worker entry (see coreWorkerEntry). */
  workerFile?: string;
  /**
   * createCore only: read-only workers for queries (default 2). 0 runs every call on the writer.
   */
  readers?: number;
  /**
   * Scheduled online backups into `<dataDir>/backups` (store/backup-schedule.ts): every 6 h and at
   * a clean close, newest 7 kept. `false` turns the schedule and the closing backup off
   * (system.backup still works). Default: on for the electron and browser hosts, off for 'test'.
   */
  backup?: BackupOptions | false;
  /**
   * The live demo trickle (features/demo/live-demo.ts): new orders, progress and call-backs keep
   * a demo wall moving. Runs only on a demo store; default on for the electron and browser hosts,
   * off for 'test'. `intervalMs` is the mean time between new orders.
   */
  liveDemo?: { intervalMs?: number; seed?: number; speed?: number } | false;
  /**
   * Sync with the upstream hub (adapters/sync). `hubUrl`/`token` given here are stored as the
   * hall's settings at open (serve flags); otherwise the stored settings apply (sync.configure).
   * `false`: no engine runs in this core (sync.status says 'off').
   */
  sync?: { hubUrl?: string; token?: string; enabled?: boolean; timing?: SyncTiming } | false;
  /**
   * The writer in its worker: calls sent to the thread and not answered yet, the caller's own
   * included (shared counters, worker-link.ts). Not carried into workers; the worker makes its own.
   */
  callsInFlight?: () => number;
  /** The writer in its worker: mutations sent to the thread so far (worker-link.ts). */
  mutationsSent?: () => number;
  /** The writer in its worker: the shared counters both read, for the threads the writer starts. */
  callCounts?: SharedArrayBuffer;
}

const DEFAULT_NODE = 'hall';
const DEFAULT_READERS = 2;
const SLOW_CALL_MS = 16;
/** Procedures slow on purpose (scrypt: tens of ms; a backup's copy): not worth a slow-call warning. */
const SLOW_BY_DESIGN: ReadonlySet<string> = new Set([
  'auth.setup',
  'auth.login',
  'accounts.create',
  'accounts.resetPassword',
  'system.backup',
]);
/** How long close() waits for the writer; longer when it takes the closing backup. */
const CLOSE_TIMEOUT_MS = 5_000;
const CLOSE_WITH_BACKUP_TIMEOUT_MS = 120_000;
const NODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

function backupOption(opts: Pick<CoreOptions, 'backup' | 'host'>): BackupOptions | false {
  if (opts.backup !== undefined) return opts.backup;
  return opts.host === 'test' ? false : {};
}

/** Runs one call through a gate: errors as ApiError (unexpected ones logged), slow calls logged. */
async function _callLogged<P extends ProcName>(
  gate: Gate,
  where: string,
  proc: P,
  input: unknown,
  ctx: CallContext,
): Promise<ProcOutput<P>> {
  const t0 = performance.now();
  try {
    return await gate.call(proc, input, ctx);
  } catch (err) {
    const e = toApiError(err);
    if (e.code === 'internal') console.error(`[core:${where}] ${String(proc)} failed:`, err);
    throw e;
  } finally {
    const ms = performance.now() - t0;
    if (ms > SLOW_CALL_MS && !SLOW_BY_DESIGN.has(proc))
      console.warn(`[core:${where}] slow call ${String(proc)}: ${ms.toFixed(1)} ms`);
  }
}

function _closedError(): ApiError {
  return ApiError.why('unavailable', '核心服务已关闭');
}

/** The writer: the one writable connection, migrations, the seed, sync, backups, the demo trickle. */
export async function createInProcessCore(opts: CoreOptions): Promise<Core> {
  const node = opts.node ?? DEFAULT_NODE;
  if (!NODE_PATTERN.test(node)) throw new Error(`invalid node name: ${node}`);
  const now = opts.now ?? Date.now;
  const db = openDb(opts.dataDir, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const listeners = new Set<(hint: ChangeHint) => void>();
  const publish = (hint: ChangeHint): void => {
    for (const l of listeners) {
      try {
        l(hint);
      } catch (err) {
        console.error('[core] change listener failed:', err);
      }
    }
  };
  try {
    const storedNode = getMeta(db, 'node');
    if (storedNode === null) setMeta(db, 'node', node);
    if (opts.demo) {
      const res = seedDemoIfEmpty(db, await loadDemoGenerator(), { ...opts.demo, node, now: now() });
      if (res.seeded) {
        // The seed went through the WAL as one transaction: fold it in so the store size is honest.
        checkpoint(db);
        console.info(
          `[core] demo street seeded: ${res.orders} orders, ${res.events} events in ${Math.round(res.ms)} ms`,
        );
      }
    }
  } catch (err) {
    db.close();
    throw err;
  }
  const backups = createBackupManager(db, opts.dataDir, now, backupOption(opts));
  // Marks the folder as open, so a restore refuses to replace the database under us.
  const releaseDir = claimDataDir(opts.dataDir, opts.host);
  const syncOpt = opts.sync ?? {};
  const sync =
    syncOpt === false
      ? null
      : createSyncEngine({ db, node, now, publish, ...(syncOpt.timing ? { timing: syncOpt.timing } : {}) });
  if (syncOpt && syncOpt.hubUrl !== undefined) {
    const { hubUrl, token, enabled } = syncOpt;
    db.transaction(() => {
      setSyncKv(db, 'hub_url', hubUrl);
      if (token !== undefined) setSyncKv(db, 'token', token);
      setSyncKv(db, 'enabled', enabled === false ? '0' : '1');
    })();
  }
  const env: WriteEnv = {
    db,
    dataDir: opts.dataDir,
    node,
    host: opts.host,
    appVersion: opts.appVersion ?? '0.1.0',
    now,
    backups,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    startWalFolder: () => WalFolder.start(dbPath(opts.dataDir), opts.nativeBinding),
    callsInFlight: opts.callsInFlight ?? null,
    ...(opts.callCounts ? { callCounts: opts.callCounts } : {}),
    mutationsSent: opts.mutationsSent ?? null,
    ...(sync ? { sync } : {}),
  };
  const gate = createGate({ side: 'writer', env }, publish);
  // The audit chain is checked at every start, in chunks between calls (admins see the result).
  startAuditCheck(env, () => publish({ topic: 'system.changed' }));
  // Background jobs (exports): each in a worker thread of its own, off the writer (issue 16).
  const jobs = startJobs(env, publish, {
    spawn: spawnJobWorker,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  sync?.start();
  // A local write is pushed within a moment while the link is up, not at the next poll (issue 12).
  if (sync)
    listeners.add((h) => {
      if (h.topic === 'orders.changed') sync.localChange();
    });
  const liveOpt = opts.liveDemo ?? (opts.host === 'test' ? false : {});
  const live =
    liveOpt && isDemo(db)
      ? startLiveDemo(env, publish, {
          ...(liveOpt.intervalMs !== undefined ? { meanIntervalMs: liveOpt.intervalMs } : {}),
          ...(liveOpt.seed !== undefined ? { seed: liveOpt.seed } : {}),
          ...(liveOpt.speed !== undefined ? { speed: liveOpt.speed } : {}),
        })
      : null;
  // 吹哨报到's delivery loop: retries pushes and marks 超时 (features/whistle/loop.ts).
  const whistleLoop = startWhistleLoop(env, publish);
  // 自动定位 of upstream orders without a point, a moment after orders change (features/address).
  const autoLocate = startAutoLocate(env, publish);
  listeners.add((h) => {
    if (h.topic === 'orders.changed') autoLocate.poke();
  });
  // The Open311 connector idles until configured (open311.configure); tests drive it directly.
  const open311 = opts.host === 'test' ? null : createOpen311Connector({ db, node, now, publish });
  let closed = false;
  let served = 0;
  return {
    call(proc, input, ctx) {
      if (closed) return Promise.reject(_closedError());
      served++;
      return _callLogged(gate, 'writer', proc, input, ctx);
    },
    served: () => ({ writer: served, readers: [] }),
    async resolveSession(token: string): Promise<SessionUser | null> {
      if (closed) throw _closedError();
      return gate.resolveSession(token);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recordAudit(entry) {
      if (closed) return;
      try {
        gate.recordAudit(entry);
      } catch (err) {
        console.error('[core] audit row from a reader failed:', err);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      live?.stop();
      whistleLoop.stop();
      autoLocate.stop();
      await jobs.stop();
      await sync?.stop();
      await open311?.stop();
      listeners.clear();
      try {
        // Waits for a running backup, then takes the closing one (when enabled).
        await backups.close();
      } finally {
        db.close();
        releaseDir();
      }
    },
  };
}

/**
 * A reader: a read-only connection and the same gate, for queries only. It never writes, never
 * publishes hints, and runs nothing in the background. The writer must have opened the store first.
 */
export function createReaderCore(
  opts: Pick<CoreOptions, 'dataDir' | 'node' | 'host' | 'nativeBinding' | 'appVersion' | 'now'>,
  /** Where this reader's audit rows go (the writer writes them). */
  audit: (entry: AuditEntry) => void = () => undefined,
): Core {
  const db = openReader(opts.dataDir, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const env: ReadEnv = {
    db,
    dataDir: opts.dataDir,
    node: opts.node ?? getMeta(db, 'node') ?? DEFAULT_NODE,
    host: opts.host,
    appVersion: opts.appVersion ?? '0.1.0',
    now: opts.now ?? Date.now,
  };
  const gate = createGate({ side: 'reader', env, audit }, () => {
    throw new Error('a reader does not publish change hints');
  });
  let closed = false;
  let served = 0;
  return {
    call(proc, input, ctx) {
      if (closed) return Promise.reject(_closedError());
      served++;
      return _callLogged(gate, 'reader', proc, input, ctx);
    },
    served: () => ({ writer: 0, readers: [served] }),
    async resolveSession(token: string): Promise<SessionUser | null> {
      if (closed) throw _closedError();
      return gate.resolveSession(token);
    },
    onChange() {
      return () => undefined;
    },
    recordAudit(entry) {
      audit(entry);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Which procedures the read pool may answer: queries not bound to the writer. */
function _onReader(proc: string): boolean {
  return isProcName(proc) && CONTRACT[proc].on === 'reader';
}

/**
 * The writer in a worker, then `readers` read-only workers. Queries go to the reader with the
 * fewest calls in flight; mutations and writer-bound queries to the writer. A reader that dies is
 * replaced; while none is up, its calls go to the writer.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const entry = opts.workerFile
    ? { file: opts.workerFile, typescript: opts.workerFile.endsWith('.ts') }
    : coreWorkerEntry();
  const workerOpts: WorkerCoreOptions = {
    dataDir: opts.dataDir,
    host: opts.host,
    ...(opts.node !== undefined ? { node: opts.node } : {}),
    ...(opts.demo !== undefined ? { demo: opts.demo } : {}),
    ...(opts.nativeBinding !== undefined ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.appVersion !== undefined ? { appVersion: opts.appVersion } : {}),
    ...(opts.backup !== undefined ? { backup: opts.backup } : {}),
    ...(opts.liveDemo !== undefined ? { liveDemo: opts.liveDemo } : {}),
    ...(opts.sync !== undefined ? { sync: opts.sync } : {}),
  };
  const listeners = new Set<(hint: ChangeHint) => void>();
  const writer = await WorkerLink.start(entry, { role: 'writer', opts: workerOpts }, (hint) => {
    for (const l of listeners) {
      try {
        l(hint);
      } catch (err) {
        console.error('[core] change listener failed:', err);
      }
    }
  });
  const closeTimeoutMs = backupOption(opts) === false ? CLOSE_TIMEOUT_MS : CLOSE_WITH_BACKUP_TIMEOUT_MS;
  const readerCount = Math.max(0, Math.floor(opts.readers ?? DEFAULT_READERS));
  const readers: WorkerLink[] = [];
  let closing: Promise<void> | null = null;

  const startReader = async (): Promise<void> => {
    try {
      const r = await WorkerLink.start(
        entry,
        { role: 'reader', opts: workerOpts },
        () => undefined,
        (row) => writer.recordAudit(row),
      );
      if (closing) {
        void r.close(CLOSE_TIMEOUT_MS);
        return;
      }
      readers.push(r);
      r.onExit(() => {
        readers.splice(readers.indexOf(r), 1);
        if (closing) return;
        console.error('[core] a reader stopped; starting another');
        setTimeout(() => void startReader(), 1_000).unref();
      });
    } catch (err) {
      console.error('[core] a reader failed to start:', err);
    }
  };
  try {
    await Promise.all(Array.from({ length: readerCount }, startReader));
  } catch (err) {
    await writer.close(closeTimeoutMs);
    throw err;
  }

  const pickReader = (): WorkerLink | null => {
    let best: WorkerLink | null = null;
    for (const r of readers) if (!best || r.inFlight < best.inFlight) best = r;
    return best;
  };

  return {
    call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): Promise<ProcOutput<P>> {
      if (closing) return Promise.reject(_closedError());
      const link = (_onReader(proc) ? pickReader() : null) ?? writer;
      return link.call(proc, input, ctx) as Promise<ProcOutput<P>>;
    },
    served: () => ({ writer: writer.served, readers: readers.map((r) => r.served) }),
    resolveSession(token: string): Promise<SessionUser | null> {
      if (closing) return Promise.reject(_closedError());
      return (pickReader() ?? writer).resolve(String(token));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recordAudit(row) {
      if (!closing) writer.recordAudit(row);
    },
    close() {
      closing ??= (async () => {
        listeners.clear();
        await Promise.all(readers.map((r) => r.close(CLOSE_TIMEOUT_MS)));
        await writer.close(closeTimeoutMs);
      })();
      return closing;
    },
  };
}
