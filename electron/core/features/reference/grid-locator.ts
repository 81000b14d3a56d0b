/**
 * Point → grid (→ community) lookup: a Flatbush index over the bounding boxes of the polygons
 * narrows the candidates, then the exact point-in-polygon test of shared/features/reference/spatial decides.
 * Built once per reference version (see reference-index.ts); a lookup is a few microseconds.
 */
import Flatbush from 'flatbush';
import type { Community, Grid, LngLat, Ring } from '../../../../shared/features/reference/jurisdiction';
import { pointInRing, ringBBox } from '../../../../shared/features/reference/spatial';

interface Area {
  readonly code: string;
  readonly boundary: Ring;
}

/** One Flatbush over the bounding boxes of some polygons, with the exact test on top. */
class PolygonIndex<T extends Area> {
  private readonly index: Flatbush | null;
  private readonly items: readonly T[];

  constructor(items: readonly T[]) {
    // Sorted by code: when a point lies on an edge shared by two areas, the lowest code wins,
    // whatever order the reference data came in.
    this.items = items.filter((a) => a.boundary.length >= 3).sort((a, b) => (a.code < b.code ? -1 : 1));
    if (this.items.length === 0) {
      this.index = null; // Flatbush refuses an empty index
      return;
    }
    const index = new Flatbush(this.items.length);
    for (const a of this.items) {
      const b = ringBBox(a.boundary);
      index.add(b.minX, b.minY, b.maxX, b.maxY);
    }
    index.finish();
    this.index = index;
  }

  find(pt: LngLat): T | null {
    if (!this.index) return null;
    const [x, y] = pt;
    let best: T | null = null;
    let bestAt = Infinity;
    for (const i of this.index.search(x, y, x, y)) {
      const item = this.items[i];
      if (item && i < bestAt && pointInRing(pt, item.boundary)) {
        best = item;
        bestAt = i;
      }
    }
    return best;
  }
}

export interface Located {
  readonly communityCode: string | null;
  readonly gridCode: string | null;
}

export class GridLocator {
  private readonly grids: PolygonIndex<Grid>;
  private readonly communities: PolygonIndex<Community>;

  constructor(grids: readonly Grid[], communities: readonly Community[] = []) {
    this.grids = new PolygonIndex(grids);
    this.communities = new PolygonIndex(communities);
  }

  /** The grid containing the point, or null. */
  grid(pt: LngLat): Grid | null {
    return this.grids.find(pt);
  }

  /**
   * Grid and community of a point. The grid's own community is authoritative; where the grids do
   * not cover a community completely, the community polygon still gives the community. A point
   * outside every polygon (outside the street) gets nulls.
   */
  locate(pt: LngLat): Located {
    const g = this.grids.find(pt);
    if (g) return { communityCode: g.communityCode, gridCode: g.code };
    const c = this.communities.find(pt);
    return { communityCode: c?.code ?? null, gridCode: null };
  }
}
