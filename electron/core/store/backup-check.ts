/**
 * What a restore accepts (issue 11, item 1): exactly what this program's migrations create, and
 * rows the program can read. A backup is a file from outside — it may have been edited — so:
 *
 * 1. Schema, object by object. A reference database is built by running this program's own
 *    migrations 1…v (v = the backup's user_version) in memory, and the backup's sqlite_master
 *    must equal it: same tables, indexes, triggers and views, same SQL (whitespace aside). A
 *    trigger that makes a viewer an admin at login, or one that swallows audit rows, is foreign
 *    SQL and is refused — before a single row of the file is read. user_version must name a
 *    version this program has (an older one is migrated forward by the next start as usual).
 * 2. Rows the program parses: every order event against the shared OrderEventSchema, every
 *    projection decoded and its fields typed, every reference row's JSON and the shape the code
 *    relies on, the JSON settings of the connectors, foreign keys, and the audit hash chain.
 *
 * Each refusal is one Chinese sentence (with English) naming the problem; nothing is changed.
 */
import Database from 'better-sqlite3';
import { z } from 'zod';
import { OrderEventSchema } from '../../../shared/features/orders/order-events';
import { STATUSES, URGENCIES, SOURCES } from '../../../shared/features/orders/order';
import { verifyAuditChainSync } from './audit';
import { decodeOrder, ORDER_ROW_COLS, type OrderRow } from './event-log/order-codec';
import { MIGRATIONS, migrate } from './migrations';
import type { ReadableDb, WritableDb } from './types';

export class BackupCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupCheckError';
  }
}

interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tbl: string;
  readonly sql: string | null;
}

function _norm(sql: string | null): string {
  return sql === null ? '' : sql.replace(/\s+/g, ' ').trim();
}

function _objects(db: Database.Database): Map<string, SchemaObject> {
  const rows = db
    .prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master')
    .all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r]));
}

const referenceCache = new Map<number, Map<string, SchemaObject>>();

/** sqlite_master of a fresh database brought to `version` by this program's migrations. */
export function referenceSchema(version: number): Map<string, SchemaObject> {
  let ref = referenceCache.get(version);
  if (!ref) {
    const db = new Database(':memory:') as WritableDb;
    try {
      migrate(db, MIGRATIONS.slice(0, version));
      ref = _objects(db);
    } finally {
      db.close();
    }
    referenceCache.set(version, ref);
  }
  return ref;
}

const LABEL: Readonly<Record<string, string>> = {
  table: '表',
  index: '索引',
  trigger: '触发器',
  view: '视图',
};

/** Throws when the schema is not exactly the one migrations 1…version create. */
export function checkSchema(db: Database.Database, version: number): void {
  if (!Number.isInteger(version) || version < 1 || version > MIGRATIONS.length) {
    throw new BackupCheckError(
      `备份文件的数据库版本 ${version} 不受支持 (本程序为 1–${MIGRATIONS.length}) ` +
        `The backup's schema version ${version} is not supported (1–${MIGRATIONS.length})`,
    );
  }
  const encoding = String(db.pragma('encoding', { simple: true }));
  if (encoding !== 'UTF-8')
    throw new BackupCheckError(`备份文件的文本编码为 ${encoding}，不是本程序的数据库`);
  const want = referenceSchema(version);
  const have = _objects(db);
  for (const [key, o] of have) {
    const w = want.get(key);
    const what = `${LABEL[o.type] ?? o.type} ${o.name.slice(0, 60)}`;
    if (!w) {
      throw new BackupCheckError(
        `备份中含有本程序不会创建的${what}，拒绝恢复 ` +
          `The backup contains a ${o.type} "${o.name.slice(0, 60)}" this program never creates (foreign SQL)`,
      );
    }
    if (_norm(w.sql) !== _norm(o.sql) || w.tbl !== o.tbl) {
      throw new BackupCheckError(
        `备份中${what}的定义与本程序第 ${version} 版不同，拒绝恢复 ` +
          `The definition of ${o.type} "${o.name.slice(0, 60)}" differs from schema version ${version}`,
      );
    }
  }
  for (const [key, w] of want) {
    if (!have.has(key)) {
      throw new BackupCheckError(
        `备份中缺少${LABEL[w.type] ?? w.type} ${w.name}，不是完整的指挥中心数据库 ` +
          `The backup lacks ${w.type} "${w.name}" (not a whole hall database of version ${version})`,
      );
    }
  }
}

