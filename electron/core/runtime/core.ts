/**
 * The core: store + services behind one async `call`. createInProcessCore runs them on the
 * calling thread (tests, and inside the worker); createCore runs them in a worker_threads
 * Worker so the main process's event loop never waits on SQL — the main thread only relays.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  ApiError,
  type ApiErrorData,
  type ChangeHint,
  type ProcName,
  type ProcOutput,
} from '../../../shared/contract/index';
import { createBackupManager, type BackupOptions } from '../store/backup-schedule';
import { claimDataDir } from '../store/data-dir-lock';
import { checkpoint, openDb } from '../store/db';
import { getMeta, isDemo, setMeta } from '../store/meta';
import {
  createServices,
  resolveSession,
  toApiError,
  type CallContext,
  type ServiceEnv,
  type SessionUser,
} from './gate';
import { seedDemoIfEmpty, type DemoGenerator } from '../features/demo/seed';
import { startLiveDemo } from '../features/demo/live-demo';
import { createOpen311Connector } from '../adapters/open311/connector';
import { createSyncEngine, type SyncTiming } from '../adapters/sync/engine';
import { setSyncKv } from '../features/sync/queries';

export type { CallContext, SessionUser } from './gate';
export type { BackupOptions } from '../store/backup-schedule';
export { restoreFrom, RestoreError, type RestoreResult } from '../store/backup';

export interface Core {
  call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): Promise<ProcOutput<P>>; // throws ApiError
  /**
   * The hosts' way to learn who holds a session token: the account's role and the audit actor,
   * or null (unknown, expired, disabled). Not a procedure: it is never reachable over the wire.
   */
  resolveSession(token: string): Promise<SessionUser | null>;
  onChange(listener: (hint: ChangeHint) => void): () => void;
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
  /** Clock (tests). Not carried into the worker of createCore: functions do not cross threads. */
  now?: () => number;
  /** better_sqlite3.node built for this runtime's ABI (Electron's), passed to `new Database`. */
  nativeBinding?: string;
  /** Shown by system.info. */
  appVersion?: string;
  /** Override where createCore finds its worker (see coreWorkerEntry). */
  workerFile?: string;
  /**
   * Scheduled online backups into `<dataDir>/backups` (backups.ts): every 6 h and at a clean
   * close, newest 7 kept. `false` turns the schedule and the closing backup off (system.backup
   * still works). Default: on for the electron and browser hosts, off for 'test'.
   */
  backup?: BackupOptions | false;
  /**
   * The live demo trickle (services/live-demo.ts): new orders, progress and call-backs keep a
   * demo wall moving. Runs only on a demo store; default on for the electron and browser hosts,
   * off for 'test'. `intervalMs` is the mean time between new orders.
   */
  liveDemo?: { intervalMs?: number; seed?: number; speed?: number } | false;
  /**
   * Sync with the upstream hub (issue 4, electron/core/sync). `hubUrl`/`token` given here are
   * stored as the hall's settings at open (serve flags); otherwise the stored settings apply
   * (sync.configure). `false`: no engine runs in this core (sync.status says 'off').
   */
  sync?: { hubUrl?: string; token?: string; enabled?: boolean; timing?: SyncTiming } | false;
}

export const DEFAULT_NODE = 'hall';
export const SLOW_CALL_MS = 16;
/** Procedures slow on purpose (scrypt: tens of ms; a backup's copy): not worth a slow-call warning. */
const SLOW_BY_DESIGN: ReadonlySet<string> = new Set([
  'auth.setup',
  'auth.login',
  'accounts.create',
  'accounts.resetPassword',
  'system.backup',
]);
/** How long close() waits for the worker; longer when it takes the closing backup. */
const CLOSE_TIMEOUT_MS = 5_000;
const CLOSE_WITH_BACKUP_TIMEOUT_MS = 120_000;

