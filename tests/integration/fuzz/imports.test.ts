/**
 * Property: every import takes arbitrary bytes and answers with a reason, never a crash, never a
 * hang, never a half-applied change — backup files (restore), GeoJSON (jurisdiction), PMTiles
 * and MBTiles (basemaps). Inputs are mutations of real, valid files (flipped and overwritten
 * bytes, truncations, appended SQL) and random documents. Fixed seed.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_BASEMAP_PATH } from '../../../scripts/build-basemap';
import { checkBasemapFile } from '../../../electron/core/adapters/basemap/validate';
import { openPmtiles } from '../../../electron/core/adapters/basemap/pmtiles-source';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { restoreFrom, RestoreError } from '../../../electron/core/store/backup';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { createdPayload, T0, TINY_REF, tempDir } from '../store/fixtures';
import { fuzzParams, jsonish } from './fuzz-config';

const admin = { role: 'admin', actor: 'root' } as const;
let dir: string;
let cleanup: () => void;
let core: Core;
let backupBytes: Buffer;
let target: string;
let targetBytes: Buffer;

beforeAll(async () => {
  const t = tempDir('hall-fuzz-imports-');
  dir = t.dir;
  cleanup = t.cleanup;
  const live = path.join(dir, 'live');
  const db = openDb(live);
  writeReference(db, TINY_REF);
  db.close();
  let clock = T0;
  core = await createInProcessCore({ dataDir: live, host: 'test', now: () => (clock += 1000), sync: false });
  for (let i = 0; i < 3; i++)
    await core.call('orders.create', { order: createdPayload({ title: `工单 ${i}` }) }, admin);
  const b = await core.call('system.backup', {}, admin);
  backupBytes = readFileSync(b.file);
  target = path.join(dir, 'target');
  const td = openDb(target);
  td.close();
  targetBytes = readFileSync(dbPath(target));
});

afterAll(async () => {
  await core?.close();
  cleanup?.();
});

/** A mutation of a file, as small data (so a failing case prints in a line, not as megabytes). */
type Mutation =
  | { readonly flip: ReadonlyArray<readonly [number, number]> }
  | { readonly at: number; readonly junk: readonly number[] }
  | { readonly cut: number }
  | { readonly append: readonly number[] };

function mutation(size: number): fc.Arbitrary<Mutation> {
  const at = fc.integer({ min: 0, max: size - 1 });
  const junk = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 512 });
  return fc.oneof(
    fc.record({
      flip: fc.array(fc.tuple(at, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    }),
    fc.record({ at, junk }),
    fc.record({ cut: at }),
    fc.record({ append: junk }),
  );
}

function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  if ('flip' in m) {
    const b = Buffer.from(bytes);
    for (const [i, v] of m.flip) b[i] = v;
    return b;
  }
  if ('junk' in m) {
    const b = Buffer.from(bytes);
    Buffer.from(m.junk).copy(b, m.at);
    return b;
  }
  if ('cut' in m) return bytes.subarray(0, m.cut);
  return Buffer.concat([bytes, Buffer.from(m.append)]);
}

/** SQL an attacker might add to a real backup. */
const hostileSql = fc.constantFrom(
  "CREATE TRIGGER t AFTER INSERT ON session BEGIN UPDATE account SET role = 'admin'; END",
  'CREATE VIEW v AS SELECT * FROM account',
  'CREATE INDEX i ON work_order(title)',
  'CREATE TABLE extra(x)',
  "UPDATE order_event SET payload = '{' WHERE seq = 1",
  "UPDATE work_order SET json = 'null'",
  "UPDATE work_order SET status = 'flying'",
  "UPDATE street SET json = '{}'",
  "UPDATE audit_log SET detail = 'x' WHERE seq = 1",
  'PRAGMA user_version = 3',
  'DELETE FROM audit_log WHERE seq = 1',
  "INSERT INTO account(username, display_name, role, salt, hash, created_at, disabled) VALUES ('x', 'x', 'admin', x'00', x'00', 0, 0)",
);

describe('backup files', () => {
  it('a restore of mutated bytes or added SQL is a clean refusal or a sound restore; nothing else', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          mutation(backupBytes.length).map((m) => ({ m, sql: null })),
          hostileSql.map((sql) => ({ m: null, sql })),
        ),
        ({ m, sql }) => {
          const file = path.join(dir, `candidate-${n++}.db`);
          writeFileSync(file, m ? applyMutation(backupBytes, m) : backupBytes);
          if (sql) {
            const d = new Database(file);
            try {
              d.exec(sql);
            } finally {
              d.close();
            }
          }
          try {
            restoreFrom(target, file);
            // Accepted: the restored store must open and answer; then the target is put back.
            const d = new Database(dbPath(target), { readonly: true });
            d.prepare('SELECT count(*) FROM work_order').get();
            d.close();
            if (sql) throw new Error(`hostile SQL was restored: ${sql}`);
            writeFileSync(dbPath(target), targetBytes);
            for (const f of readdirSync(target)) if (f.startsWith('hall.db.')) rmSync(path.join(target, f));
          } catch (err) {
            if (!(err instanceof RestoreError)) throw err;
            // Refused: the folder is exactly as it was.
            expect(readFileSync(dbPath(target)).equals(targetBytes)).toBe(true);
            expect(readdirSync(target).filter((f) => f.startsWith('hall.db.'))).toEqual([]);
            // Hostile SQL is always refused with a reason.
            if (sql) expect(err.message).toMatch(/拒绝恢复|不受支持|损坏|无法读取/);
          }
        },
      ),
      fuzzParams(40),
    );
  }, 120_000);
});

