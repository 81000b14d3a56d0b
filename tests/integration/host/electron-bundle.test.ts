/**
 * The bundled Electron main process (dist-electron/main.cjs) run in plain Node with a stand-in
 * 'electron' module (the binary is not installed here): it must open the real core through the
 * bundled worker (dist-electron/core-worker.cjs), answer IPC calls from the app's frame only,
 * push change hints, and serve app:// with the CSP.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../shared/contract';
import { NEW_ORDER } from './host-test-core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { generateReference } from '../../../electron/core/features/demo/generator/reference';

const root = path.resolve(__dirname, '..', '..', '..');
let child: ChildProcess;
let userData: string;
const messages: Array<Record<string, unknown>> = [];
let nextId = 1;
let stderr = '';

function request(msg: Record<string, unknown>): Promise<Record<string, unknown>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(msg)}`)), 30_000);
    const onMsg = (m: Record<string, unknown>) => {
      if (m.type === 'result' && m.id === id) {
        clearTimeout(timer);
        child.off('message', onMsg);
        resolve(m.result as Record<string, unknown>);
      }
    };
    child.on('message', onMsg);
    child.send({ ...msg, id });
  });
}

const call = (proc: unknown, input: unknown, frameUrl = 'app://hall/index.html') =>
  request({ type: 'call', proc, input, frameUrl }) as Promise<CallResult>;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], {
    cwd: root,
    stdio: 'pipe',
  });
  userData = mkdtempSync(path.join(tmpdir(), 'hall-electron-'));
  child = fork(path.join(root, 'dist-electron/main.cjs'), [], {
    cwd: root,
    execArgv: ['--require', path.join(__dirname, 'fixtures/fake-electron.cjs')],
    env: { ...process.env, FAKE_USER_DATA: userData, HALL_DEMO: '0' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.on('message', (m: Record<string, unknown>) => messages.push(m));
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  // The store is open once a call succeeds; then the window creates the first (admin) account.
  for (let i = 0; i < 100; i++) {
    const r = await call('auth.status', {});
    if (r.ok) {
      const setup = await call('auth.setup', {
        username: 'admin',
        displayName: '管理员',
        password: 'correct horse',
      });
      if (!setup.ok) throw new Error(`setup failed: ${JSON.stringify(setup)}`);
      // The session token stays in the main process.
      expect(JSON.stringify(setup)).not.toContain('token');
      return;
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`core did not open:\n${stderr}`);
});

afterAll(() => {
  child?.kill();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

describe('bundled Electron main', () => {
  it('opens a sandboxed, isolated window on app://hall', () => {
    const win = messages.find((m) => m.type === 'window') as {
      options: { webPreferences: Record<string, unknown> };
    };
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String(win.options.webPreferences.preload)).toMatch(/dist-electron[\\/]preload\.cjs$/);
    expect(messages).toContainEqual({ type: 'load', url: 'app://hall/index.html' });
    expect(messages.find((m) => m.type === 'schemes')).toMatchObject({ schemes: [{ scheme: 'app' }] });
  });

  it('answers IPC calls through the real core in its worker, in the user-data folder', async () => {
    const info = await call('system.info', {});
    expect(info).toMatchObject({ ok: true, data: { host: 'electron', role: 'admin' } });
    expect(existsSync(path.join(userData, 'data'))).toBe(true);
    const created = await call('orders.create', { order: NEW_ORDER });
    expect(created.ok).toBe(true);
    const bad = await call('orders.get', { orderId: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'orderId' } });
  });

  it('pushes batched change hints on hall:change', async () => {
    const before = messages.length;
    const created = await call('orders.create', { order: { ...NEW_ORDER, title: '推送测试' } });
    const id = created.ok ? (created.data as { order: { id: string } }).order.id : '';
    const end = Date.now() + 3000;
    const hasHint = () =>
      messages
        .slice(before)
        .some(
          (m) => m.type === 'push' && m.channel === 'hall:change' && JSON.stringify(m.payload).includes(id),
        );
    while (!hasHint() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(hasHint()).toBe(true);
  });

  it('refuses calls from foreign frames and unknown procedures', async () => {
    expect(await call('system.info', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('orders.nuke', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(null, {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves basemap tiles over app:// unzipped by the bundled basemap worker, not the main thread', async () => {
    expect(existsSync(path.join(root, 'dist-electron/basemap-worker.cjs'))).toBe(true);
    // The centre of the built-in street at zoom 15 (see tests/integration/map/basemap.test.ts).
    const tile = await request({ type: 'fetch', url: 'app://hall/basemap/shuangjing/15/26984/12418.pbf' });
    expect(tile.status).toBe(200);
    expect(tile.encoding).toBeNull();
    expect(tile.head).not.toMatch(/^1f8b/);
    // A file name nobody has is 404, not a crash.
    expect((await request({ type: 'fetch', url: 'app://hall/basemap/nope/15/0/0.pbf' })).status).toBe(404);
  });

  it('checks and imports a 台账 through the bundled scan worker', async () => {
    expect(existsSync(path.join(root, 'dist-electron/ledger-scan-worker.cjs'))).toBe(true);
    // The store opened empty (HALL_DEMO=0): give it a street's reference data, as an admin would.
    const ref = generateReference(1);
    const db = openDb(path.join(userData, 'data'));
    writeReference(db, ref);
    db.close();
    const leaf = ref.categories.find((c) => c.level === 3)?.code ?? '';
    const csv = Buffer.from(
      `工单编号,受理时间,诉求内容,诉求分类\nB-1,2019/2/28 11:25:05,楼道灯不亮,${leaf}\nB-2,2019/13/45,时间写错,${leaf}\n`,
    );
    const begin = await call('import.uploadBegin', { fileName: '台账.csv', size: csv.length });
    const uploadId = begin.ok ? (begin.data as { uploadId: string }).uploadId : '';
    expect(
      await call('import.uploadChunk', { uploadId, offset: 0, data: csv.toString('base64') }),
    ).toMatchObject({ ok: true });
    const preview = await call('import.preview', { uploadId });
    const mapping = preview.ok ? (preview.data as { mapping: unknown }).mapping : null;
    const check = await call('import.check', { uploadId, mapping });
    expect(check).toMatchObject({
      ok: true,
      data: { rows: 2, toAdd: 1, refused: 1, errors: [{ row: 3, column: '受理时间' }] },
    });
    const run = await call('import.run', { uploadId, mapping, jobId: 'job-bundle01', skipBadRows: true });
    expect(run).toMatchObject({ ok: true, data: { added: 1, refused: 1, cancelled: false } });
  });

  it('a development run keeps DevTools; the menu is left alone', () => {
    const win = messages.find((m) => m.type === 'window') as {
      options: { webPreferences: Record<string, unknown> };
    };
    expect(win.options.webPreferences.devTools).toBe(true);
    expect(messages.some((m) => m.type === 'menu')).toBe(false);
  });

  it('serves app:// with the CSP and refuses traversal', async () => {
    const built = existsSync(path.join(root, 'dist/renderer/index.html'));
    const index = await request({ type: 'fetch', url: 'app://hall/index.html' });
    expect(index.status).toBe(built ? 200 : 404);
    expect(String(index.csp)).toContain("default-src 'self'");
    const escape = await request({ type: 'fetch', url: 'app://hall/..%2f..%2fpackage.json' });
    expect(escape.status).toBe(403);
  });
});

describe('bundled Electron main, as the installed app (app.isPackaged)', () => {
  it('turns DevTools off and removes the default menu', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-electron-packaged-'));
    const seen: Array<Record<string, unknown>> = [];
    const packaged = fork(path.join(root, 'dist-electron/main.cjs'), [], {
      cwd: root,
      execArgv: ['--require', path.join(__dirname, 'fixtures/fake-electron.cjs')],
      env: { ...process.env, FAKE_USER_DATA: dir, HALL_DEMO: '0', FAKE_PACKAGED: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    packaged.on('message', (m: Record<string, unknown>) => seen.push(m));
    try {
      const end = Date.now() + 20_000;
      while (
        !(seen.some((m) => m.type === 'window') && seen.some((m) => m.type === 'menu')) &&
        Date.now() < end
      )
        await new Promise((r) => setTimeout(r, 50));
      const win = seen.find((m) => m.type === 'window') as {
        options: { webPreferences: Record<string, unknown> };
      };
      expect(win.options.webPreferences.devTools).toBe(false);
      expect(seen.find((m) => m.type === 'menu')).toEqual({ type: 'menu', menu: null });
    } finally {
      packaged.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
