/**
 * Issue 11, item 2: with a hostile basemap uploaded, SIGTERM did not stop `npm run serve` (the
 * writer was stuck in the file's endless query). The real serve-cli process, a real upload over
 * HTTP, a tile request for a hand-placed hostile file, then SIGTERM: the process is gone quickly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/fixtures';

const root = path.resolve(__dirname, '../../..');
const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const c of cleanups.splice(0)) c();
});

function endlessMbtiles(file: string): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
           INSERT INTO metadata VALUES ('format', 'png');
           CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n)
             SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, zeroblob(10) AS tile_data FROM n;`);
  db.close();
}

async function startServe(
  dataDir: string,
  rendererDir: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/core/adapters/host/serve-cli.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-demo',
      '--loopback-role',
      'admin',
    ],
    { cwd: root, env: { ...process.env, HALL_RENDERER_DIR: rendererDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 60_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited (${code}):\n${log}`)));
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return { child, url };
}

async function post(url: string, proc: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${url}api/${proc}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { data?: unknown }).data;
}

describe('serve-cli and SIGTERM', () => {
  it('stops within seconds after a hostile upload and a hostile tile request', async () => {
    const t = tempDir('hall-sigterm-');
    cleanups.push(t.cleanup);
    const renderer = path.join(t.dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const dataDir = path.join(t.dir, 'data');
    mkdirSync(path.join(dataDir, 'basemaps'), { recursive: true });
    endlessMbtiles(path.join(dataDir, 'basemaps', 'placed.mbtiles'));
    const { child, url } = await startServe(dataDir, renderer);

    const file = path.join(t.dir, 'endless.mbtiles');
    endlessMbtiles(file);
    const bytes = (await import('node:fs')).readFileSync(file);
    const begin = (await post(url, 'map.uploadBegin', {
      fileName: 'endless.mbtiles',
      size: bytes.length,
    })) as {
      uploadId: string;
    };
    await post(url, 'map.uploadChunk', {
      uploadId: begin.uploadId,
      offset: 0,
      data: bytes.toString('base64'),
    });
    const report = (await post(url, 'map.uploadCommit', { uploadId: begin.uploadId })) as { ok: boolean };
    expect(report.ok).toBe(false);
    expect((await fetch(`${url}basemap/placed/0/0/0.png`)).status).toBe(404);
    expect((await fetch(`${url}api/health`)).status).toBe(200);

    const t0 = Date.now();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(code).toBe(0);
  });
});