function _fail(where: string, why: string): never {
  throw new BackupCheckError(`备份中的数据无法读取：${where}：${why}，拒绝恢复 (unreadable row: ${where})`);
}

function _json(text: unknown, where: string): unknown {
  if (typeof text !== 'string') _fail(where, '不是文本');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return _fail(where, '不是合法的 JSON');
  }
}

const finite = z.number().finite();
const lngLat = z.tuple([finite, finite]).rest(z.unknown());
const ring = z.array(lngLat).min(4);
const nullableTime = z.number().finite().nullable();

/** The decoded projection's fields the program reads (lists, panels, the map, the SLA clock). */
const WorkOrderShape = z
  .object({
    id: z.string().min(1),
    version: z.number().int().nonnegative(),
    lastHlc: z.string(),
    status: z.enum(STATUSES),
    urgency: z.enum(URGENCIES),
    source: z.enum(SOURCES),
    categoryCode: z.string(),
    title: z.string(),
    description: z.string(),
    address: z.string(),
    lng: finite.nullable(),
    lat: finite.nullable(),
    communityCode: z.string().nullable(),
    gridCode: z.string().nullable(),
    citizen: z.object({ name: z.string(), phone: z.string() }).nullable(),
    unitId: z.string().nullable(),
    coUnitIds: z.array(z.string()),
    receivedAt: z.number().int(),
    dispatchedAt: nullableTime,
    signedAt: nullableTime,
    repliedAt: nullableTime,
    closedAt: nullableTime,
    suspendedAt: nullableTime,
    suspendedMs: finite,
    extensionDays: finite,
  })
  .loose();

/** What the code relies on in each reference table's JSON (key column → field). */
const REFERENCE_SHAPES: Readonly<Record<string, { key: string; field: string; shape: z.ZodType }>> = {
  street: {
    key: 'code',
    field: 'code',
    shape: z.object({ code: z.string(), name: z.string(), boundary: ring }).loose(),
  },
  community: {
    key: 'code',
    field: 'code',
    shape: z.object({ code: z.string(), name: z.string(), boundary: ring, centroid: lngLat }).loose(),
  },
  grid: {
    key: 'code',
    field: 'code',
    shape: z
      .object({
        code: z.string(),
        name: z.string(),
        communityCode: z.string(),
        boundary: ring,
        centroid: lngLat,
      })
      .loose(),
  },
  building: {
    key: 'code',
    field: 'code',
    shape: z.object({ code: z.string(), gridCode: z.string(), footprint: ring }).loose(),
  },
  road: { key: 'id', field: 'id', shape: z.object({ id: z.string(), line: z.array(lngLat) }).loose() },
  unit: {
    key: 'id',
    field: 'id',
    shape: z
      .object({ id: z.string(), name: z.string(), location: lngLat, communityCodes: z.array(z.string()) })
      .loose(),
  },
  person: { key: 'id', field: 'id', shape: z.object({ id: z.string(), name: z.string() }).loose() },
  party_org: { key: 'id', field: 'id', shape: z.object({ id: z.string(), name: z.string() }).loose() },
  site: {
    key: 'id',
    field: 'id',
    shape: z.object({ id: z.string(), name: z.string(), location: lngLat }).loose(),
  },
  category: { key: 'code', field: 'code', shape: z.object({ code: z.string(), name: z.string() }).loose() },
  responsibility: {
    key: 'id',
    field: 'id',
    shape: z.object({ id: z.string(), categoryCode: z.string(), unitId: z.string() }).loose(),
  },
  sla_policy: { key: 'id', field: '', shape: z.object({}).loose() },
};

/** JSON columns of other tables the program parses (table → column). */
const JSON_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['open311_config', 'settings'],
  ['open311_state', 'state'],
  ['hub_feed', 'body'],
];

