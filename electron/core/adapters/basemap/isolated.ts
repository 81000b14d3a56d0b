/**
 * Basemap files are read in a worker thread of their own, with time limits (issue 11, item 2):
 * the import check and every tile read. A file that makes its reader hang (an endless view, a
 * slow query, a gzip bomb that slipped through) costs a worker, which is dropped and replaced;
 * the thread that answers the API — the host's, the core's — only waits on a promise with a
 * deadline. The worker's heap is capped too, so a bomb that did inflate kills the worker, not the app.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BasemapInfo, Tile } from './tile-source';
import type { BasemapCheck } from './validate';

export type WorkerRequest =
  | { readonly id: number; readonly op: 'check'; readonly path: string; readonly nativeBinding?: string }
  | {
      readonly id: number;
      readonly op: 'info';
      readonly path: string;
      readonly kind: 'pmtiles' | 'mbtiles';
      readonly key: string;
      readonly nativeBinding?: string;
    }
  | {
      readonly id: number;
      readonly op: 'tile';
      readonly path: string;
      readonly kind: 'pmtiles' | 'mbtiles';
      readonly key: string;
      readonly z: number;
      readonly x: number;
      readonly y: number;
      /** Inflate a gzip'd tile (Electron's app:// cannot send Content-Encoding). */
      readonly unzip: boolean;
      readonly nativeBinding?: string;
    };

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

type RequestBody<R> = R extends { readonly id: number } ? Omit<R, 'id'> : never;

/** A tile read, or a file's info, must answer within this. */
export const TILE_TIMEOUT_MS = 5_000;
/** The import check: 20 s, plus a second per 25 MB (a 512 MB file: ~40 s). */
export function checkTimeoutMs(bytes: number): number {
  return 20_000 + Math.ceil(bytes / (25 * 1024 * 1024)) * 1_000;
}

const WORKER_HEAP_MB = 384;

export class BasemapTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what}超时 (${Math.round(ms / 1000)} 秒)，文件可能有问题`);
    this.name = 'BasemapTimeoutError';
  }
}

function _hereDir(): string {
  // As ESM source (tsx, Vitest, a tsx worker where __dirname may be '') import.meta.url names this
  // file; bundled to CommonJS (dist-electron/*.cjs) it is empty and __dirname is the bundle's folder.
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  return __dirname;
}

/** The worker entry: `basemap-worker.cjs` beside the running bundle, else the TypeScript source. */
export function basemapWorkerEntry(dir: string = _hereDir()): { file: string; typescript: boolean } {
  const bundled = join(dir, 'basemap-worker.cjs');
  if (existsSync(bundled)) return { file: bundled, typescript: false };
  return { file: join(dir, 'basemap-worker.ts'), typescript: true };
}

/** The worker entry source file, for bundlers. */
export const BASEMAP_WORKER_SOURCE = 'electron/core/adapters/basemap/basemap-worker.ts';

function _spawn(): Worker {
  const entry = basemapWorkerEntry();
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!entry.typescript) return new Worker(entry.file, { resourceLimits });
  // Node 20 cannot start a .ts worker with --import tsx: a tiny bootstrap registers tsx first.
  const req = createRequire(join(_hereDir(), 'isolated.ts'));
  const tsxApi = join(dirname(req.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); })
    .catch((err) => { console.error('[basemap] worker bootstrap failed:', err); process.exit(1); });`;
  return new Worker(code, { eval: true, resourceLimits });
}

/**
 * One basemap worker as its owner sees it: requests with deadlines. A request that misses its
 * deadline fails, and the worker is terminated and replaced at the next request (whatever it was
 * stuck in can no longer delay anyone).
 */
export class BasemapWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  private closed = false;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = _spawn();
    // An idle worker does not keep the process alive; one with requests in flight does.
    w.unref();
    w.on('message', (msg: WorkerReply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) w.unref();
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    });
    const fail = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = null;
      this.failAll(new Error(why));
    };
    w.on('error', (err) => fail(`底图读取进程出错: ${err.message}`));
    w.on('exit', () => fail('底图读取进程已退出'));
    this.worker = w;
    return w;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }

  /** Drops the worker (it may be stuck); the next request starts a fresh one. */
  private recycle(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }

  request<T>(body: RequestBody<WorkerRequest>, timeoutMs: number, what: string): Promise<T> {
    if (this.closed) return Promise.reject(new Error('底图读取已关闭'));
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BasemapTimeoutError(what, timeoutMs));
        // Everyone else waiting on this worker would wait behind the stuck request: fail them too.
        this.failAll(new BasemapTimeoutError(what, timeoutMs));
        this.recycle();
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.ref();
      w.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  check(path: string, bytes: number, nativeBinding?: string): Promise<BasemapCheck> {
    return this.request<BasemapCheck>(
      { op: 'check', path, ...(nativeBinding ? { nativeBinding } : {}) },
      checkTimeoutMs(bytes),
      '底图文件检查',
    );
  }

  info(path: string, kind: 'pmtiles' | 'mbtiles', key: string, nativeBinding?: string): Promise<BasemapInfo> {
    return this.request<BasemapInfo>(
      { op: 'info', path, kind, key, ...(nativeBinding ? { nativeBinding } : {}) },
      TILE_TIMEOUT_MS,
      '读取底图',
    );
  }

  async tile(
    req: { path: string; kind: 'pmtiles' | 'mbtiles'; key: string; z: number; x: number; y: number },
    unzip: boolean,
    nativeBinding?: string,
  ): Promise<Tile | null> {
    const t = await this.request<{ data: Uint8Array; gzipped: boolean } | null>(
      { op: 'tile', ...req, unzip, ...(nativeBinding ? { nativeBinding } : {}) },
      TILE_TIMEOUT_MS,
      '读取瓦片',
    );
    return t
      ? { data: Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength), gzipped: t.gzipped }
      : null;
  }

  close(): void {
    this.closed = true;
    this.failAll(new Error('底图读取已关闭'));
    this.recycle();
  }
}

/**
 * Checks one file in a worker of its own with the size-scaled time limit, then ends the worker.
 * Never throws for a bad or hostile file: a timeout or a dead worker is a refusal with a reason.
 */
export async function checkBasemapIsolated(path: string, nativeBinding?: string): Promise<BasemapCheck> {
  const bytes = (await stat(path)).size;
  const w = new BasemapWorker();
  try {
    return await w.check(path, bytes, nativeBinding);
  } catch (err) {
    return { ok: false, errors: [err instanceof Error ? err.message : String(err)] };
  } finally {
    w.close();
  }
}
