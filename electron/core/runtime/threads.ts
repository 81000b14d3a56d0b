/**
 * Starts a worker thread on an entry of ours: the bundled `.cjs` beside the running bundle
 * (scripts/build-electron.mjs builds one per entry), else the TypeScript source through tsx.
 * A core feature may use it (with call-counts.ts) to take work off the writer.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  /** The caller's `import.meta.url`: names its folder as source; empty in a CommonJS bundle. */
  readonly callerUrl: string | undefined;
  /** The bundle's file name, e.g. `ledger-scan-worker.cjs`. */
  readonly bundled: string;
  /** The source file, beside the caller, e.g. `scan-worker.ts`. */
  readonly source: string;
}

function _callerDir(url: string | undefined): string {
  if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  // Bundled to CommonJS: every module of the bundle shares the bundle's folder.
  return __dirname;
}

export function spawnWorker(entry: WorkerEntry, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const dir = _callerDir(entry.callerUrl);
  const bundled = join(dir, entry.bundled);
  if (existsSync(bundled)) return new Worker(bundled, options);
  return spawnTypeScriptWorker(join(dir, entry.source), options);
}

/**
 * Starts a worker on a .ts entry. `execArgv: ['--import', 'tsx']` does not reach worker threads on
 * Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so a tiny bootstrap registers tsx's ESM hooks inside the
 * worker first, then imports the entry.
 */
export function spawnTypeScriptWorker(file: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const req = createRequire(file);
  const tsxApi = join(dirname(req.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })
    .catch((err) => { console.error('[worker] bootstrap of ${basename(file)} failed:', err); process.exit(1); });`;
  return new Worker(code, { ...options, eval: true });
}
