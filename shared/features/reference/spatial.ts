/**
 * Pure plane geometry on [lng, lat] pairs for the jurisdiction lookup (point → grid → community).
 * The areas are a few kilometres wide, so treating degrees as planar coordinates is exact enough
 * for containment: no projection is needed to decide which side of an edge a point lies on.
 */
import type { LngLat, Ring } from './jurisdiction';

export interface BBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function ringBBox(ring: Ring): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** Relative tolerance for "on the edge": coordinates are degrees with ~1e-7 of meaningful precision. */
const EPS = 1e-12;

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  if (Math.abs(cross) > EPS) return false;
  return (
    px >= Math.min(ax, bx) - EPS &&
    px <= Math.max(ax, bx) + EPS &&
    py >= Math.min(ay, by) - EPS &&
    py <= Math.max(ay, by) + EPS
  );
}

/**
 * Whether `pt` lies inside the ring or on its boundary. Boundary points count as inside so that a
 * point on the edge shared by two neighbouring grids belongs to both; callers pick one of them
 * deterministically (see GridLocator), instead of the point falling into neither. The ring may be
 * closed (first point repeated) or not.
 */
export function pointInRing(pt: LngLat, ring: Ring): boolean {
  const [px, py] = pt;
  const n = ring.length;
  if (n < 3) return false;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    const [ax, ay] = a;
    const [bx, by] = b;
    if (onSegment(px, py, ax, ay, bx, by)) return true;
    // Ray casting towards +x; the half-open test on y counts a vertex shared by two edges once.
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}
