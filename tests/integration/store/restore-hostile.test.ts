/**
 * Issue 11, item 1: a restored backup may carry foreign SQL or rows the program cannot read. Real
 * backups of a real core are edited the way an attacker would, and each must be refused with a
 * reason, leaving the data folder exactly as it was. A clean backup of the same store restores.
 */
import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext } from '../../../electron/core/runtime/core';
import { restoreFrom, RestoreError } from '../../../electron/core/store/backup';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { SCHEMA_VERSION } from '../../../electron/core/store/migrations';
import { writeReference } from '../../../electron/core/store/reference';
import { createdPayload, T0, TINY_REF, tempDir } from './fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const local: CallContext = { role: null, actor: 'anonymous', local: true };
const ADMIN = { username: 'root', displayName: '管理员', password: 'root-password-2026' };
const VIEWER = {
  username: 'wall',
  displayName: '大屏',
  password: 'wall-password-2026',
  role: 'viewer',
} as const;

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A store with accounts and orders, and a backup of it; the live folder is closed. */
async function storeAndBackup(): Promise<{ live: string; backup: string }> {
  const live = dir();
  const db = openDb(live);
  writeReference(db, TINY_REF);
  db.close();
  let clock = T0;
  const core = await createInProcessCore({ dataDir: live, host: 'test', now: () => (clock += 1000) });
  const setup = await core.call('auth.setup', ADMIN, local);
  const admin = { role: null, actor: 'anonymous', session: setup.token ?? null } as const;
  await core.call('accounts.create', VIEWER, admin);
  for (let i = 0; i < 5; i++)
    await core.call('orders.create', { order: createdPayload({ title: `楼道堆物 ${i}` }) }, admin);
  const b = await core.call('system.backup', {}, admin);
  await core.close();
  return { live, backup: b.file };
}

/** A fresh folder holding a store of its own, to restore into; returns its bytes for comparison. */
async function target(): Promise<{ dir: string; before: Buffer }> {
  const d = dir();
  const core = await createInProcessCore({ dataDir: d, host: 'test', now: () => T0 });
  await core.call('auth.setup', { ...ADMIN, username: 'other' }, local);
  await core.close();
  return { dir: d, before: readFileSync(dbPath(d)) };
}

function edit(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

function refused(d: string, file: string): string {
  try {
    restoreFrom(d, file);
  } catch (err) {
    expect(err).toBeInstanceOf(RestoreError);
    return (err as Error).message;
  }
  throw new Error('the restore was not refused');
}

function unchanged(d: string, before: Buffer): void {
  expect(readFileSync(dbPath(d)).equals(before)).toBe(true);
  expect(readdirSync(d).filter((f) => f.startsWith('hall.db.'))).toEqual([]);
}

describe('a restore accepts only what this program creates', () => {
  it('refuses a trigger that makes a login an admin and one that swallows audit rows', async () => {
    const { backup } = await storeAndBackup();
    edit(backup, (db) =>
      db.exec(`
        CREATE TRIGGER promote AFTER INSERT ON session BEGIN
          UPDATE account SET role = 'admin' WHERE username = NEW.username;
        END;
        CREATE TRIGGER quiet BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END;
      `),
    );
    const t = await target();
    const why = refused(t.dir, backup);
    expect(why).toMatch(/本程序不会创建的触发器 (promote|quiet)/);
    unchanged(t.dir, t.before);
  });

  it('refuses a view, an extra index and a changed table definition', async () => {
    const cases: Array<[string, RegExp]> = [
      ['CREATE VIEW leak AS SELECT username, hash FROM account', /本程序不会创建的视图 leak/],
      ['CREATE INDEX sneaky ON account(role)', /本程序不会创建的索引 sneaky/],
      ['ALTER TABLE account ADD COLUMN backdoor TEXT', /表 account的定义与本程序第 \d+ 版不同/],
    ];
    for (const [sql, reason] of cases) {
      const { backup } = await storeAndBackup();
      edit(backup, (db) => db.exec(sql));
      const t = await target();
      expect(refused(t.dir, backup)).toMatch(reason);
      unchanged(t.dir, t.before);
    }
  });

  it('refuses a file whose user_version does not match its schema (the app would not start)', async () => {
    const { backup } = await storeAndBackup();
    edit(backup, (db) => db.pragma('user_version = 1'));
    const t = await target();
    expect(refused(t.dir, backup)).toMatch(/定义与本程序第 1 版不同|本程序不会创建的/);
    unchanged(t.dir, t.before);
    const { backup: newer } = await storeAndBackup();
    edit(newer, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(refused(t.dir, newer)).toMatch(/数据库版本 \d+ 不受支持/);
    unchanged(t.dir, t.before);
  });

  it('refuses malformed JSON in order_event and work_order (orders.get and map.orders would answer 500)', async () => {
    const { backup } = await storeAndBackup();
    edit(backup, (db) => db.prepare("UPDATE order_event SET payload = '{not json' WHERE seq = 3").run());
    const t = await target();
    expect(refused(t.dir, backup)).toMatch(/工单事件 #3：不是合法的 JSON/);
    unchanged(t.dir, t.before);

    // work_order.json: since migration 19 an index reads json_extract(json, '$.volunteer.id'), so
    // SQLite itself refuses malformed JSON there; a row of valid JSON in the wrong shape (what
    // orders.get and map.orders would still choke on) is refused by the restore.
    const { backup: b2 } = await storeAndBackup();
    edit(b2, (db) =>
      db.prepare("UPDATE work_order SET json = '[]' WHERE rowid = (SELECT max(rowid) FROM work_order)").run(),
    );
    expect(refused(t.dir, b2)).toMatch(/工单 \S+：/);
    unchanged(t.dir, t.before);

    // Valid JSON of the wrong shape is refused too: an event whose payload breaks the schema.
    const { backup: b3 } = await storeAndBackup();
    edit(b3, (db) =>
      db
        .prepare(
          `UPDATE order_event SET payload = json_set(payload, '$.urgency', 'P9') WHERE type = 'created'`,
        )
        .run(),
    );
    expect(refused(t.dir, b3)).toMatch(/工单事件 #\d+/);
    unchanged(t.dir, t.before);
  });

  it('refuses a backup whose audit chain was edited', async () => {
    const { backup } = await storeAndBackup();
    edit(backup, (db) => db.prepare("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2").run());
    const t = await target();
    expect(refused(t.dir, backup)).toMatch(/审计日志链已断开/);
    unchanged(t.dir, t.before);
  });

  it('restores the same backup untouched, and the restored store works', async () => {
    const { backup } = await storeAndBackup();
    const t = await target();
    const r = restoreFrom(t.dir, backup);
    expect(r).toMatchObject({ schemaVersion: SCHEMA_VERSION, orders: 5 });
    const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => T0 + 10_000 });
    cleanups.push(() => core.close());
    const login = await core.call('auth.login', { username: 'wall', password: VIEWER.password }, local);
    expect(login.user.role).toBe('viewer');
    const page = await core.call('orders.list', {}, { role: 'viewer', actor: 'wall' });
    expect(page.total).toBe(5);
  });
});
