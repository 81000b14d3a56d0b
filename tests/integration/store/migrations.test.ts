import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dbPath, openDb } from '../../../electron/core/store/db';
import {
  migrate,
  MIGRATIONS,
  SCHEMA_VERSION,
  SchemaTooNewError,
  type Migration,
} from '../../../electron/core/store/migrations';
import type { WritableDb } from '../../../electron/core/store/types';
import { appendOrderEvents } from '../../../electron/core/store/event-log/events';
import { listOrders } from '../../../electron/core/features/orders/queries-list';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { History, T0, closedHistory, createdPayload, openTinyStore, tempDir } from './fixtures';

const dirs: Array<() => void> = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));
function dir(): string {
  const t = tempDir();
  dirs.push(t.cleanup);
  return t.dir;
}

describe('store migrations', () => {
  it('creates a fresh database with WAL, foreign keys and the current schema version', () => {
    const d = dir();
    const db = openDb(d);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as Array<{ name: string }>
    ).map((r) => r.name);
    for (const t of [
      'order_event',
      'work_order',
      'outbox',
      'meta',
      'audit_log',
      'rollup',
      'order_search',
      'street',
      'grid',
      'responsibility',
      'sla_policy',
    ]) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('re-opens an existing database without re-running migrations and keeps its data', () => {
    const d = dir();
    const db = openDb(d);
    db.prepare("INSERT INTO meta(key, value) VALUES ('probe', 'kept')").run();
    db.close();
    const again = openDb(d);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(again.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get()).toBe('kept');
    again.close();
  });

  it('refuses a database whose schema is newer than the program', () => {
    const d = dir();
    openDb(d).close();
    const raw = new Database(dbPath(d));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDb(d)).toThrow(SchemaTooNewError);
    expect(() => openDb(d)).toThrow(/数据库版本比程序新/);
  });

  it('runs each migration in one transaction: a failing migration leaves no trace', () => {
    const d = dir();
    const db = openDb(d);
    const broken: Migration[] = [
      ...Array.from({ length: SCHEMA_VERSION }, (_, i) => ({
        version: i + 1,
        name: `m${i + 1}`,
        up: () => undefined,
      })),
      {
        version: SCHEMA_VERSION + 1,
        name: 'half',
        up: (w: WritableDb) => {
          w.exec('CREATE TABLE half_written (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_written'").pluck().get()).toBe(
      0,
    );
    db.close();
  });

  it('refuses migrations listed out of order', () => {
    const d = dir();
    const db = openDb(d);
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => undefined }])).toThrow(/expected 1/);
    db.close();
  });
});

describe('migration 27: the point as columns', () => {
  it('backfills lng/lat from the JSON of existing orders, and the projection keeps them', () => {
    const db = openTinyStore(dirs);
    appendOrderEvents(db, closedHistory('o-placed', T0));
    appendOrderEvents(db, closedHistory('o-unplaced', T0 + 1000, { lng: null, lat: null }));
    // As a store written before migration 27: no columns, the point only in the JSON.
    db.exec(
      'DROP INDEX work_order_community_point; ALTER TABLE work_order DROP COLUMN lng; ALTER TABLE work_order DROP COLUMN lat',
    );
    migrationByVersion(27).up(db);
    const row = (id: string) =>
      db.prepare('SELECT lng, lat FROM work_order WHERE id = ?').get(id) as {
        lng: number | null;
        lat: number | null;
      };
    expect(row('o-placed')).toEqual({ lng: 116.401, lat: 39.901 });
    expect(row('o-unplaced')).toEqual({ lng: null, lat: null });
    // A new event re-projects the order: the columns follow the JSON.
    appendOrderEvents(db, [
      { ...closedHistory('o-new', T0 + 2000, { lng: 116.45, lat: 39.88 })[0] } as OrderEvent,
    ]);
    expect(row('o-new')).toEqual({ lng: 116.45, lat: 39.88 });
  });
});

