/**
 * Planar geometry for the synthetic street. Work is done in local metres (x east, y north)
 * around a centre and converted to lng/lat at the end; at street scale the equirectangular
 * approximation is far below a pixel of error.
 */
import type { LngLat, Ring } from '../../../../../shared/features/reference/jurisdiction';

export type Pt = readonly [number, number];

const M_PER_DEG_LAT = 110_540;

export interface Projection {
  toLngLat(p: Pt): LngLat;
  toLocal(p: LngLat): Pt;
}

export function projection(centre: LngLat): Projection {
  const mPerDegLng = 111_320 * Math.cos((centre[1] * Math.PI) / 180);
  const r7 = (v: number) => Math.round(v * 1e7) / 1e7; // ~1 cm: keeps JSON small and stable
  return {
    toLngLat: (p) => [r7(centre[0] + p[0] / mPerDegLng), r7(centre[1] + p[1] / M_PER_DEG_LAT)],
    toLocal: (p) => [(p[0] - centre[0]) * mPerDegLng, (p[1] - centre[1]) * M_PER_DEG_LAT],
  };
}

/** Signed area (counter-clockwise positive) of an open polygon. */
export function signedArea(poly: readonly Pt[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as Pt;
    const q = poly[(i + 1) % poly.length] as Pt;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

export function centroid(poly: readonly Pt[]): Pt {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as Pt;
    const q = poly[(i + 1) % poly.length] as Pt;
    const f = p[0] * q[1] - q[0] * p[1];
    cx += (p[0] + q[0]) * f;
    cy += (p[1] + q[1]) * f;
    a += f;
  }
  if (Math.abs(a) < 1e-9) return poly[0] ?? [0, 0];
  return [cx / (3 * a), cy / (3 * a)];
}

/** Andrew's monotone chain; returns a counter-clockwise open hull. */
export function convexHull(points: readonly Pt[]): Pt[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Pt, lower[lower.length - 1] as Pt, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i] as Pt;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Pt, upper[upper.length - 1] as Pt, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/**
 * Clips a convex polygon to the half-plane of points closer to `a` than to `b`
 * (Sutherland–Hodgman against the perpendicular bisector).
 */
function clipCloser(poly: readonly Pt[], a: Pt, b: Pt): Pt[] {
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const c = (nx * (a[0] + b[0]) + ny * (a[1] + b[1])) / 2;
  const side = (p: Pt) => c - (nx * p[0] + ny * p[1]); // ≥ 0 inside
  const out: Pt[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as Pt;
    const q = poly[(i + 1) % poly.length] as Pt;
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) out.push(p);
    if (sp >= 0 !== sq >= 0) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Voronoi cells of `sites` inside a convex `container`: an exact tiling of it. */
export function voronoiCells(container: readonly Pt[], sites: readonly Pt[]): Pt[][] {
  return sites.map((s, i) => {
    let cell: Pt[] = [...container];
    for (let j = 0; j < sites.length && cell.length > 0; j++) {
      if (j !== i) cell = clipCloser(cell, s, sites[j] as Pt);
    }
    return cell;
  });
}

/** Lloyd relaxation: moves sites to their cell centroids so cells get even sizes. */
export function relax(container: readonly Pt[], sites: Pt[], rounds: number): Pt[] {
  let s = sites;
  for (let r = 0; r < rounds; r++)
    s = voronoiCells(container, s).map((c, i) => (c.length >= 3 ? centroid(c) : (s[i] as Pt)));
  return s;
}

export function pointInPolygon(p: Pt | LngLat, ring: readonly (Pt | LngLat)[]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i] as Pt;
    const b = ring[j] as Pt;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0])
      inside = !inside;
  }
  return inside;
}

export function bbox(poly: readonly Pt[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of poly) {
    if (p[0] < x0) x0 = p[0];
    if (p[1] < y0) y0 = p[1];
    if (p[0] > x1) x1 = p[0];
    if (p[1] > y1) y1 = p[1];
  }
  return [x0, y0, x1, y1];
}

/** Clips the segment p→q to a convex CCW polygon (Cyrus–Beck); null when it misses. */
export function clipSegment(p: Pt, q: Pt, poly: readonly Pt[]): [Pt, Pt] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Pt;
    const b = poly[(i + 1) % poly.length] as Pt;
    // Inward normal of a CCW edge.
    const nx = -(b[1] - a[1]);
    const ny = b[0] - a[0];
    const num = nx * (p[0] - a[0]) + ny * (p[1] - a[1]);
    const den = nx * dx + ny * dy;
    if (den === 0) {
      if (num < 0) return null;
    } else {
      const t = -num / den;
      if (den > 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  if (t0 >= t1) return null;
  return [
    [p[0] + t0 * dx, p[1] + t0 * dy],
    [p[0] + t1 * dx, p[1] + t1 * dy],
  ];
}

/** Closes a local polygon and converts it to a lng/lat ring. */
export function toRing(poly: readonly Pt[], proj: Projection): Ring {
  const ring = poly.map((p) => proj.toLngLat(p));
  const first = ring[0];
  if (first) ring.push(first);
  return ring;
}

export function distToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
