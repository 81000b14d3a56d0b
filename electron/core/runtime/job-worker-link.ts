/**
 * Where the job worker entry is and how it starts: `job-worker.cjs` beside the running bundle
 * (scripts/build-electron.mjs), else the TypeScript source through tsx (as worker-link.ts does).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobWorkerData } from '../features/jobs';

function _hereDir(): string {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  return __dirname;
}

/** The job worker's heap is capped: a runaway export costs its thread, not the app. */
const JOB_HEAP_MB = 512;

export function spawnJobWorker(data: JobWorkerData): Worker {
  const dir = _hereDir();
  const bundled = join(dir, 'job-worker.cjs');
  const resourceLimits = { maxOldGenerationSizeMb: JOB_HEAP_MB };
  if (existsSync(bundled)) return new Worker(bundled, { workerData: data, resourceLimits });
  const req = createRequire(join(dir, 'core.ts'));
  const tsxApi = join(dirname(req.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
  const file = join(dir, 'job-worker.ts');
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })
    .catch((err) => { console.error('[jobs] worker bootstrap failed:', err); process.exit(1); });`;
  return new Worker(code, { eval: true, workerData: data, resourceLimits });
}

/** The worker entry source file, for bundlers. */
export const JOB_WORKER_SOURCE = 'electron/core/runtime/job-worker.ts';