describe('GeoJSON', () => {
  const ring = fc.array(fc.tuple(fc.double({ min: -200, max: 200 }), fc.double({ min: -100, max: 100 })), {
    maxLength: 12,
  });
  const feature = fc.record({
    type: fc.constantFrom('Feature', 'feature', 'X'),
    properties: fc.record(
      {
        code: fc.oneof(fc.stringMatching(/^[A-Z0-9]{1,6}$/), jsonish),
        name: fc.oneof(fc.string({ maxLength: 50 }), jsonish),
        level: fc.constantFrom('community', 'grid', '社区', '网格', 'x'),
        communityCode: fc.oneof(fc.stringMatching(/^[A-Z0-9]{1,6}$/), jsonish),
      },
      { requiredKeys: [] },
    ),
    geometry: fc.oneof(
      fc.record({ type: fc.constantFrom('Polygon'), coordinates: fc.array(ring, { maxLength: 3 }) }),
      fc.record({
        type: fc.constantFrom('MultiPolygon'),
        coordinates: fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }),
      }),
      jsonish,
    ),
  });
  const doc = fc.oneof(
    jsonish.map((v) => JSON.stringify(v) ?? ''),
    fc
      .array(feature, { maxLength: 6 })
      .map((features) => JSON.stringify({ type: 'FeatureCollection', features })),
    fc.string(),
  );

  it('map.importJurisdiction answers every document with a report; a refused one changes nothing', async () => {
    const before = (await core.call('reference.snapshot', {}, admin)).version;
    let version = before;
    await fc.assert(
      fc.asyncProperty(doc, fc.boolean(), async (geojson, dryRun) => {
        const r = await core.call('map.importJurisdiction', { geojson, dryRun }, admin);
        expect(typeof r.ok).toBe('boolean');
        const now = (await core.call('reference.snapshot', {}, admin)).version;
        if (!r.ok || dryRun) expect(now).toBe(version);
        version = now;
      }),
      fuzzParams(150),
    );
  }, 120_000);
});

describe('basemap files', () => {
  const pm = readFileSync(BUILTIN_BASEMAP_PATH);

  it('PMTiles: every mutation of a real file is accepted or refused with reasons; accepted ones read', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutation(pm.length), async (m) => {
        const file = path.join(dir, `pm-${n++}.pmtiles`);
        writeFileSync(file, applyMutation(pm, m));
        const check = await checkBasemapFile(file);
        if (!check.ok) {
          expect(check.errors.length).toBeGreaterThan(0);
          return;
        }
        // Accepted: reading tiles answers (a tile or none), or fails with an Error, never hangs.
        const src = await openPmtiles(file).catch((e: unknown) => e);
        if (src instanceof Error) return;
        const s = src as Awaited<ReturnType<typeof openPmtiles>>;
        for (const [z, x, y] of [
          [12, 3373, 1552],
          [15, 26984, 12418],
          [0, 0, 0],
        ] as const)
          await s.tile(z, x, y).catch((e: unknown) => expect(e).toBeInstanceOf(Error));
        s.close();
      }),
      fuzzParams(60),
    );
  }, 120_000);

  it('MBTiles: random schemas and rows are accepted only when they are plain tables with the index', async () => {
    const table = fc.constantFrom(
      'CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)',
      "CREATE VIEW tiles AS SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'00' AS tile_data",
      'CREATE TABLE tiles (zoom_level, tile_column, tile_row)',
      'CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB) WITHOUT ROWID',
    );
    const extra = fc.subarray([
      'CREATE UNIQUE INDEX ti ON tiles (zoom_level, tile_column, tile_row)',
      'CREATE INDEX tz ON tiles (zoom_level + 1)',
      'CREATE TABLE other (x)',
      'CREATE TRIGGER tr AFTER INSERT ON metadata BEGIN SELECT 1; END',
      'CREATE VIEW meta2 AS SELECT * FROM metadata',
    ]);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        table,
        extra,
        fc.array(fc.tuple(fc.string({ maxLength: 10 }), jsonish), { maxLength: 4 }),
        async (t, more, meta) => {
          const file = path.join(dir, `mb-${n++}.mbtiles`);
          const d = new Database(file);
          const statements = ['CREATE TABLE metadata (name TEXT, value TEXT)', t, ...more];
          let built = true;
          try {
            for (const s of statements) d.exec(s);
            for (const [k, v] of meta)
              d.prepare('INSERT INTO metadata VALUES (?, ?)').run(k, JSON.stringify(v) ?? 'x');
            if (t.startsWith('CREATE TABLE tiles (zoom_level INTEGER'))
              d.exec("INSERT INTO tiles VALUES (0, 0, 0, x'00')");
          } catch {
            built = false;
          } finally {
            d.close();
          }
          if (!built) return;
          const t0 = performance.now();
          const check = await checkBasemapFile(file);
          expect(performance.now() - t0).toBeLessThan(5_000);
          if (check.ok) {
            expect(t).toMatch(/^CREATE TABLE tiles \(zoom_level INTEGER/);
            expect(more).toContain('CREATE UNIQUE INDEX ti ON tiles (zoom_level, tile_column, tile_row)');
            expect(more.some((s) => /VIEW|TRIGGER|other|\+ 1/.test(s))).toBe(false);
          }
        },
      ),
      fuzzParams(60),
    );
  }, 120_000);

  it('the shipped file still passes', async () => {
    const copy = path.join(dir, 'copy.pmtiles');
    copyFileSync(BUILTIN_BASEMAP_PATH, copy);
    expect((await checkBasemapFile(copy)).ok).toBe(true);
  });
});
