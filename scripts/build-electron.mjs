#!/usr/bin/env node
/**
 * Bundles the Electron side with esbuild into dist-electron/:
 *   main.cjs        electron/main.ts       (main process; CommonJS)
 *   preload.cjs     electron/preload.ts    (sandboxed preload: requires only 'electron')
 *   core-worker.cjs electron/core/runtime/core-worker.ts (the core's SQL worker thread, found by core.ts
 *                   as a sibling of main.cjs)
 *   job-worker.cjs electron/core/runtime/job-worker.ts (background jobs: exports; started by features/jobs)
 *   ledger-scan-worker.cjs electron/core/features/import/scan-worker.ts (reads a 台账 for the
 *                   import, off the writer; started by features/import/scan-thread.ts)
 *   basemap-worker.cjs electron/core/adapters/basemap/basemap-worker.ts (reads and checks basemap
 *                   files off the threads that answer calls; found by isolated.ts as a sibling)
 * 'electron' and 'better-sqlite3' (native) stay external.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist-electron');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
// Electron 41 ships Node 22-ish and Chromium 140+: target what it runs, not the build machine.
const nodeTarget = 'node20';
const chromeTarget = 'chrome130';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // ws's optional native speed-ups are loaded in try/catch; they are not installed.
  external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // core.ts uses import.meta.url only when __dirname is missing (ESM); keep esbuild quiet about it.
  logOverride: { 'empty-import-meta': 'silent' },
};

const workerCandidates = ['electron/core/runtime/core-worker.ts', 'electron/core/store/worker.ts'];
const worker = workerCandidates.find((p) => existsSync(path.join(root, p)));

mkdirSync(out, { recursive: true });
const t0 = Date.now();
await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/main.ts')],
    outfile: path.join(out, 'main.cjs'),
    target: nodeTarget,
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/preload.ts')],
    outfile: path.join(out, 'preload.cjs'),
    // Sandboxed preloads run in a renderer with a reduced `require`: only 'electron' is external.
    external: ['electron'],
    target: chromeTarget,
    sourcemap: 'inline',
  }),
  worker
    ? build({
        ...common,
        entryPoints: [path.join(root, worker)],
        outfile: path.join(out, 'core-worker.cjs'),
        target: nodeTarget,
      })
    : Promise.reject(new Error(`no core worker entry found (looked for ${workerCandidates.join(', ')})`)),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/core/runtime/job-worker.ts')],
    outfile: path.join(out, 'job-worker.cjs'),
    target: nodeTarget,
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/core/features/import/scan-worker.ts')],
    outfile: path.join(out, 'ledger-scan-worker.cjs'),
    target: nodeTarget,
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/core/adapters/basemap/basemap-worker.ts')],
    outfile: path.join(out, 'basemap-worker.cjs'),
    target: nodeTarget,
  }),
]);
console.log(
  `built dist-electron/{main,preload,core-worker,job-worker,ledger-scan-worker,basemap-worker}.cjs for Electron ${electronVersion} in ${Date.now() - t0} ms`,
);
