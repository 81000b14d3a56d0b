/**
 * The street's gazetteer for the matcher, built once per reference version (and per change of
 * the road ranges and landmarks) and cached per connection: buildings, roads with their number
 * ranges, landmarks (the landmark table, sites, named non-residential buildings), communities.
 */
import type { Gazetteer, GazPlace, GazRoad } from '../../../../shared/features/address/match';
import type { LngLat, Ring } from '../../../../shared/features/reference/jurisdiction';
import { readReference, referenceVersion } from '../../store/reference';
import type { ReadableDb } from '../../store/types';
import { referenceIndex } from '../reference';
import { gazetteerStamp, readLandmarks, readRoadRanges } from './queries';

function centre(ring: Ring): LngLat {
  // A closed ring repeats its first point: leave it out.
  const pts =
    ring.length > 1 && ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1]
      ? ring.slice(0, -1)
      : ring;
  let x = 0;
  let y = 0;
  for (const [a, b] of pts) {
    x += a;
    y += b;
  }
  return [x / Math.max(1, pts.length), y / Math.max(1, pts.length)];
}

const cache = new WeakMap<object, { key: string; gaz: Gazetteer }>();

export function gazetteer(db: ReadableDb): Gazetteer {
  const key = `${referenceVersion(db)}/${gazetteerStamp(db)}`;
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.gaz;
  const ref = readReference(db);
  const locate = referenceIndex(db).locator;
  const communityOf = (p: LngLat): string | null => locate.locate([p[0], p[1]]).communityCode;
  const ranges = readRoadRanges(db);
  const roads: GazRoad[] = (ref?.roads ?? []).map((r) => {
    const odd = ranges.find((x) => x.roadId === r.id && x.side === 'odd');
    const even = ranges.find((x) => x.roadId === r.id && x.side === 'even');
    return {
      id: r.id,
      name: r.name,
      line: r.line,
      ...(odd ? { odd: [odd.first, odd.last] as const } : {}),
      ...(even ? { even: [even.first, even.last] as const } : {}),
    };
  });
  const buildings: GazPlace[] = (ref?.buildings ?? []).map((b) => {
    const p = centre(b.footprint);
    return { name: b.name, point: p, communityCode: communityOf(p) };
  });
  const rows = readLandmarks(db);
  // An estate's common name (富力城) names its community, not a point.
  const landmarks: GazPlace[] = [
    ...rows
      .filter((l) => l.kind !== 'estate')
      .map((l) => ({
        name: l.name,
        point: [l.lng, l.lat] as LngLat,
        communityCode: communityOf([l.lng, l.lat]),
        aliases: l.aliases,
      })),
    ...(ref?.sites ?? []).map((s) => ({ name: s.name, point: s.location, communityCode: s.communityCode })),
  ];
  const communities = (ref?.communities ?? []).map((c) => ({
    code: c.code,
    name: c.name,
    point: c.centroid,
    communityCode: c.code,
    aliases: rows
      .filter((l) => l.kind === 'estate' && communityOf([l.lng, l.lat]) === c.code)
      .map((l) => l.name),
  }));
  const street = ref?.street;
  const gaz: Gazetteer = {
    roads,
    buildings,
    landmarks,
    communities,
    prefixes: street
      ? [street.city, street.district, street.name, `${street.name}办事处`, street.city.replace(/市$/, '')]
      : [],
  };
  cache.set(db, { key, gaz });
  return gaz;
}
