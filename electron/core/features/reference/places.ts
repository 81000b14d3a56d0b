/**
 * reference.places: the street's named places for address suggestions at intake — buildings,
 * roads, party and service sites, communities — found by a part of their name. The list is built
 * once per reference version (a few hundred places) and searched in memory.
 */
import type { Place } from '../../../../shared/features/reference/contract';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';
import { readReference, referenceVersion } from '../../store/reference';
import type { ReadableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import { referenceIndex } from './reference-index';

const KIND_RANK: Readonly<Record<Place['kind'], number>> = { building: 0, road: 1, site: 2, community: 3 };

function _centre(ring: readonly LngLat[]): LngLat {
  let x = 0;
  let y = 0;
  for (const [a, b] of ring) {
    x += a;
    y += b;
  }
  return [x / Math.max(1, ring.length), y / Math.max(1, ring.length)];
}

const cache = new WeakMap<object, { version: number; places: Place[] }>();

function _places(db: ReadableDb): Place[] {
  const version = referenceVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.places;
  const ref = readReference(db);
  const idx = referenceIndex(db);
  const at = (kind: Place['kind'], name: string, [lng, lat]: LngLat): Place => {
    const where = idx.locator.locate([lng, lat]);
    return { kind, name, lng, lat, communityCode: where.communityCode, gridCode: where.gridCode };
  };
  const places = ref
    ? [
        ...ref.buildings.map((b) => at('building', b.name, _centre(b.footprint))),
        ...ref.roads.map((r) => at('road', r.name, r.line[Math.floor(r.line.length / 2)] ?? _centre(r.line))),
        ...ref.sites.map((s) => at('site', s.name, s.location)),
        ...ref.communities.map((c) => at('community', c.name, c.centroid)),
      ]
    : [];
  cache.set(db, { version, places });
  return places;
}

export const referencePlaces: Handler<'reference.places'> = (input, _call, env) => {
  const q = input.q.replace(/\s+/g, '');
  const hits = _places(env.db).filter((p) => p.name.includes(q));
  hits.sort(
    (a, b) =>
      Number(!a.name.startsWith(q)) - Number(!b.name.startsWith(q)) ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      a.name.length - b.name.length ||
      a.name.localeCompare(b.name, 'zh'),
  );
  return hits.slice(0, input.limit);
};
