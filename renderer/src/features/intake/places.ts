/**
 * Where an order is, pure: the community and grid a point falls in (the same point-in-polygon
 * rule as the core's GridLocator, so the preview says what the core will assign), the address
 * suggestions (the core's `reference.places` — buildings, roads, sites, communities — and the
 * grids of the snapshot), and the plane of the small SVG map.
 */
import type { Place as ServerPlace, ReferenceSnapshot } from '../../../../shared/contract/index';
import type { Community, Grid, LngLat, Ring } from '../../../../shared/features/reference/jurisdiction';
import { pointInRing, ringBBox, type BBox } from '../../../../shared/features/reference/spatial';

export interface Located {
  readonly communityCode: string | null;
  readonly gridCode: string | null;
}

function firstContaining<T extends { code: string; boundary: Ring }>(
  items: readonly T[],
  pt: LngLat,
): T | null {
  // Lowest code first, as the core decides a point on an edge shared by two areas.
  let best: T | null = null;
  for (const a of items) {
    if (a.boundary.length < 3 || !pointInRing(pt, a.boundary)) continue;
    if (!best || a.code < best.code) best = a;
  }
  return best;
}

/** The grid's community is authoritative; outside every grid the community polygon still decides. */
export function locate(grids: readonly Grid[], communities: readonly Community[], pt: LngLat): Located {
  const g = firstContaining(grids, pt);
  if (g) return { communityCode: g.communityCode, gridCode: g.code };
  return { communityCode: firstContaining(communities, pt)?.code ?? null, gridCode: null };
}

export type PlaceKind = 'building' | 'site' | 'road' | 'community' | 'grid';

/** A named place the address box can suggest. */
export interface Place {
  readonly kind: PlaceKind;
  readonly name: string;
  /** What the address box takes when it is chosen. */
  readonly address: string;
  /** Where it is, when a single point says so (a building, a site); null for an area or a road. */
  readonly point: LngLat | null;
  /** The area it names (a community, a grid), or the one its point lies in (shown beside it). */
  readonly communityCode: string | null;
  readonly gridCode: string | null;
}

/**
 * A place of `reference.places` as the form uses it. The core gives every place a point, but
 * only a building's or a site's says where the case is: a road's middle or a community's centre
 * would put the order somewhere it is not. So a road fills the text only, and a community its
 * area (the core then leaves the grid open: 待定位 until a point is picked).
 */
export function fromServerPlace(p: ServerPlace): Place {
  switch (p.kind) {
    case 'building':
    case 'site':
      return {
        kind: p.kind,
        name: p.name,
        address: p.name,
        point: [p.lng, p.lat],
        communityCode: p.communityCode,
        gridCode: p.gridCode,
      };
    case 'community':
      return {
        kind: p.kind,
        name: p.name,
        address: p.name,
        point: null,
        communityCode: p.communityCode,
        gridCode: null,
      };
    case 'road':
      return {
        kind: p.kind,
        name: p.name,
        address: p.name,
        point: null,
        communityCode: null,
        gridCode: null,
      };
  }
}

/** The grids as places (a grid worker names the grid), with their community's name as the address. */
export function gridPlaces(src: Pick<ReferenceSnapshot, 'communities' | 'grids'>): Place[] {
  const communityName = new Map(src.communities.map((c) => [c.code, c.name]));
  return src.grids.map((g) => ({
    kind: 'grid',
    name: g.name,
    address: communityName.get(g.communityCode) ?? g.name,
    point: null,
    communityCode: g.communityCode,
    gridCode: g.code,
  }));
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * The places whose name contains the typed text (or is the start of it: "垂杨柳东里3号楼 2单元"
 * still finds the building), those starting with it first, then shorter names, at most `limit`.
 */
export function suggestPlaces(places: readonly Place[], text: string, limit = 8): Place[] {
  const q = norm(text);
  if (q.length < 1) return [];
  const scored: { p: Place; score: number; i: number }[] = [];
  places.forEach((p, i) => {
    const n = norm(p.name);
    const score =
      n === q ? 0 : n.startsWith(q) ? 1 : n.includes(q) ? 2 : q.startsWith(n) && n.length >= 2 ? 3 : -1;
    if (score >= 0) scored.push({ p, score, i });
  });
  scored.sort((a, b) => a.score - b.score || a.p.name.length - b.p.name.length || a.i - b.i);
  return scored.slice(0, limit).map((s) => s.p);
}

/** The core's suggestions first (in its order), then the local ones, each name once, at most `limit`. */
export function mergePlaces(server: readonly Place[], local: readonly Place[], limit = 8): Place[] {
  const seen = new Set<string>();
  const out: Place[] = [];
  for (const p of [...server, ...local]) {
    const key = `${p.kind}:${p.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

// ── The small map's plane ─────────────────────────────────────────────────────────────────────

/** Degrees → SVG units, north up, x scaled by cos(latitude) so shapes are not stretched. */
export interface MapPlane {
  readonly width: number;
  readonly height: number;
  toXY(pt: LngLat): readonly [number, number];
  toLngLat(x: number, y: number): LngLat;
}

export function mapPlane(boundary: Ring, width = 1000, pad = 12): MapPlane {
  const b: BBox = ringBBox(boundary);
  const k = Math.cos((((b.minY + b.maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((b.maxX - b.minX) * k, 1e-9);
  const spanY = Math.max(b.maxY - b.minY, 1e-9);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(spanY * scale + 2 * pad);
  return {
    width,
    height,
    toXY: ([lng, lat]) => [pad + (lng - b.minX) * k * scale, pad + (b.maxY - lat) * scale],
    toLngLat: (x, y) => [
      Math.round((b.minX + (x - pad) / (k * scale)) * 1e7) / 1e7,
      Math.round((b.maxY - (y - pad) / scale) * 1e7) / 1e7,
    ],
  };
}

/** An SVG path ("M x y L … Z") of a ring on the plane. */
export function ringPath(plane: MapPlane, ring: Ring): string {
  return (
    ring
      .map((pt, i) => {
        const [x, y] = plane.toXY(pt);
        return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
      })
      .join('') + 'Z'
  );
}

/** The point `metres` away from `pt` towards east (dx) and north (dy): arrow keys move the pin. */
export function nudge(pt: LngLat, dxMetres: number, dyMetres: number): LngLat {
  const lat = pt[1] + dyMetres / 111_320;
  const lng = pt[0] + dxMetres / (111_320 * Math.cos((pt[1] * Math.PI) / 180));
  return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

/** The street's middle (the mean of its boundary's corners), where a keyboard pin starts. */
export function middleOf(ring: Ring): LngLat {
  const closed = ring.length > 1 && ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1];
  const pts = closed ? ring.slice(0, -1) : ring;
  let x = 0;
  let y = 0;
  for (const [px, py] of pts) {
    x += px;
    y += py;
  }
  return pts.length ? [x / pts.length, y / pts.length] : [0, 0];
}
