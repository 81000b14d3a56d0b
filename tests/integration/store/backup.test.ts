/**
 * Online backup and restore on a real core over real SQLite files: a backup taken while orders
 * keep being written is a consistent copy, restores into a fresh folder, and the core opened
 * there holds the same orders and events row for row. Bad backup files and a folder in use are
 * refused with nothing replaced; rotation keeps the newest N; close takes a backup.
 */
import Database from 'better-sqlite3';
import {
  existsSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
  copyFileSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CoreOptions, type Core } from '../../../electron/core/runtime/core';
import { backupStem } from '../../../electron/core/store/backup-schedule';
import { restoreFrom, RestoreError } from '../../../electron/core/store/backup';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { ApiError } from '../../../shared/contract/index';
import { createdPayload, T0, TINY_REF, tempDir } from './fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const admin = { role: 'admin', actor: 'root' } as const;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

let clock = T0;
async function openCore(d: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
  const core = await createInProcessCore({ dataDir: d, host: 'test', now: () => (clock += 1000), ...extra });
  cleanups.push(() => core.close());
  return core;
}

async function coreWithReference(extra: Partial<CoreOptions> = {}): Promise<{ core: Core; dir: string }> {
  const d = dir();
  const db = openDb(d);
  writeReference(db, TINY_REF);
  db.close();
  clock = T0;
  return { core: await openCore(d, extra), dir: d };
}

async function createOrders(core: Core, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await core.call(
      'orders.create',
      {
        order: createdPayload({
          title: `${tag} 第${i}号 楼道堆物占用消防通道`,
          description: '住户反映'.repeat(20),
        }),
      },
      officer,
    );
  }
}

type Row = Record<string, unknown>;
function rows(file: string): { orders: Row[]; events: Row[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      orders: db.prepare('SELECT rowid AS _rowid, * FROM work_order ORDER BY rowid').all() as Row[],
      events: db.prepare('SELECT * FROM order_event ORDER BY seq').all() as Row[],
    };
  } finally {
    db.close();
  }
}

async function rejectsApi(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected an ApiError');
}

function restoreError(fn: () => unknown): RestoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RestoreError);
    return err as RestoreError;
  }
  throw new Error('expected a RestoreError');
}

describe('online backup while writing, then restore', () => {
  it('copies a consistent store while orders keep arriving; the restored core has the same rows', async () => {
    // One page per step: the copy takes hundreds of event-loop turns, with writes in between.
    const { core, dir: live } = await coreWithReference({ backup: { pagesPerStep: 1, onClose: false } });
    await createOrders(core, 150, '备份前');
    const before = rows(dbPath(live)).orders.length;

    let done = false;
    let writtenDuring = 0;
    const backup = core.call('system.backup', {}, admin).finally(() => {
      done = true;
    });
    const writer = (async () => {
      while (!done) {
        // Yield a macrotask so the backup's steps and these writes interleave.
        await new Promise((r) => setImmediate(r));
        if (done) break;
        await core.call(
          'orders.create',
          { order: createdPayload({ title: `备份中 ${writtenDuring}` }) },
          officer,
        );
        writtenDuring++;
      }
    })();
    const res = await backup;
    await writer;
    expect(writtenDuring).toBeGreaterThan(10);
    expect(res.name).toMatch(/^hall-\d{8}-\d{6}\.db$/);
    expect(res.file).toBe(join(live, 'backups', 'manual', res.name));
    expect(res.bytes).toBe(statSync(res.file).size);
    expect(res.ms).toBeGreaterThanOrEqual(0);

    // The copy is the store as it was when the last step ran: nothing was written after that.
    await core.close();
    const liveRows = rows(dbPath(live));
    expect(liveRows.orders.length).toBe(before + writtenDuring);
    const backupRows = rows(res.file);
    expect(backupRows).toEqual(liveRows);

    // Restore into a fresh folder and open a core there.
    const fresh = dir();
    const r = restoreFrom(fresh, res.file);
    expect(r).toMatchObject({
      previous: null,
      orders: liveRows.orders.length,
      events: liveRows.events.length,
    });
    const restored = await openCore(fresh);
    const page = await restored.call('orders.list', { limit: 500 }, officer);
    expect(page.total).toBe(liveRows.orders.length);
    const one = liveRows.orders[0]!;
    const detail = await restored.call('orders.get', { orderId: String(one.id) }, officer);
    expect(detail.order.title).toBe(one.title);
    await restored.close();
    expect(rows(dbPath(fresh))).toEqual(liveRows);
  });

  it('restoring over an existing store keeps the replaced file as hall.db.before-restore', async () => {
    const { core: a, dir: da } = await coreWithReference({ backup: false });
    await createOrders(a, 3, '甲');
    const backup = await a.call('system.backup', {}, admin);
    await a.close();

    const { core: b, dir: db } = await coreWithReference({ backup: false });
    await createOrders(b, 5, '乙');
    // Refused while the core runs on the folder.
    const busy = restoreError(() => restoreFrom(db, backup.file));
    expect(busy.message).toMatch(/数据目录正在使用中/);
    expect(rows(dbPath(db)).orders).toHaveLength(5);
    await b.close();
    const bRows = rows(dbPath(db));

    const r = restoreFrom(db, backup.file);
    expect(r.previous).toBe(`${dbPath(db)}.before-restore`);
    expect(rows(dbPath(db))).toEqual(rows(dbPath(da)));
    expect(rows(r.previous!)).toEqual(bRows);
    expect(existsSync(`${dbPath(db)}.restoring`)).toBe(false);
  });
});