describe('migration 28: the party indexes on columns', () => {
  it('backfills volunteer_id/assists from the JSON, the projection keeps them, and the indexes answer', () => {
    const db = openTinyStore(dirs);
    const vol = new History('o-vol', T0);
    vol.add('created', createdPayload({ source: 'volunteer' }), 0);
    vol.add('volunteer_assigned', { assignee: { kind: 'member', id: 'p-1' } });
    const helped = new History('o-assist', T0 + 1000);
    helped.add('created', createdPayload(), 0);
    helped.add('member_assist_added', { memberId: 'p-2', name: '李四' });
    appendOrderEvents(db, [...vol.events, ...helped.events, ...closedHistory('o-plain', T0 + 2000)]);
    // As a store written before migration 28: the indexes on the JSON, no columns.
    db.exec(`
      DROP INDEX work_order_volunteer; DROP INDEX work_order_assist;
      ALTER TABLE work_order DROP COLUMN volunteer_id; ALTER TABLE work_order DROP COLUMN assists;
      CREATE INDEX work_order_volunteer ON work_order(json_extract(json, '$.volunteer.id'))
        WHERE json_extract(json, '$.volunteer.id') IS NOT NULL;
      CREATE INDEX work_order_assist ON work_order(received_at)
        WHERE json_extract(json, '$.assistMembers') IS NOT NULL;
    `);
    migrationByVersion(28).up(db);
    const cols = () =>
      db.prepare('SELECT id, volunteer_id AS v, assists AS a FROM work_order ORDER BY id').all() as Array<{
        id: string;
        v: string | null;
        a: number | null;
      }>;
    expect(cols()).toEqual([
      { id: 'o-assist', v: null, a: 1 },
      { id: 'o-plain', v: null, a: null },
      { id: 'o-vol', v: 'p-1', a: null },
    ]);
    // A new event re-projects: the member leaves, the columns follow the JSON.
    helped.add('member_assist_removed', { memberId: 'p-2', name: '李四', reason: '临时有事' });
    appendOrderEvents(db, helped.events.slice(-1));
    expect(cols()[0]).toEqual({ id: 'o-assist', v: null, a: null });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' ');
    expect(plan("SELECT id FROM work_order WHERE volunteer_id = 'p-1'")).toContain('work_order_volunteer');
    expect(plan('SELECT id FROM work_order WHERE assists = 1 ORDER BY received_at DESC')).toContain(
      'work_order_assist',
    );
  });
});

describe('migration 30: one search index', () => {
  it('replaces both FTS tables with order_search and indexes the orders already stored', () => {
    const db = openTinyStore(dirs);
    appendOrderEvents(db, closedHistory('o-noise', T0));
    appendOrderEvents(
      db,
      closedHistory('o-water', T0 + 1000, {
        title: '卫生间漏水',
        description: '楼上渗水到卫生间，已持续三天。',
        address: '富力城D区3号楼',
      }),
    );
    // As a store written before migration 30: the two old tables, indexed, and no order_search.
    db.exec(`
      DROP TABLE order_search;
      CREATE VIRTUAL TABLE order_fts USING fts5(
        title, description, address, tokenize = 'trigram', content = '', contentless_delete = 1, detail = 'full'
      );
      CREATE VIRTUAL TABLE order_fts_short USING fts5(
        grams, tokenize = 'ascii', content = '', contentless_delete = 1, prefix = '1', detail = 'none'
      );
    `);
    migrationByVersion(30).up(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain('order_search');
    expect(tables).not.toContain('order_fts');
    expect(tables).not.toContain('order_fts_short');
    const ids = (q: string) =>
      listOrders(db, { q, limit: 10, now: T0 + 2000 })
        .rows.map((r) => r.id)
        .sort();
    // A 1-character, a 2-character, a longer run, one from the description, one from the address.
    expect(ids('噪')).toEqual(['o-noise']);
    expect(ids('漏水')).toEqual(['o-water']);
    expect(ids('楼上渗水')).toEqual(['o-water']);
    expect(ids('富力城d区3号楼')).toEqual(['o-water']);
    expect(ids('楼')).toEqual(['o-noise', 'o-water']);
    // Characters of a text that are not next to each other there are no match.
    expect(ids('卫生漏')).toEqual([]);
  });
});

function migrationByVersion(v: number): Migration {
  const m = MIGRATIONS.find((x) => x.version === v);
  if (!m) throw new Error(`no migration ${v}`);
  return m;
}
