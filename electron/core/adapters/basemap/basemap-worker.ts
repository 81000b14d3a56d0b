/**
 * Worker-thread entry for everything that reads a basemap file: the import check and tile reads
 * (isolated.ts starts it and enforces the time limits). Bundled to dist-electron/basemap-worker.cjs.
 * A hostile file can at worst hold this thread, never the one that answers the API.
 */
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { openMbtiles } from './mbtiles-source';
import { openPmtiles } from './pmtiles-source';
import type { TileSource } from './tile-source';
import { checkBasemapFile } from './validate';
import type { WorkerReply, WorkerRequest } from './isolated';

const port = parentPort;
if (!port) throw new Error('basemap-worker must run in a worker thread');

/** A tile decompressed for Electron's app:// (it cannot send Content-Encoding) stops here. */
const MAX_UNZIPPED_TILE = 16 * 1024 * 1024;
const MAX_OPEN = 16;
const open = new Map<string, { key: string; source: Promise<TileSource> }>();

function sourceFor(path: string, kind: 'pmtiles' | 'mbtiles', key: string, nativeBinding?: string) {
  const cur = open.get(path);
  if (cur && cur.key === key) return cur.source;
  if (cur) void cur.source.then((s) => s.close()).catch(() => undefined);
  if (open.size >= MAX_OPEN) {
    for (const o of open.values()) void o.source.then((s) => s.close()).catch(() => undefined);
    open.clear();
  }
  const source =
    kind === 'pmtiles' ? openPmtiles(path) : Promise.resolve().then(() => openMbtiles(path, nativeBinding));
  open.set(path, { key, source });
  source.catch(() => open.delete(path));
  return source;
}

async function handle(msg: WorkerRequest): Promise<unknown> {
  if (msg.op === 'check') return checkBasemapFile(msg.path, msg.nativeBinding);
  const source = await sourceFor(msg.path, msg.kind, msg.key, msg.nativeBinding);
  if (msg.op === 'info') return source.info;
  const tile = await source.tile(msg.z, msg.x, msg.y);
  if (!tile) return null;
  if (msg.unzip && tile.gzipped) {
    try {
      return { data: gunzipSync(tile.data, { maxOutputLength: MAX_UNZIPPED_TILE }), gzipped: false };
    } catch {
      // A tile that will not inflate (or inflates past the cap) is no tile.
      return null;
    }
  }
  return tile;
}

port.on('message', (msg: WorkerRequest) => {
  handle(msg).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value } satisfies WorkerReply),
    (err: unknown) =>
      port.postMessage({
        id: msg.id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      } satisfies WorkerReply),
  );
});
