/**
 * Electron's app:// handler serves the offline basemap like the HTTP host: tiles (unzipped: a
 * custom protocol's body is not content-decoded), 204 for none, 404 for unknown names, and byte
 * ranges of files. The 'electron' module is stubbed; the handler itself is the real one.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BUILTIN_BASEMAP_PATH } from '../../../scripts/build-basemap';

vi.mock('electron', () => ({ BrowserWindow: class {}, protocol: {}, session: {} }));

const { createAppProtocolHandler, parseRange } = await import('../../../electron/window');

const tmp = mkdtempSync(path.join(tmpdir(), 'hall-app-basemap-'));
mkdirSync(path.join(tmp, 'renderer'));
writeFileSync(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const h = createAppProtocolHandler(path.join(tmp, 'renderer'), {
  builtinDir: path.dirname(BUILTIN_BASEMAP_PATH),
  importedDir: null,
});

describe('app:// basemap routes', () => {
  it('serves a vector tile unzipped, 204 where there is none, 404 for unknown names', async () => {
    // Zoom 15 tile at the street's centre (116.4658, 39.8928).
    const r = await h(new Request('app://hall/basemap/shuangjing/15/26983/12419.pbf'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-protobuf');
    expect(r.headers.get('content-encoding')).toBeNull();
    const body = new Uint8Array(await r.arrayBuffer());
    expect(body[0]).not.toBe(0x1f); // not gzip
    expect(body.length).toBeGreaterThan(100);
    expect((await h(new Request('app://hall/basemap/shuangjing/15/0/0.pbf'))).status).toBe(204);
    expect((await h(new Request('app://hall/basemap/other/15/0/0.pbf'))).status).toBe(404);
    expect((await h(new Request('app://hall/basemap/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('serves byte ranges of PMTiles files and of the renderer', async () => {
    const r = await h(
      new Request('app://hall/basemap/shuangjing.pmtiles', { headers: { Range: 'bytes=0-6' } }),
    );
    expect(r.status).toBe(206);
    expect(await r.text()).toBe('PMTiles');
    expect(r.headers.get('content-range')).toMatch(/^bytes 0-6\/\d+$/);
    const tail = await h(new Request('app://hall/index.html', { headers: { Range: 'bytes=-8' } }));
    expect(tail.status).toBe(206);
    expect(await tail.text()).toBe('</title>');
    const bad = await h(new Request('app://hall/index.html', { headers: { Range: 'bytes=9999-' } }));
    expect(bad.status).toBe(416);
  });

  it('parses single ranges', () => {
    expect(parseRange(null, 10)).toBeNull();
    expect(parseRange('bytes=2-4', 10)).toEqual([2, 4]);
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9]);
    expect(parseRange('bytes=5-', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=12-', 10)).toBe('bad');
    expect(parseRange('items=1-2', 10)).toBeNull();
  });
});