function backupOption(opts: Pick<CoreOptions, 'backup' | 'host'>): BackupOptions | false {
  if (opts.backup !== undefined) return opts.backup;
  return opts.host === 'test' ? false : {};
}
const NODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** Loaded only when seeding, so a normal start does not parse the generator. */
async function _loadDemoGenerator(): Promise<DemoGenerator> {
  const [ref, orders] = await Promise.all([
    import('../features/demo/generator/reference'),
    import('../features/demo/generator/orders'),
  ]);
  return { generateReference: ref.generateReference, generateOrderEvents: orders.generateOrderEvents };
}

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
      const res = seedDemoIfEmpty(db, await _loadDemoGenerator(), { ...opts.demo, node, now: now() });
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
  const env: ServiceEnv = {
    db,
    dataDir: opts.dataDir,
    node,
    host: opts.host,
    appVersion: opts.appVersion ?? '0.1.0',
    now,
    backups,
    ...(sync ? { sync } : {}),
  };
  const services = createServices(env, publish);
  sync?.start();
  const liveOpt = opts.liveDemo ?? (opts.host === 'test' ? false : {});
  const live =
    liveOpt && isDemo(db)
      ? startLiveDemo(env, publish, {
          ...(liveOpt.intervalMs !== undefined ? { meanIntervalMs: liveOpt.intervalMs } : {}),
          ...(liveOpt.seed !== undefined ? { seed: liveOpt.seed } : {}),
          ...(liveOpt.speed !== undefined ? { speed: liveOpt.speed } : {}),
        })
      : null;
  // The Open311 connector idles until configured (open311.configure); tests drive it directly.
  const open311 = opts.host === 'test' ? null : createOpen311Connector({ db, node, now, publish });
  let closed = false;
  return {
    async call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): Promise<ProcOutput<P>> {
      if (closed) throw new ApiError('unavailable', 'core is closed');
      const t0 = performance.now();
      try {
        return await services.call(proc, input, ctx);
      } catch (err) {
        const e = toApiError(err);
        if (e.code === 'internal') console.error(`[core] ${String(proc)} failed:`, err);
        throw e;
      } finally {
        const ms = performance.now() - t0;
        if (ms > SLOW_CALL_MS && !SLOW_BY_DESIGN.has(proc))
          console.warn(`[core] slow call ${String(proc)}: ${ms.toFixed(1)} ms`);
      }
    },
    async resolveSession(token: string): Promise<SessionUser | null> {
      if (closed) throw new ApiError('unavailable', 'core is closed');
      return resolveSession(env, token);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      live?.stop();
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

// ---------------------------------------------------------------------------------------------
// Worker thread

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
  | { readonly type: 'close' };

/** Messages worker → main. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'initError'; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly data: unknown }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: ApiErrorData }
  | { readonly type: 'hint'; readonly hint: ChangeHint }
  | { readonly type: 'closed' };

export type WorkerCoreOptions = Omit<CoreOptions, 'now' | 'workerFile'>;

function _hereDir(): string {
  // Bundled to CommonJS by esbuild (dist-electron/main.cjs) __dirname is the bundle's folder;
  // as ESM source (tsx, Vitest) it is this file's folder.
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * Where the worker entry is: a sibling `core-worker.cjs` next to the running bundle
 * (scripts/build-electron.mjs builds electron/core/runtime/core-worker.ts to dist-electron/core-worker.cjs),
 * else the TypeScript source, loaded through tsx.
 */
export function coreWorkerEntry(dir: string = _hereDir()): { file: string; typescript: boolean } {
  const bundled = join(dir, 'core-worker.cjs');
  if (existsSync(bundled)) return { file: bundled, typescript: false };
  return { file: join(dir, 'core-worker.ts'), typescript: true };
}

/** The worker entry source file, for bundlers. */
export const CORE_WORKER_SOURCE = 'electron/core/runtime/core-worker.ts';

/**
 * Starts a worker on a .ts entry. `execArgv: ['--import', 'tsx']` does not reach worker threads
 * on Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so a tiny bootstrap registers tsx's ESM hooks inside
 * the worker first, then imports the entry.
 */
function _spawnTypeScriptWorker(file: string, workerData: unknown): Worker {
  const req = createRequire(join(_hereDir(), 'core.ts'));
  const tsxApi = join(dirname(req.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })
    .catch((err) => { console.error('[core] worker bootstrap failed:', err); process.exit(1); });`;
  return new Worker(code, { eval: true, workerData });
}

export function createCore(opts: CoreOptions): Promise<Core> {
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
  const closeTimeoutMs = backupOption(opts) === false ? CLOSE_TIMEOUT_MS : CLOSE_WITH_BACKUP_TIMEOUT_MS;
  const workerData = { opts: workerOpts };
  const worker = entry.typescript
    ? _spawnTypeScriptWorker(entry.file, workerData)
    : new Worker(entry.file, { workerData });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Set<(hint: ChangeHint) => void>();
  let nextId = 1;
  let dead: ApiError | null = null;
  let closing: Promise<void> | null = null;
  let onClosed: (() => void) | null = null;

  const failAll = (err: ApiError): void => {
    dead = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  return new Promise<Core>((resolveCore, rejectCore) => {
    let ready = false;
    const core: Core = {
      call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): Promise<ProcOutput<P>> {
        if (dead) return Promise.reject(dead);
        const id = nextId++;
        return new Promise<ProcOutput<P>>((resolve, reject) => {
          pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
          try {
            worker.postMessage({ type: 'call', id, proc, input, ctx } satisfies ToWorker);
          } catch (err) {
            // e.g. a function in `input`: it cannot be cloned, so it cannot be valid input either.
            pending.delete(id);
            reject(new ApiError('invalid_input', `input cannot be sent: ${(err as Error).message}`));
          }
        });
      },
      resolveSession(token: string): Promise<SessionUser | null> {
        if (dead) return Promise.reject(dead);
        const id = nextId++;
        return new Promise<SessionUser | null>((resolve, reject) => {
          pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
          worker.postMessage({ type: 'resolve', id, token: String(token) } satisfies ToWorker);
        });
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {
        if (closing) return closing;
        closing = new Promise<void>((resolve) => {
          onClosed = resolve;
          if (dead) {
            resolve();
            return;
          }
          worker.postMessage({ type: 'close' } satisfies ToWorker);
          // A wedged worker must not hold the process open (the closing backup may take a while).
          setTimeout(() => void worker.terminate(), closeTimeoutMs).unref();
        });
        return closing;
      },
    };

    worker.on('message', (msg: FromWorker) => {
      switch (msg.type) {
        case 'ready':
          ready = true;
          resolveCore(core);
          break;
        case 'initError':
          rejectCore(new Error(msg.message));
          void worker.terminate();
          break;
        case 'result': {
          const p = pending.get(msg.id);
          if (!p) break;
          pending.delete(msg.id);
          if (msg.ok) p.resolve(msg.data);
          else p.reject(ApiError.fromData(msg.error));
          break;
        }
        case 'hint':
          for (const l of listeners) {
            try {
              l(msg.hint);
            } catch (err) {
              console.error('[core] change listener failed:', err);
            }
          }
          break;
        case 'closed':
          void worker.terminate();
          break;
      }
    });
    worker.on('error', (err) => {
      console.error('[core] worker error:', err);
      if (!ready) rejectCore(err);
      failAll(new ApiError('unavailable', `core worker failed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      if (!ready) rejectCore(new Error(`core worker exited with code ${code} before it was ready`));
      failAll(new ApiError('unavailable', 'core worker stopped'));
      onClosed?.();
    });
  });
}
