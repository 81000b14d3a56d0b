/**
 * Memory of a fresh core process over the bench store, in the shape the app ships: rss-probe.ts
 * and the core worker bundled by esbuild (as scripts/build-electron.mjs bundles them) and run by
 * plain Node, the worker found as the probe's sibling like dist-electron/core-worker.cjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import type { Table } from './table';

const BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logOverride: { 'empty-import-meta': 'silent' },
};

export async function benchRss(
  table: Table,
  benchDir: string,
  hallDir: string,
  storeLabel: string,
  month: string,
): Promise<void> {
  const out = join(benchDir, 'rss');
  mkdirSync(out, { recursive: true });
  await Promise.all([
    build({ ...BUNDLE, entryPoints: ['tests/bench/rss-probe.ts'], outfile: join(out, 'probe.cjs') }),
    build({
      ...BUNDLE,
      entryPoints: ['electron/core/runtime/core-worker.ts'],
      outfile: join(out, 'core-worker.cjs'),
    }),
  ]);
  for (const [mode, label] of [
    ['inprocess', 'core on one thread'],
    ['pool', "core with its read pool (writer + 2 readers in worker threads), the app's shape"],
  ] as const) {
    // .bench/rss/ is inside the project: better-sqlite3 resolves from its node_modules.
    const probeRun = spawnSync(process.execPath, [join(out, 'probe.cjs'), hallDir, month, mode], {
      encoding: 'utf8',
    });
    const rss = JSON.parse(probeRun.stdout.trim().split('\n').pop() ?? '{}') as {
      rssMb?: number;
      baselineMb?: number;
    };
    if (rss.rssMb !== undefined && rss.baselineMb !== undefined) {
      table.add({
        what: `process RSS with the ${storeLabel} store open, after queries: ${label} (bundled, plain Node)`,
        value: `${rss.rssMb.toFixed(0)} MB`,
        budget: '≤ 400 MB',
        pass: rss.rssMb <= 400,
        baseline: `the same process before opening the store ${rss.baselineMb.toFixed(0)} MB`,
        ratio: rss.rssMb / rss.baselineMb,
      });
    } else {
      table.add({
        what: `process RSS: ${label}`,
        value: `probe failed: ${probeRun.stderr.slice(0, 200)}`,
        budget: '≤ 400 MB',
        pass: false,
      });
    }
  }
}