function _tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function _columnExists(db: Database.Database, table: string, column: string): boolean {
  return (db.pragma(`table_info(${table})`) as Array<{ name: string }>).some((c) => c.name === column);
}

/** Throws at the first row the program could not read. Run after checkSchema. */
export function checkRows(db: Database.Database, version: number): void {
  // Order events: what orders.get, the fold and the sync read.
  const events = db.prepare('SELECT seq, id, order_id, type, payload, actor, node, hlc, at FROM order_event');
  for (const r of events.iterate() as Iterable<Record<string, unknown>>) {
    const where = `工单事件 #${String(r.seq)}`;
    const payload = _json(r.payload, where);
    const parsed = OrderEventSchema.safeParse({
      id: r.id,
      orderId: r.order_id,
      type: r.type,
      payload,
      actor: r.actor,
      node: r.node,
      hlc: r.hlc,
      at: r.at,
    });
    if (!parsed.success) _fail(where, parsed.error.issues[0]?.message ?? '格式不对');
  }
  // Projections: what lists, details and the map read.
  const orders = db.prepare(`SELECT ${ORDER_ROW_COLS} FROM work_order`);
  for (const r of orders.iterate() as Iterable<OrderRow>) {
    const where = `工单 ${String(r.id).slice(0, 64)}`;
    _json(r.json, where);
    let decoded: unknown;
    try {
      decoded = decodeOrder(r);
    } catch {
      _fail(where, '无法解码');
    }
    const parsed = WorkOrderShape.safeParse(decoded);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      _fail(where, `${i?.path.join('.') ?? ''} ${i?.message ?? '格式不对'}`);
    }
  }
  // Reference data: the street, its communities and grids, units… (the map and the grid locator).
  for (const [table, s] of Object.entries(REFERENCE_SHAPES)) {
    for (const r of db.prepare(`SELECT ${s.key} AS k, json FROM ${table}`).iterate() as Iterable<{
      k: unknown;
      json: unknown;
    }>) {
      const where = `${table} ${String(r.k).slice(0, 40)}`;
      const parsed = s.shape.safeParse(_json(r.json, where));
      if (!parsed.success) _fail(where, parsed.error.issues[0]?.message ?? '格式不对');
      if (s.field && (parsed.data as Record<string, unknown>)[s.field] !== r.k)
        _fail(where, '编码与记录不一致');
    }
  }
  for (const [table, column] of JSON_COLUMNS) {
    if (!_tableExists(db, table) || !_columnExists(db, table, column)) continue;
    for (const r of db.prepare(`SELECT rowid AS k, ${column} AS v FROM ${table}`).iterate() as Iterable<{
      k: unknown;
      v: unknown;
    }>) {
      if (r.v !== null) _json(r.v, `${table} #${String(r.k)}`);
    }
  }
  // Accounts: a role the program knows, a salt and hash of the right size.
  if (_tableExists(db, 'account')) {
    for (const a of db.prepare('SELECT username, role, salt, hash FROM account').iterate() as Iterable<{
      username: unknown;
      role: unknown;
      salt: unknown;
      hash: unknown;
    }>) {
      const where = `账号 ${String(a.username).slice(0, 40)}`;
      if (typeof a.username !== 'string' || !/^[A-Za-z0-9_.-]{2,32}$/.test(a.username))
        _fail(where, '用户名格式不对');
      if (
        !Buffer.isBuffer(a.salt) ||
        a.salt.length !== 16 ||
        !Buffer.isBuffer(a.hash) ||
        a.hash.length !== 32
      )
        _fail(where, '密码散列格式不对');
    }
  }
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) _fail('外键', `${fk.length} 处引用不存在的记录`);
  // The audit trail (hash chain since version 12).
  if (version >= 12) {
    const chain = verifyAuditChainSync(db as unknown as ReadableDb);
    if (!chain.ok) {
      throw new BackupCheckError(
        `备份中的审计日志链已断开 (${chain.problem})，可能被改动过，拒绝恢复 ` +
          `The backup's audit chain is broken at #${chain.brokenAt}: it may have been tampered with`,
      );
    }
  }
}
