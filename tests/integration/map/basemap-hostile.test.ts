/**
 * Issue 11, item 2: hostile basemap files, made here the way the attack made them, against the
 * real core (worker threads) and the real HTTP host:
 * - an MBTiles whose `tiles` is a VIEW over an endless WITH RECURSIVE: map.uploadCommit used to
 *   never return and freeze every call; now it is refused with a reason at once, and auth.status
 *   is answered meanwhile;
 * - a slow-view MBTiles dropped by hand into the basemaps folder: a tile request used to freeze
 *   the host for minutes; now the file is never served and the host keeps answering;
 * - PMTiles with a gzip-bomb root or leaf directory: refused in well under a second, without
 *   inflating gigabytes; a hand-placed one is not served.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_BASEMAP_PATH } from '../../../scripts/build-basemap';
import {
  COMPRESSION,
  PMTILES_HEADER_BYTES,
  TILE_TYPE,
  encodeDirectory,
  encodeHeader,
} from '../../../electron/core/adapters/basemap/pmtiles';
import { checkBasemapIsolated } from '../../../electron/core/adapters/basemap/isolated';
import { startHttpHost, type HttpHost } from '../../../electron/core/adapters/host/http-host';
import { makeHostTestCore, type HostTestCore } from '../host/host-test-core';
import { tempDir } from '../store/fixtures';

const admin = { role: 'admin', actor: 'root' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;

let tmp: { dir: string; cleanup: () => void };
let htc: HostTestCore;
let host: HttpHost;

beforeAll(async () => {
  tmp = tempDir('hall-hostile-basemap-');
  htc = await makeHostTestCore(tmp.dir);
  host = await startHttpHost({
    core: htc.core,
    port: 0,
    staticDir: null,
    loopbackRole: 'viewer',
    log: () => undefined,
    basemaps: { builtinDir: path.dirname(BUILTIN_BASEMAP_PATH), importedDir: path.join(tmp.dir, 'basemaps') },
  });
});

afterAll(async () => {
  await host?.close();
  await htc?.close();
  tmp?.cleanup();
});

/** An MBTiles whose `tiles` is a view: `body` is the view's SELECT. */
function viewMbtiles(file: string, body: string): Buffer {
  const db = new Database(file);
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
           INSERT INTO metadata VALUES ('name', '恶意底图'), ('format', 'png');
           CREATE VIEW tiles AS ${body};`);
  db.close();
  return readFileSync(file);
}

const ENDLESS = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n)
  SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, zeroblob(10) AS tile_data FROM n`;
/** Finite but slow: a cross join of three 2,000-row counters (8·10⁹ rows) per query. */
const SLOW = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
  SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, zeroblob(10) AS tile_data
  FROM n a, n b, n c WHERE a.i + b.i + c.i = -1`;

/** A PMTiles file whose root (or its one leaf) directory is a gzip bomb of `bombBytes` zeros. */
function bombPmtiles(where: 'root' | 'leaf', bombBytes: number): Buffer {
  const bomb = gzipSync(Buffer.alloc(bombBytes), { level: 9 });
  const tile = gzipSync(Buffer.from('not really a tile'));
  const leafPointer = encodeDirectory([{ tileId: 0, offset: 0, length: bomb.length, runLength: 0 }]);
  const root = where === 'root' ? bomb : gzipSync(leafPointer);
  const leaves = where === 'leaf' ? bomb : Buffer.alloc(0);
  const meta = gzipSync(Buffer.from('{}'));
  const rootOff = PMTILES_HEADER_BYTES;
  const metaOff = rootOff + root.length;
  const leafOff = metaOff + meta.length;
  const dataOff = leafOff + leaves.length;
  const header = encodeHeader({
    version: 3,
    rootDirectoryOffset: rootOff,
    rootDirectoryLength: root.length,
    jsonMetadataOffset: metaOff,
    jsonMetadataLength: meta.length,
    leafDirectoryOffset: leafOff,
    leafDirectoryLength: leaves.length,
    tileDataOffset: dataOff,
    tileDataLength: tile.length,
    numAddressedTiles: 1,
    numTileEntries: 1,
    numTileContents: 1,
    clustered: true,
    internalCompression: COMPRESSION.gzip,
    tileCompression: COMPRESSION.gzip,
    tileType: TILE_TYPE.mvt,
    minZoom: 0,
    maxZoom: 14,
    bounds: [116.4, 39.8, 116.5, 39.9],
    center: [116.45, 39.85],
    centerZoom: 12,
  });
  return Buffer.concat([header, root, meta, leaves, tile]);
}

async function upload(bytes: Buffer, fileName: string) {
  const begin = await htc.core.call('map.uploadBegin', { fileName, size: bytes.length }, admin);
  for (let off = 0; off < bytes.length; off += 256 * 1024) {
    const part = bytes.subarray(off, off + 256 * 1024).toString('base64');
    await htc.core.call('map.uploadChunk', { uploadId: begin.uploadId, offset: off, data: part }, admin);
  }
  return htc.core.call('map.uploadCommit', { uploadId: begin.uploadId }, admin);
}

/** auth.status answered while `work` runs: the hall keeps working. */
async function answeredMeanwhile<T>(work: Promise<T>): Promise<{ result: T; statusMs: number[] }> {
  const statusMs: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      await htc.core.call('auth.status', {}, viewer);
      statusMs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await probe;
  return { result, statusMs };
}

describe('hostile MBTiles', () => {
  it('an endless WITH RECURSIVE view is refused at once; every call is answered meanwhile', async () => {
    const bytes = viewMbtiles(path.join(tmp.dir, 'endless.mbtiles'), ENDLESS);
    const t0 = performance.now();
    const { result, statusMs } = await answeredMeanwhile(upload(bytes, 'endless.mbtiles'));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message).join()).toMatch(/视图 tiles/);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(statusMs.length).toBeGreaterThan(0);
    expect(Math.max(...statusMs)).toBeLessThan(2_000);
    // Nothing of it stays, and the basemap list does not offer it.
    const config = await htc.core.call('map.config', {}, viewer);
    expect(config.basemaps.map((b) => b.name)).not.toContain('endless');
  });

  it('a slow view copied by hand into the basemaps folder is never served; the host keeps answering', async () => {
    const dir = path.join(tmp.dir, 'basemaps');
    mkdirSync(dir, { recursive: true });
    viewMbtiles(path.join(dir, 'slow.mbtiles'), SLOW);
    const t0 = performance.now();
    const [tile, health] = await Promise.all([
      fetch(new URL('/basemap/slow/0/0/0.png', host.url)),
      fetch(new URL('/api/health', host.url)),
    ]);
    expect(tile.status).toBe(404);
    expect(health.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(10_000);
    // Unauthenticated tile requests again: each answered at once from the cached refusal.
    const t1 = performance.now();
    expect((await fetch(new URL('/basemap/slow/0/0/0.png', host.url))).status).toBe(404);
    expect(performance.now() - t1).toBeLessThan(1_000);
    const config = await htc.core.call('map.config', {}, viewer);
    expect(config.basemaps.map((b) => b.name)).not.toContain('slow');
  });

  it('refuses tables without the tile index, generated columns and triggers', async () => {
    const cases: Array<[string, RegExp]> = [
      [
        `CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
         INSERT INTO tiles VALUES (0, 0, 0, x'00');`,
        /没有 \(zoom_level, tile_column, tile_row\) 索引/,
      ],
      [
        `CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
           tile_data BLOB GENERATED ALWAYS AS (zeroblob(1000000000)) VIRTUAL);
         CREATE UNIQUE INDEX ti ON tiles (zoom_level, tile_column, tile_row);`,
        /计算列/,
      ],
      [
        `CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
         CREATE UNIQUE INDEX ti ON tiles (zoom_level, tile_column, tile_row);
         CREATE TRIGGER t AFTER INSERT ON tiles BEGIN SELECT 1; END;`,
        /触发器/,
      ],
    ];
    for (const [sql, reason] of cases) {
      const file = path.join(tmp.dir, `case-${Math.random().toString(36).slice(2)}.mbtiles`);
      const db = new Database(file);
      db.exec(
        `CREATE TABLE metadata (name TEXT, value TEXT); INSERT INTO metadata VALUES ('format', 'png'); ${sql}`,
      );
      db.close();
      const check = await checkBasemapIsolated(file);
      expect(check.ok).toBe(false);
      expect(check.ok ? '' : check.errors.join()).toMatch(reason);
    }
  });
});

describe('hostile PMTiles', () => {
  it('a gzip-bomb root directory is refused in well under a second', async () => {
    const bytes = bombPmtiles('root', 64 * 1024 * 1024);
    const t0 = performance.now();
    const r = await upload(bytes, 'bomb-root.pmtiles');
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message).join()).toMatch(/根目录无法解析.*上限/);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('a gzip-bomb leaf directory is refused at import, and a hand-placed one is never served', async () => {
    const bytes = bombPmtiles('leaf', 64 * 1024 * 1024);
    const { result, statusMs } = await answeredMeanwhile(upload(bytes, 'bomb-leaf.pmtiles'));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message).join()).toMatch(/叶目录无法解析.*上限/);
    expect(Math.max(0, ...statusMs)).toBeLessThan(2_000);

    const placed = path.join(tmp.dir, 'basemaps', 'bombleaf.pmtiles');
    mkdirSync(path.dirname(placed), { recursive: true });
    writeFileSync(placed, bytes);
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const res = await fetch(new URL('/basemap/bombleaf/0/0/0.pbf', host.url));
    expect(res.status).toBe(404);
    expect(performance.now() - t0).toBeLessThan(5_000);
    // Nothing near the 64 MB the bomb inflates to was allocated in this process.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(48 * 1024 * 1024);
  });

  it('a sound file copied in by hand is checked and then served', async () => {
    copyFileSync(BUILTIN_BASEMAP_PATH, path.join(tmp.dir, 'basemaps', 'copy.pmtiles'));
    const config = await htc.core.call('map.config', {}, viewer);
    expect(config.basemaps.map((b) => b.name)).toContain('copy');
    const res = await fetch(new URL('/basemap/copy.pmtiles', host.url), { headers: { Range: 'bytes=0-6' } });
    expect(res.status).toBe(206);
  });
});
