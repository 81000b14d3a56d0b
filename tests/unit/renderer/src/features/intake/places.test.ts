import { describe, expect, it } from 'vitest';
import {
  fromServerPlace,
  gridPlaces,
  locate,
  mapPlane,
  mergePlaces,
  middleOf,
  nudge,
  suggestPlaces,
} from '../../../../../../renderer/src/features/intake/places';
import { GridLocator } from '../../../../../../electron/core/features/reference/grid-locator';
import { generateReference } from '../../../../../../electron/core/features/demo/generator/reference';
import type { LngLat } from '../../../../../../shared/features/reference/jurisdiction';
import { ringBBox } from '../../../../../../shared/features/reference/spatial';

// The demo street: real polygons, shared edges between neighbouring grids.
const ref = generateReference(1);

describe('point → community and grid', () => {
  it('agrees with the core’s GridLocator everywhere, edges and outside included', () => {
    const core = new GridLocator(ref.grids, ref.communities);
    const b = ringBBox(ref.street.boundary);
    const pts: LngLat[] = [];
    // A lattice over (and a little beyond) the street, plus every grid corner (on shared edges).
    for (let i = -2; i <= 42; i++)
      for (let j = -2; j <= 42; j++)
        pts.push([b.minX + ((b.maxX - b.minX) * i) / 40, b.minY + ((b.maxY - b.minY) * j) / 40]);
    for (const g of ref.grids) for (const p of g.boundary) pts.push(p);
    let inside = 0;
    for (const p of pts) {
      const mine = locate(ref.grids, ref.communities, p);
      expect(mine, String(p)).toEqual(core.locate(p));
      if (mine.gridCode) inside++;
    }
    expect(inside).toBeGreaterThan(500);
  });
});

describe('address suggestions', () => {
  it('takes the point of a building or site only; a road fills the text, a community its area', () => {
    const at = { lng: 116.47, lat: 39.89, communityCode: '110105016059', gridCode: '11010501605901' };
    expect(fromServerPlace({ kind: 'building', name: '垂杨柳东里1号楼', ...at })).toEqual({
      kind: 'building',
      name: '垂杨柳东里1号楼',
      address: '垂杨柳东里1号楼',
      point: [116.47, 39.89],
      communityCode: '110105016059',
      gridCode: '11010501605901',
    });
    expect(fromServerPlace({ kind: 'site', name: '红色驿站', ...at }).point).toEqual([116.47, 39.89]);
    // A road's middle is not where the case is.
    expect(fromServerPlace({ kind: 'road', name: '广渠路', ...at })).toMatchObject({
      point: null,
      communityCode: null,
      gridCode: null,
    });
    // A community's centre falls in one of its grids: that grid is not the order's.
    expect(fromServerPlace({ kind: 'community', name: '双花园社区', ...at })).toMatchObject({
      point: null,
      communityCode: '110105016059',
      gridCode: null,
    });
  });

  it('suggests grids by name with their community as the address', () => {
    const grids = gridPlaces(ref);
    const [g] = suggestPlaces(grids, ref.grids[0]?.name ?? '');
    expect(g).toMatchObject({ kind: 'grid', gridCode: ref.grids[0]?.code, point: null });
    expect(g?.address).toBe(ref.communities.find((c) => c.code === ref.grids[0]?.communityCode)?.name);
    // Names starting with the text come before names containing it, shorter first; at most `limit`.
    const hits = suggestPlaces(grids, '九龙', 5);
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => h.name.includes('九龙'))).toBe(true);
    expect(suggestPlaces(grids, '')).toEqual([]);
    // A caller adding a unit or floor still finds the place named at the start.
    const first = ref.grids[0]?.name ?? '';
    expect(suggestPlaces(grids, `${first}3号楼`)[0]?.name).toBe(first);
  });

  it('lists the core’s places first, each name once', () => {
    const b = fromServerPlace({
      kind: 'building',
      name: 'A楼',
      lng: 1,
      lat: 2,
      communityCode: null,
      gridCode: null,
    });
    const grids = gridPlaces(ref).slice(0, 3);
    const merged = mergePlaces([b, b], grids, 3);
    expect(merged.map((p) => p.name)).toEqual(['A楼', grids[0]?.name, grids[1]?.name]);
  });
});

describe('the small map’s plane', () => {
  it('maps degrees to the picture and back within a centimetre', () => {
    const plane = mapPlane(ref.street.boundary, 1000);
    expect(plane.width).toBe(1000);
    expect(plane.height).toBeGreaterThan(100);
    for (const c of ref.communities) {
      const [x, y] = plane.toXY(c.centroid);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1000);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(plane.height);
      const back = plane.toLngLat(x, y);
      expect(Math.abs(back[0] - c.centroid[0])).toBeLessThan(1e-6);
      expect(Math.abs(back[1] - c.centroid[1])).toBeLessThan(1e-6);
    }
  });

  it('moves a pin by metres, from the street’s middle', () => {
    const p = middleOf(ref.street.boundary);
    expect(locate(ref.grids, ref.communities, p).communityCode).not.toBeNull();
    const east = nudge(p, 100, 0);
    const north = nudge(p, 0, 100);
    expect((east[0] - p[0]) * 111_320 * Math.cos((p[1] * Math.PI) / 180)).toBeCloseTo(100, 0);
    expect((north[1] - p[1]) * 111_320).toBeCloseTo(100, 0);
  });
});
