/** Reference data: written whole (demo seed, upstream sync), read as a snapshot. */
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../shared/features/orders/sla-policy';
import type { Category } from '../../../shared/features/reference/catalogue';
import type { Community, Grid, Street } from '../../../shared/features/reference/jurisdiction';
import type { Unit } from '../../../shared/features/reference/organisation';
import { getMeta, setMeta } from './meta';
import { stmt } from './statements';
import type { ReadableDb, WritableDb } from './types';

const TABLES = [
  'responsibility',
  'category',
  'site',
  'party_org',
  'person',
  'unit',
  'road',
  'building',
  'grid',
  'community',
  'street',
] as const;

/** Replaces all reference data in one transaction and records its version. */
export function writeReference(db: WritableDb, ref: ReferenceData): void {
  db.transaction(() => {
    for (const t of TABLES) db.prepare(`DELETE FROM ${t}`).run();
    const j = JSON.stringify;
    db.prepare('INSERT INTO street(code, json) VALUES (?, ?)').run(ref.street.code, j(ref.street));
    const ins = <T>(sql: string, rows: readonly T[], args: (r: T) => unknown[]): void => {
      const s = db.prepare(sql);
      for (const r of rows) s.run(...args(r));
    };
    ins('INSERT INTO community(code, street_code, json) VALUES (?, ?, ?)', ref.communities, (c) => [
      c.code,
      c.streetCode,
      j(c),
    ]);
    ins('INSERT INTO grid(code, community_code, json) VALUES (?, ?, ?)', ref.grids, (g) => [
      g.code,
      g.communityCode,
      j(g),
    ]);
    ins('INSERT INTO building(code, grid_code, json) VALUES (?, ?, ?)', ref.buildings, (b) => [
      b.code,
      b.gridCode,
      j(b),
    ]);
    ins('INSERT INTO road(id, json) VALUES (?, ?)', ref.roads, (r) => [r.id, j(r)]);
    ins('INSERT INTO unit(id, kind, json) VALUES (?, ?, ?)', ref.units, (u) => [u.id, u.kind, j(u)]);
    ins('INSERT INTO person(id, unit_id, grid_code, json) VALUES (?, ?, ?, ?)', ref.people, (p) => [
      p.id,
      p.unitId,
      p.gridCode,
      j(p),
    ]);
    ins('INSERT INTO party_org(id, parent_id, json) VALUES (?, ?, ?)', ref.partyOrgs, (o) => [
      o.id,
      o.parentId,
      j(o),
    ]);
    ins('INSERT INTO site(id, community_code, json) VALUES (?, ?, ?)', ref.sites, (s) => [
      s.id,
      s.communityCode,
      j(s),
    ]);
    // The hall's 历史分类 live in their own table (migration 29): data read here and written back
    // (a jurisdiction import) must not make them the district's.
    const catalogue = ref.categories.filter((c) => !c.historyOnly);
    ins('INSERT INTO category(code, parent_code, json) VALUES (?, ?, ?)', catalogue, (c) => [
      c.code,
      c.parentCode,
      j(c),
    ]);
    ins(
      'INSERT INTO responsibility(id, category_code, community_code, unit_id, json) VALUES (?, ?, ?, ?, ?)',
      ref.responsibility,
      (r) => [r.id, r.categoryCode, r.communityCode, r.unitId, j(r)],
    );
    db.prepare(
      'INSERT INTO sla_policy(id, version, json) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version, json = excluded.json',
    ).run(ref.slaPolicy.version, j(ref.slaPolicy));
    setMeta(db, 'reference_version', String(ref.version));
  })();
}

export function referenceVersion(db: ReadableDb): number {
  return Number(getMeta(db, 'reference_version') ?? 0);
}

/** The SLA policy in force; the built-in default until reference data is written. */
export function readSlaPolicy(db: ReadableDb): SlaPolicy {
  const row = stmt(db, 'SELECT json FROM sla_policy WHERE id = 1').get() as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as SlaPolicy) : DEFAULT_SLA_POLICY;
}

function _all<T>(db: ReadableDb, table: string, key: string): T[] {
  return (db.prepare(`SELECT json FROM ${table} ORDER BY ${key}`).all() as Array<{ json: string }>).map(
    (r) => JSON.parse(r.json) as T,
  );
}

export interface ReferenceRead {
  readonly version: number;
  readonly street: Street | null;
  readonly communities: Community[];
  readonly grids: Grid[];
  readonly categories: Category[];
  readonly units: Unit[];
  readonly slaPolicy: SlaPolicy;
}

/**
 * 历史分类 (migration 29) that still fit the district's catalogue: a code the catalogue has taken
 * meanwhile is the catalogue's, and a class whose parent it dropped is left out.
 */
function _historyCategories(db: ReadableDb, catalogue: readonly Category[]): Category[] {
  const codes = new Set(catalogue.map((c) => c.code));
  return _all<Category>(db, 'history_category', 'code').filter(
    (c) => !codes.has(c.code) && c.parentCode !== null && codes.has(c.parentCode),
  );
}

/**
 * Changes when a 历史分类 is added (they are never removed, so their count is enough): with the
 * reference version, the key of catalogue caches.
 */
export function historyCatalogueStamp(db: ReadableDb): number {
  return stmt(db, 'SELECT count(*) FROM history_category').pluck().get() as number;
}

/**
 * The parts of reference data the renderer needs at start-up; the catalogue with the hall's
 * 历史分类 merged in (writeReference never stores those in the district's catalogue).
 */
export function readReferenceSnapshot(db: ReadableDb): ReferenceRead {
  const streets = _all<Street>(db, 'street', 'code');
  const catalogue = _all<Category>(db, 'category', 'code');
  return {
    version: referenceVersion(db),
    street: streets[0] ?? null,
    communities: _all<Community>(db, 'community', 'code'),
    grids: _all<Grid>(db, 'grid', 'code'),
    categories: [...catalogue, ..._historyCategories(db, catalogue)],
    units: _all<Unit>(db, 'unit', 'id'),
    slaPolicy: readSlaPolicy(db),
  };
}

/** Every table of ReferenceData, for sync and tests. */
export function readReference(db: ReadableDb): ReferenceData | null {
  const snap = readReferenceSnapshot(db);
  if (!snap.street) return null;
  return {
    version: snap.version,
    street: snap.street,
    communities: snap.communities,
    grids: snap.grids,
    buildings: _all(db, 'building', 'code'),
    roads: _all(db, 'road', 'id'),
    units: snap.units,
    people: _all(db, 'person', 'id'),
    partyOrgs: _all(db, 'party_org', 'id'),
    sites: _all(db, 'site', 'id'),
    categories: snap.categories,
    responsibility: _all(db, 'responsibility', 'id'),
    slaPolicy: snap.slaPolicy,
  };
}
