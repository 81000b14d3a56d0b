/**
 * What the order commands check against the reference data (known units, communities, grids, the
 * point → grid locator), built once per reference version and cached per database.
 *
 * The cache key is the stored reference version (meta 'reference_version'): reference data is
 * replaced whole and its version "increases with every change" (shared/features/reference/reference.ts), so a
 * new version rebuilds the index on the next command and an unchanged version costs one meta read;
 * with it the stamp of the hall's 历史分类 (added beside the reference data, migration 29).
 * Keyed by the database object too, so several cores in one process (tests) never share an index.
 */
import type { Category } from '../../../../shared/features/reference/catalogue';
import type { Community, Grid } from '../../../../shared/features/reference/jurisdiction';
import type { Unit } from '../../../../shared/features/reference/organisation';
import { historyCatalogueStamp, readReferenceSnapshot, referenceVersion } from '../../store/reference';
import type { ReadableDb } from '../../store/types';
import { GridLocator } from './grid-locator';

export interface ReferenceIndex {
  readonly version: number;
  /** The reference version and the 历史分类 stamp: what a cache of the catalogue is keyed by. */
  readonly stamp: string;
  /** False before the first reference import: then nothing is known. */
  readonly loaded: boolean;
  readonly units: ReadonlyMap<string, Unit>;
  readonly communities: ReadonlyMap<string, Community>;
  readonly grids: ReadonlyMap<string, Grid>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly locator: GridLocator;
}

const cache = new WeakMap<object, ReferenceIndex>();

function buildReferenceIndex(db: ReadableDb, stamp: string): ReferenceIndex {
  const snap = readReferenceSnapshot(db);
  return {
    version: snap.version,
    stamp,
    loaded: snap.street !== null,
    units: new Map(snap.units.map((u) => [u.id, u])),
    communities: new Map(snap.communities.map((c) => [c.code, c])),
    grids: new Map(snap.grids.map((g) => [g.code, g])),
    categories: new Map(snap.categories.map((c) => [c.code, c])),
    locator: new GridLocator(snap.grids, snap.communities),
  };
}

export function referenceIndex(db: ReadableDb): ReferenceIndex {
  const stamp = `${referenceVersion(db)}/${historyCatalogueStamp(db)}`;
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit;
  const fresh = buildReferenceIndex(db, stamp);
  cache.set(db, fresh);
  return fresh;
}
