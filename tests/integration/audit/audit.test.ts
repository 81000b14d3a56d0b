/**
 * Issue 11, item 7 on the real core (worker threads and the read pool): the gaps of the issue are
 * audited (map upload/delete/configure, open311.pullNow, sync.retryNow, who opened which order's
 * personal data — from a reader, written by the writer), the admin's audit.list filters, and the
 * hash chain: audit.verify holds on a sound log; an edited row is found by the start-up check,
 * shown to admins (audit.status), and by `npm run audit:verify` (exit code 2).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_BASEMAP_PATH } from '../../../scripts/build-basemap';
import { summarizeInput } from '../../../electron/core/features/audit';
import { createCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import type { AuditRowView } from '../../../shared/contract/index';
import { createdPayload, TINY_REF, tempDir } from '../store/fixtures';

const root = path.resolve(__dirname, '../../..');
const admin: CallContext = { role: 'admin', actor: 'root' };
const officer: CallContext = { role: 'officer', actor: 'duty-1' };
const viewer: CallContext = { role: 'viewer', actor: 'wall' };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open(dir?: string): Promise<{ core: Core; dir: string }> {
  let d = dir;
  if (!d) {
    const t = tempDir('hall-audit-');
    cleanups.push(t.cleanup);
    d = t.dir;
    const db = openDb(d);
    writeReference(db, TINY_REF);
    db.close();
  }
  const core = await createCore({ dataDir: d, host: 'test', demo: false });
  cleanups.push(() => core.close());
  return { core, dir: d };
}

async function rows(core: Core, filter: Record<string, unknown> = {}): Promise<readonly AuditRowView[]> {
  return (await core.call('audit.list', { limit: 500, ...filter }, admin)).rows;
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('what the issue found unaudited is audited', () => {
  it('map upload, configure and delete; open311.pullNow; sync.retryNow — each with its actor', async () => {
    const { core } = await open();
    const bytes = readFileSync(BUILTIN_BASEMAP_PATH);
    const begin = await core.call(
      'map.uploadBegin',
      { fileName: 'street.pmtiles', size: bytes.length },
      admin,
    );
    for (let off = 0; off < bytes.length; off += 256 * 1024)
      await core.call(
        'map.uploadChunk',
        {
          uploadId: begin.uploadId,
          offset: off,
          data: bytes.subarray(off, off + 256 * 1024).toString('base64'),
        },
        admin,
      );
    const committed = await core.call('map.uploadCommit', { uploadId: begin.uploadId }, admin);
    expect(committed.ok).toBe(true);
    await core.call('map.configure', { activeBasemap: 'street' }, admin);
    await core.call('map.deleteBasemap', { name: 'street' }, admin);
    await core.call('open311.pullNow', {}, admin);
    await core.call('sync.retryNow', {}, officer);

    const log = await rows(core);
    const byAction = (a: string) => log.filter((r) => r.action === a);
    expect(byAction('map.uploadBegin')[0]).toMatchObject({ actor: 'root' });
    expect(JSON.parse(byAction('map.uploadBegin')[0]!.detail!)).toMatchObject({ fileName: 'street.pmtiles' });
    expect(JSON.parse(byAction('map.uploadCommit')[0]!.detail!)).toMatchObject({ name: 'street', ok: true });
    expect(byAction('map.uploadChunk')).toEqual([]);
    expect(JSON.parse(byAction('map.configure')[0]!.detail!)).toEqual({ activeBasemap: 'street' });
    expect(JSON.parse(byAction('map.deleteBasemap')[0]!.detail!)).toEqual({ name: 'street' });
    expect(byAction('open311.pullNow')[0]).toMatchObject({ actor: 'root' });
    expect(byAction('sync.retryNow')[0]).toMatchObject({ actor: 'duty-1' });
  });

  it("who opened which order's personal data: once per person and order per 10 minutes, never for a viewer", async () => {
    const { core } = await open();
    const o = await core.call('orders.create', { order: createdPayload() }, officer);
    const orderId = o.order.id;
    for (let i = 0; i < 3; i++) await core.call('orders.get', { orderId }, officer);
    await core.call('orders.get', { orderId }, admin);
    await core.call('orders.get', { orderId }, viewer);
    await core.call('orders.get', { orderId }, { ...officer, masked: true });
    // Read on the read pool, written by the writer: wait for the two rows to arrive.
    const reads = await eventually(
      () => rows(core, { action: 'orders.viewPersonal' }),
      (r) => r.length >= 2,
    );
    await new Promise((r) => setTimeout(r, 200));
    const again = await rows(core, { action: 'orders.viewPersonal' });
    expect(again.map((r) => [r.actor, r.orderId]).sort()).toEqual(
      [
        ['duty-1', orderId],
        ['root', orderId],
      ].sort(),
    );
    expect(reads.length).toBe(2);
    // The filters: by order, by actor, by a prefix of the action, by time.
    expect((await rows(core, { orderId })).map((r) => r.action)).toEqual(
      expect.arrayContaining(['orders.viewPersonal', 'orders.create']),
    );
    expect((await rows(core, { actor: 'root' })).every((r) => r.actor === 'root')).toBe(true);
    expect((await rows(core, { action: 'orders.' })).every((r) => r.action.startsWith('orders.'))).toBe(true);
    expect(await rows(core, { from: Date.now() + 86_400_000 })).toEqual([]);
    const page = await core.call('audit.list', { limit: 1 }, admin);
    expect(page.rows).toHaveLength(1);
    expect(page.nextBeforeSeq).toBe(page.rows[0]!.seq);
    expect(page.actions).toEqual(expect.arrayContaining(['orders.create', 'orders.viewPersonal']));
    await expect(core.call('audit.list', {}, officer)).rejects.toMatchObject({ reason: 'role_required' });
  });

  it('never writes a password, token or key into the log; long texts become their length and hash', () => {
    const s = summarizeInput({
      username: 'x',
      password: 'secret-1',
      token: 'tok',
      apiKey: 'k',
      nested: { hubToken: 't' },
      geojson: 'x'.repeat(1000),
    });
    expect(s).not.toMatch(/secret-1|"tok"|"k"|"t"/);
    expect(JSON.parse(s)).toMatchObject({ password: '[已隐去]', nested: { hubToken: '[已隐去]' } });
    expect(JSON.parse(s).geojson).toMatch(/^\[1000 字符 sha256:[0-9a-f]{12}\]$/);
  });
});

describe('the hash chain', () => {
  it('holds on a sound log; an edited row is found at start-up, shown to admins and by the verify command', async () => {
    const first = await open();
    await first.core.call('orders.create', { order: createdPayload() }, officer);
    await first.core.call('open311.pullNow', {}, admin);
    await first.core.call('sync.retryNow', {}, admin);
    const verified = await first.core.call('audit.verify', {}, admin);
    expect(verified).toMatchObject({ ok: true, brokenAt: null });
    expect(verified.rows).toBeGreaterThanOrEqual(3);
    const cli = (dir: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/core/features/audit/verify-cli.ts', '--data-dir', dir],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
    const okRun = cli(first.dir);
    expect(okRun.status).toBe(0);
    // The verify call itself was audited after the check: the head is one row further.
    expect(okRun.stdout).toContain(`Audit chain OK: ${verified.rows + 1} rows`);
    await first.core.close();

    // Someone with the file edits the second row (hides who did it).
    const db = new Database(dbPath(first.dir));
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2").run();
    db.close();

    const again = await open(first.dir);
    const status = await eventually(
      () => again.core.call('audit.status', {}, admin),
      (s) => s.check !== null,
    );
    expect(status.check).toMatchObject({ ok: false, brokenAt: 2 });
    const bad = cli(first.dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/审计日志链已断开.*#2/);
  });
});