describe('bad backup files are refused and nothing is replaced', () => {
  async function liveFolder(): Promise<{ dir: string; snapshot: Buffer; good: string }> {
    const { core, dir: d } = await coreWithReference({ backup: false });
    await createOrders(core, 40, '原有');
    const good = await core.call('system.backup', {}, admin);
    await core.close();
    return { dir: d, snapshot: readFileSync(dbPath(d)), good: good.file };
  }

  function unchanged(d: string, snapshot: Buffer): void {
    expect(readFileSync(dbPath(d)).equals(snapshot)).toBe(true);
    const left = readdirSync(d).filter((f) => f.startsWith('hall.db.'));
    expect(left).toEqual([]);
  }

  it('a text file', async () => {
    const { dir: d, snapshot } = await liveFolder();
    const bogus = join(dir(), 'not-a-backup.db');
    writeFileSync(bogus, 'hello, this is not a database\n'.repeat(100));
    expect(restoreError(() => restoreFrom(d, bogus)).message).toMatch(/不是 SQLite 数据库文件/);
    unchanged(d, snapshot);
  });

  it('a truncated backup', async () => {
    const { dir: d, snapshot, good } = await liveFolder();
    const cut = join(dir(), 'cut.db');
    copyFileSync(good, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    expect(restoreError(() => restoreFrom(d, cut)).message).toMatch(/备份文件已损坏|无法打开/);
    unchanged(d, snapshot);
  });

  it('an SQLite file that is not a hall database, and a missing file', async () => {
    const { dir: d, snapshot } = await liveFolder();
    const other = join(dir(), 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t(x)');
    o.pragma('user_version = 1');
    o.close();
    expect(restoreError(() => restoreFrom(d, other)).message).toMatch(/本程序不会创建的表 t/);
    expect(restoreError(() => restoreFrom(d, join(d, 'nope.db'))).message).toMatch(/备份文件不存在/);
    unchanged(d, snapshot);
  });
});

describe('schedule, rotation and listing', () => {
  it('keeps the newest N manual files in their own folder, lists them newest first, and is admin-only', async () => {
    const { core, dir: d } = await coreWithReference({ backup: { keep: 3, manualKeep: 3, onClose: false } });
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      await createOrders(core, 1, `轮换${i}`);
      names.push((await core.call('system.backup', {}, admin)).name);
    }
    const list = await core.call('system.backups', {}, admin);
    expect(list).toMatchObject({ dir: join(d, 'backups'), keep: 3, manualKeep: 3, onClose: false });
    expect(list.intervalMs).toBe(6 * 60 * 60 * 1000);
    expect(list.files.map((f) => f.name)).toEqual(names.slice(2).reverse());
    expect(list.files.every((f) => f.kind === 'manual')).toBe(true);
    expect(readdirSync(join(d, 'backups', 'manual')).sort()).toEqual(names.slice(2).sort());
    expect((await rejectsApi(core.call('system.backup', {}, { role: 'commander', actor: 'c' }))).code).toBe(
      'forbidden',
    );
    expect((await rejectsApi(core.call('system.backups', {}, officer))).code).toBe('forbidden');
  });

  it('seven manual backups in one second do not erase the scheduled history (issue 11, item 6)', async () => {
    const { core: first, dir: d } = await coreWithReference({ backup: { keep: 7, onClose: true } });
    await createOrders(first, 1, '定时甲');
    await first.close();
    const second = await openCore(d, { backup: { keep: 7, onClose: true } });
    await createOrders(second, 1, '定时乙');
    await second.close();
    const scheduled = readdirSync(join(d, 'backups')).filter((f) => f.endsWith('.db'));
    expect(scheduled).toHaveLength(2);

    // The attack of the issue: seven clicks on 立即备份 within one second (the clock stands still).
    const still = clock;
    const core = await createInProcessCore({
      dataDir: d,
      host: 'test',
      now: () => still,
      backup: { keep: 7 },
    });
    cleanups.push(() => core.close());
    const manual = await Promise.all(Array.from({ length: 7 }, () => core.call('system.backup', {}, admin)));
    expect(new Set(manual.map((m) => m.name)).size).toBe(7);
    expect(
      readdirSync(join(d, 'backups'))
        .filter((f) => f.endsWith('.db'))
        .sort(),
    ).toEqual(scheduled.sort());
    const list = await core.call('system.backups', {}, admin);
    expect(
      list.files
        .filter((f) => f.kind === 'schedule')
        .map((f) => f.name)
        .sort(),
    ).toEqual(scheduled.sort());
    expect(list.files.filter((f) => f.kind === 'manual')).toHaveLength(7);
    // Four more: the manual rotation (10) drops the oldest manual copies, never a scheduled one.
    for (let i = 0; i < 4; i++) await core.call('system.backup', {}, admin);
    const after = await core.call('system.backups', {}, admin);
    expect(after.files.filter((f) => f.kind === 'manual')).toHaveLength(10);
    expect(
      after.files
        .filter((f) => f.kind === 'schedule')
        .map((f) => f.name)
        .sort(),
    ).toEqual(scheduled.sort());
  });

  it('two backups in the same second get distinct names', async () => {
    const d = dir();
    const core = await createInProcessCore({ dataDir: d, host: 'test', now: () => T0 });
    cleanups.push(() => core.close());
    const [a, b] = await Promise.all([
      core.call('system.backup', {}, admin),
      core.call('system.backup', {}, admin),
    ]);
    expect(a.name).toBe(`${backupStem(T0)}.db`);
    expect(b.name).toBe(`${backupStem(T0)}-1.db`);
    expect(backupStem(T0)).toBe('hall-20260310-100000');
    expect((await core.call('system.backups', {}, admin)).files.map((f) => f.name)).toEqual([b.name, a.name]);
  });

  it('takes a backup at a clean close, and only when something changed', async () => {
    const { core, dir: d } = await coreWithReference({ backup: {} });
    await createOrders(core, 2, '关闭');
    await core.close();
    const files = readdirSync(join(d, 'backups'));
    expect(files).toHaveLength(1);
    expect(rows(join(d, 'backups', files[0]!)).orders).toHaveLength(2);
    // Reopened and closed without a write: no identical copy.
    const again = await openCore(d, { backup: {} });
    await again.close();
    // (also: reading a backup left no -wal/-shm beside it)
    expect(readdirSync(join(d, 'backups'))).toEqual(files);
  });

  it('runs on its interval', async () => {
    const { core, dir: d } = await coreWithReference({ backup: { intervalMs: 50, onClose: false } });
    await createOrders(core, 1, '定时');
    const deadline = Date.now() + 5000;
    while (!existsSync(join(d, 'backups')) || readdirSync(join(d, 'backups')).length === 0) {
      if (Date.now() > deadline) throw new Error('no scheduled backup');
      await new Promise((r) => setTimeout(r, 20));
    }
    const [file] = (await core.call('system.backups', {}, admin)).files;
    expect(file).toBeDefined();
  });
});
