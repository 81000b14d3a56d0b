/**
 * Child process of the bench: opens the core on a store, runs the panels' queries, reports RSS.
 * rss-bench.ts bundles this file with esbuild next to a bundled core worker and runs it with plain
 * Node: the shape the app ships (Electron's main and worker bundles), not tsx compiling TypeScript
 * in every worker thread (that alone added ~90 MB per worker).
 * `inprocess`: the core on the calling thread; `pool`: the app's shape, createCore with the writer
 * and the readers in worker threads of this process.
 */
import { createCore, createInProcessCore } from '../../electron/core/runtime/core';

async function main(): Promise<void> {
  const baselineMb = process.memoryUsage().rss / 1e6;
  const [dataDir, month, mode = 'inprocess'] = process.argv.slice(2) as [string, string, string?];
  const core =
    mode === 'pool'
      ? await createCore({ dataDir, host: 'test', demo: false })
      : await createInProcessCore({ dataDir, host: 'test', demo: false });
  const ctx = { role: 'commander' as const, actor: 'bench' };
  // Twice: with the pool, the second round reaches the other reader too.
  for (let round = 0; round < 2; round++) {
    await core.call('system.info', {}, ctx);
    await core.call('reference.snapshot', {}, ctx);
    await core.call('stats.month', { month }, ctx);
    for (const q of ['噪音', '漏水', '水']) await core.call('orders.list', { q, limit: 100 }, ctx);
    await core.call('orders.list', { limit: 500 }, ctx);
  }
  const rssMb = process.memoryUsage().rss / 1e6;
  await core.close();
  console.log(JSON.stringify({ rssMb, baselineMb }));
}

void main();
