/**
 * The baseline of the sync bench (issue 4, item 7): the same documents replicated with PouchDB
 * through a PouchDB/CouchDB-compatible server from npm — express 5 + express-pouchdb over
 * pouchdb-node (LevelDB in a temp dir) on loopback. A hall's local PouchDB (memory adapter) is
 * filled first (not timed); then we time hall → hub (`replicate(local, remote)`) and the second
 * hall's pull hub → hall2 (`replicate(remote, local2)`). total = push + pull is the figure to
 * compare with our hall → hub → hall sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExpressFactory, ExpressPouchFactory, PouchStatic } from './pouch-types';

const require = createRequire(import.meta.url);

export interface PouchBaseline {
  /** hall → hub → hall2, ms (push + pull). */
  readonly ms: number;
  readonly docs: number;
  readonly pushMs: number;
  readonly pullMs: number;
}

function _docsWithIds(docs: readonly object[]): object[] {
  return docs.map((d, i) => {
    const id = (d as { _id?: unknown; id?: unknown })._id ?? (d as { id?: unknown }).id;
    return { ...d, _id: typeof id === 'string' && id !== '' && !id.startsWith('_') ? id : `doc-${i}` };
  });
}

export async function pouchReplicate(docs: readonly object[]): Promise<PouchBaseline> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-pouch-'));
  const PouchDB = require('pouchdb-node') as PouchStatic;
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  const express = require('express') as ExpressFactory;
  const expressPouchdb = require('express-pouchdb') as ExpressPouchFactory;
  const ServerPouch = PouchDB.defaults({ prefix: `${dir}/` });
  const app = express();
  // express 5 makes req.query a getter; express-pouchdb (built on express 4) assigns it in its
  // _changes route. An own, writable property on each request lets both work.
  app.use('/db', (req, _res, next) => {
    const query: unknown = (req as { query?: unknown }).query;
    Object.defineProperty(req, 'query', {
      value: query,
      writable: true,
      configurable: true,
      enumerable: true,
    });
    next?.();
  });
  app.use(
    '/db',
    expressPouchdb(ServerPouch, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: join(dir, 'log.txt'),
    }),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const stamp = `${process.pid}-${Date.now()}`;
  const local = new PouchDB(`hall1-${stamp}`, { adapter: 'memory' });
  const local2 = new PouchDB(`hall2-${stamp}`, { adapter: 'memory' });
  const remote = new PouchDB(`http://127.0.0.1:${port}/db/hub-${stamp}`);
  try {
    const withIds = _docsWithIds(docs);
    for (let i = 0; i < withIds.length; i += 1000) {
      const res = await local.bulkDocs(withIds.slice(i, i + 1000));
      const failed = res.filter((r) => r.error);
      if (failed.length) throw new Error(`pouch fill failed: ${failed[0]?.error ?? '?'}`);
    }
    let t0 = performance.now();
    const push = await PouchDB.replicate(local, remote, { batch_size: 500 });
    const pushMs = performance.now() - t0;
    t0 = performance.now();
    const pull = await PouchDB.replicate(remote, local2, { batch_size: 500 });
    const pullMs = performance.now() - t0;
    const arrived = (await local2.info()).doc_count;
    if (push.doc_write_failures || pull.doc_write_failures || arrived !== withIds.length) {
      throw new Error(`pouch replication incomplete: ${arrived}/${withIds.length} documents arrived`);
    }
    return { ms: pushMs + pullMs, docs: arrived, pushMs, pullMs };
  } finally {
    await Promise.allSettled([local.destroy(), local2.destroy(), remote.destroy()]);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}
