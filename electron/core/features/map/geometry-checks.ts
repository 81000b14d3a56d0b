/**
 * Whether a polygon ring crosses itself (a bow-tie, a loop, an edge doubling back): a sweep over
 * the edges sorted by their west end, so a ring of 20,000 points is checked in milliseconds.
 * Edges that follow each other share their common point and do not count as crossing, unless
 * they fold back over each other.
 */

type Pt = readonly [number, number];

/** Edge pairs compared per ring at most (a real ring of 20,000 points needs a few hundred thousand). */
const MAX_PAIR_TESTS = 20_000_000;

function orient(a: Pt, b: Pt, c: Pt): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Pt, b: Pt, p: Pt): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** True when segments ab and cd share any point. */
export function segmentsMeet(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  if (o4 === 0 && onSegment(c, d, b)) return true;
  return false;
}

/**
 * The first pair of edges (0-based edge indexes) that cross or touch where they should not, or
 * null when the ring is simple. The ring is closed (last point = first point). Repeated points
 * (zero-length edges) are skipped.
 */
export function ringSelfIntersection(ring: ReadonlyArray<Pt>): [number, number] | 'too_complex' | null {
  const edges: Array<{ i: number; a: Pt; b: Pt; minX: number; maxX: number }> = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Pt;
    const b = ring[i + 1] as Pt;
    if (a[0] === b[0] && a[1] === b[1]) continue;
    edges.push({ i, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) });
  }
  const n = edges.length;
  if (n < 3) return null;
  // Neighbours in ring order (after dropping zero-length edges): first and last meet too.
  const pos = new Map<number, number>();
  edges.forEach((e, k) => pos.set(e.i, k));
  const adjacent = (p: number, q: number): boolean => {
    const d = Math.abs(p - q);
    return d === 1 || d === n - 1;
  };
  const sorted = [...edges].sort((x, y) => x.minX - y.minX);
  // A ring drawn to defeat the sweep (every edge spanning the whole width) stops here.
  let budget = MAX_PAIR_TESTS;
  for (let s = 0; s < sorted.length; s++) {
    const e = sorted[s]!;
    for (let t = s + 1; t < sorted.length; t++) {
      const f = sorted[t]!;
      if (f.minX > e.maxX) break;
      if (--budget < 0) return 'too_complex';
      const pe = pos.get(e.i)!;
      const pf = pos.get(f.i)!;
      if (adjacent(pe, pf)) {
        // Neighbours share a point; they cross only if one folds back along the other.
        const shared = e.b[0] === f.a[0] && e.b[1] === f.a[1] ? e.b : e.a;
        const eo = shared === e.b ? e.a : e.b;
        const fo = f.a[0] === shared[0] && f.a[1] === shared[1] ? f.b : f.a;
        if (orient(shared, eo, fo) === 0 && (onSegment(shared, eo, fo) || onSegment(shared, fo, eo)))
          return [Math.min(e.i, f.i), Math.max(e.i, f.i)];
        continue;
      }
      if (Math.max(e.a[1], e.b[1]) < Math.min(f.a[1], f.b[1])) continue;
      if (Math.max(f.a[1], f.b[1]) < Math.min(e.a[1], e.b[1])) continue;
      if (segmentsMeet(e.a, e.b, f.a, f.b)) return [Math.min(e.i, f.i), Math.max(e.i, f.i)];
    }
  }
  return null;
}
