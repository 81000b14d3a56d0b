/**
 * The offline basemap end to end below the browser: the committed file is what the build script
 * makes; the HTTP host serves its tiles (gzip, 204 for none, 404 for unknown names, no traversal)
 * and byte ranges of the PMTiles file; an MBTiles import goes through the chunked upload (resume,
 * validation reports) and is then served with the TMS row flip.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBasemap, BUILTIN_BASEMAP_PATH, sha256 } from '../../../scripts/build-basemap';
import { openPmtiles } from '../../../electron/core/adapters/basemap/pmtiles-source';
import { encodeHeader, decodeHeader } from '../../../electron/core/adapters/basemap/pmtiles';
import { startHttpHost, type HttpHost } from '../../../electron/core/adapters/host/http-host';
import { BASEMAP_CHUNK_BYTES } from '../../../shared/features/map/contract';
import { makeHostTestCore, type HostTestCore } from '../host/host-test-core';
import { tempDir } from '../store/fixtures';

const admin = { role: 'admin', actor: 'root' } as const;
const BUILTIN_DIR = path.dirname(BUILTIN_BASEMAP_PATH);

/** A tile of the street at zoom z (the centre of the built-in basemap). */
function centreTile(z: number): [number, number] {
  const [lng, lat] = [116.4658, 39.8928];
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lng + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

let tmp: { dir: string; cleanup: () => void };
let htc: HostTestCore;
let host: HttpHost;

beforeAll(async () => {
  tmp = tempDir('hall-basemap-');
  htc = await makeHostTestCore(tmp.dir);
  host = await startHttpHost({
    core: htc.core,
    port: 0,
    staticDir: null,
    loopbackRole: 'viewer',
    log: () => undefined,
    basemaps: { builtinDir: BUILTIN_DIR, importedDir: path.join(tmp.dir, 'basemaps') },
  });
});

afterAll(async () => {
  await host?.close();
  await htc?.close();
  tmp?.cleanup();
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(new URL(p, host.url), { headers });

describe('built-in basemap', () => {
  it('the committed file is byte-for-byte what the build script makes', () => {
    const fresh = buildBasemap();
    expect(sha256(fresh)).toBe(sha256(readFileSync(BUILTIN_BASEMAP_PATH)));
    expect(fresh.length).toBeLessThan(400_000);
  });

  it('covers the street from zoom 12 to 17 with roads, buildings, water and green', async () => {
    const src = await openPmtiles(BUILTIN_BASEMAP_PATH);
    try {
      expect(src.info).toMatchObject({ format: 'pbf', minzoom: 12, maxzoom: 17 });
      expect(src.info.vectorLayers).toEqual(
        expect.arrayContaining(['roads', 'buildings', 'water', 'green', 'blocks']),
      );
      for (let z = 12; z <= 17; z++) {
        const [x, y] = centreTile(z);
        expect(await src.tile(z, x, y), `tile ${z}/${x}/${y}`).not.toBeNull();
      }
    } finally {
      src.close();
    }
  });
});

describe('HTTP serving', () => {
  it('serves a tile gzip-encoded as protobuf; none there is 204; unknown names and traversal are 404', async () => {
    const [x, y] = centreTile(15);
    const res = await fetch(new URL(`/basemap/shuangjing/15/${x}/${y}.pbf`, host.url), {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await get('/basemap/shuangjing/15/0/0.pbf')).status).toBe(204);
    expect((await get('/basemap/nope/15/0/0.pbf')).status).toBe(404);
    expect((await get('/basemap/shuangjing/15/1/2.png')).status).toBe(404);
    expect((await get('/basemap/..%2F..%2Fpackage/1/2/3.pbf')).status).toBe(404);
    expect((await get('/basemap/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  it('serves byte ranges of the PMTiles file', async () => {
    const res = await get('/basemap/shuangjing.pmtiles', { Range: 'bytes=0-126' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toMatch(/^bytes 0-126\/\d+$/);
    const head = Buffer.from(await res.arrayBuffer());
    expect(head.length).toBe(127);
    expect(decodeHeader(head).version).toBe(3);
    expect((await get('/basemap/shuangjing.pmtiles', { Range: 'bytes=999999999-' })).status).toBe(416);
  });
});

/** An MBTiles file holding the built-in basemap's zoom-15 tiles (rows in TMS order). */
async function makeMbtiles(
  file: string,
  opts: { format?: string | null; tilesTable?: boolean } = {},
): Promise<Buffer> {
  const src = await openPmtiles(BUILTIN_BASEMAP_PATH);
  const db = new Database(file);
  const [x, y] = centreTile(15);
  const tile = (await src.tile(15, x, y))?.data;
  src.close();
  if (!tile) throw new Error('no centre tile');
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT)');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  meta.run('name', '测试底图');
  if (opts.format !== null) meta.run('format', opts.format ?? 'pbf');
  meta.run('json', JSON.stringify({ vector_layers: [{ id: 'roads' }, { id: 'buildings' }] }));
  if (opts.tilesTable !== false) {
    db.exec('CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
    // The MBTiles spec's index: without it every tile read would scan the table (refused).
    db.exec('CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)');
    db.prepare('INSERT INTO tiles VALUES (15, ?, ?, ?)').run(x, 2 ** 15 - 1 - y, tile);
  }
  db.close();
  return tile;
}

async function upload(bytes: Buffer, fileName: string, chunk = 64 * 1024) {
  const begin = await htc.core.call('map.uploadBegin', { fileName, size: bytes.length }, admin);
  let received = 0;
  while (received < bytes.length) {
    const part = bytes.subarray(received, received + chunk).toString('base64');
    received = (
      await htc.core.call(
        'map.uploadChunk',
        { uploadId: begin.uploadId, offset: received, data: part },
        admin,
      )
    ).received;
  }
  return htc.core.call('map.uploadCommit', { uploadId: begin.uploadId }, admin);
}

describe('basemap import', () => {
  it('imports an MBTiles file in resumable chunks and serves it (TMS rows flipped)', async () => {
    const file = path.join(tmp.dir, 'city.mbtiles');
    const tile = await makeMbtiles(file);
    const bytes = readFileSync(file);
    const begin = await htc.core.call(
      'map.uploadBegin',
      { fileName: 'My City.mbtiles', size: bytes.length },
      admin,
    );
    const first = bytes.subarray(0, 1000).toString('base64');
    const s1 = await htc.core.call(
      'map.uploadChunk',
      { uploadId: begin.uploadId, offset: 0, data: first },
      admin,
    );
    expect(s1.received).toBe(1000);
    // The same chunk again (a retry after a lost answer) writes nothing and says where to go on.
    const again = await htc.core.call(
      'map.uploadChunk',
      { uploadId: begin.uploadId, offset: 0, data: first },
      admin,
    );
    expect(again.received).toBe(1000);
    const rest = bytes.subarray(1000).toString('base64');
    expect(
      (await htc.core.call('map.uploadChunk', { uploadId: begin.uploadId, offset: 1000, data: rest }, admin))
        .received,
    ).toBe(bytes.length);
    const done = await htc.core.call('map.uploadCommit', { uploadId: begin.uploadId }, admin);
    expect(done).toMatchObject({
      ok: true,
      basemap: { name: 'My-City', kind: 'mbtiles', format: 'pbf', builtin: false },
    });
    const config = await htc.core.call('map.config', {}, admin);
    expect(config.basemaps.map((b) => b.name)).toEqual(['shuangjing', 'My-City']);
    const [x, y] = centreTile(15);
    const res = await fetch(new URL(`/basemap/My-City/15/${x}/${y}.pbf`, host.url), {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(res.status).toBe(200);
    // fetch undoes the Content-Encoding: the body is the tile's protobuf.
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await res.arrayBuffer()).equals(gunzipSync(tile))).toBe(true);
    await htc.core.call('map.configure', { activeBasemap: 'My-City' }, admin);
    expect((await htc.core.call('map.config', {}, admin)).settings.activeBasemap).toBe('My-City');
    await htc.core.call('map.deleteBasemap', { name: 'My-City' }, admin);
    expect((await htc.core.call('map.config', {}, admin)).settings.activeBasemap).toBeNull();
  });

  it('refuses bad files with a report of what is wrong, and keeps nothing of them', async () => {
    const text = await upload(Buffer.from('这不是底图'.repeat(20)), 'fake.pmtiles');
    expect(text.ok).toBe(false);
    expect(text.problems[0]?.message).toMatch(/既不是 PMTiles/);

    const noTiles = path.join(tmp.dir, 'notiles.mbtiles');
    await makeMbtiles(noTiles, { tilesTable: false });
    expect((await upload(readFileSync(noTiles), 'notiles.mbtiles')).problems[0]?.message).toMatch(
      /缺少 tiles 表/,
    );

    const noFormat = path.join(tmp.dir, 'noformat.mbtiles');
    await makeMbtiles(noFormat, { format: null });
    expect((await upload(readFileSync(noFormat), 'noformat.mbtiles')).problems[0]?.message).toMatch(
      /缺少 format/,
    );

    const pm = readFileSync(BUILTIN_BASEMAP_PATH);
    const v2 = Buffer.concat([encodeHeader({ ...decodeHeader(pm), version: 2 }), pm.subarray(127)]);
    expect((await upload(v2, 'old.pmtiles')).problems[0]?.message).toMatch(/仅支持 PMTiles 第 3 版/);
    expect((await upload(pm.subarray(0, 2000), 'cut.pmtiles')).problems[0]?.message).toMatch(/超出文件末尾/);

    const config = await htc.core.call('map.config', {}, admin);
    expect(config.basemaps.map((b) => b.name)).toEqual(['shuangjing']);
  });

  it('checks names, sizes and roles before any byte is stored', async () => {
    await expect(htc.core.call('map.uploadBegin', { fileName: 'x.zip', size: 10 }, admin)).rejects.toThrow(
      /pmtiles 或 .mbtiles/,
    );
    await expect(
      htc.core.call('map.uploadBegin', { fileName: 'a.pmtiles', size: 600 * 1024 * 1024 }, admin),
    ).rejects.toThrow(/不能超过/);
    await expect(
      htc.core.call('map.uploadBegin', { fileName: 'shuangjing.pmtiles', size: 10 }, admin),
    ).rejects.toThrow(/内置底图重名/);
    await expect(
      htc.core.call(
        'map.uploadBegin',
        { fileName: 'a.pmtiles', size: 10 },
        { role: 'commander', actor: 'c' },
      ),
    ).rejects.toThrow(/权限/);
    expect(BASEMAP_CHUNK_BYTES).toBeLessThanOrEqual(512 * 1024);
    mkdirSync(path.join(tmp.dir, 'basemaps'), { recursive: true });
    // A file copied in by hand that is not a basemap is ignored, not served.
    writeFileSync(path.join(tmp.dir, 'basemaps', 'junk.mbtiles'), 'junk');
    expect((await htc.core.call('map.config', {}, admin)).basemaps.map((b) => b.name)).toEqual([
      'shuangjing',
    ]);
  });
});

describe('online basemap setting', () => {
  it('validates the URLs and opens the CSP to exactly their origins', async () => {
    await expect(
      htc.core.call('map.configure', { onlineTileUrl: 'https://tiles.example.com/x.png' }, admin),
    ).rejects.toThrow(/\{z\}/);
    await expect(
      htc.core.call('map.configure', { onlineStyleUrl: 'javascript:alert(1)' }, admin),
    ).rejects.toThrow(/http/);
    const csp = async () => (await get('/')).headers.get('content-security-policy') ?? '';
    expect(await csp()).not.toContain('example.com');
    await htc.core.call(
      'map.configure',
      { onlineTileUrl: 'https://tiles.example.com/{z}/{x}/{y}.png' },
      admin,
    );
    await expect.poll(csp).toMatch(/connect-src [^;]*https:\/\/tiles\.example\.com/);
    expect(await csp()).toMatch(/img-src [^;]*https:\/\/tiles\.example\.com/);
    expect(await csp()).not.toMatch(/script-src [^;]*example/);
    await htc.core.call('map.configure', { onlineTileUrl: null }, admin);
    await expect.poll(csp).not.toContain('example.com');
  });
});
