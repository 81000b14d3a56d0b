import { afterEach, describe, expect, it } from 'vitest';
import { GridLocator } from '../../../../../../electron/core/features/reference/grid-locator';
import { referenceIndex } from '../../../../../../electron/core/features/reference/reference-index';
import { openDb } from '../../../../../../electron/core/store/db';
import { writeReference } from '../../../../../../electron/core/store/reference';
import type { Community, Grid, Ring } from '../../../../../../shared/features/reference/jurisdiction';
import { TINY_REF, tempDir } from '../../../../../integration/store/fixtures';

const box = (x: number, y: number, w: number, h: number): Ring => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y],
];

const grid = (code: string, communityCode: string, boundary: Ring): Grid => ({
  code,
  name: code,
  communityCode,
  boundary,
  centroid: boundary[0] ?? [0, 0],
});

const community = (code: string, boundary: Ring): Community => ({
  code,
  name: code,
  streetCode: 'S',
  boundary,
  centroid: boundary[0] ?? [0, 0],
  population: 1,
});

// A triangle whose bounding box covers a point the triangle itself does not.
const triangle: Ring = [
  [116.0, 39.0],
  [116.2, 39.0],
  [116.0, 39.2],
  [116.0, 39.0],
];

describe('GridLocator', () => {
  const grids = [
    grid('C2-01', 'C2', box(116.1, 39.0, 0.1, 0.1)), // shares the edge x = 116.1 with C1-02
    grid('C1-02', 'C1', box(116.0, 39.0, 0.1, 0.1)),
    grid(
      'C3-01',
      'C3',
      triangle.map(([x, y]) => [x + 1, y] as const),
    ),
  ];
  const communities = [
    community('C1', box(116.0, 39.0, 0.1, 0.3)),
    community('C2', box(116.1, 39.0, 0.1, 0.3)),
    community('C3', box(117.0, 39.0, 0.3, 0.3)),
  ];
  const loc = new GridLocator(grids, communities);

  it('finds the grid of a point and takes the community from the grid', () => {
    expect(loc.locate([116.05, 39.05])).toEqual({ communityCode: 'C1', gridCode: 'C1-02' });
    expect(loc.locate([116.15, 39.05])).toEqual({ communityCode: 'C2', gridCode: 'C2-01' });
  });

  it('decides by the polygon, not by its bounding box', () => {
    // Inside the triangle's bounding box but outside the triangle, inside community C3.
    expect(loc.locate([117.15, 39.15])).toEqual({ communityCode: 'C3', gridCode: null });
    expect(loc.locate([117.05, 39.05])).toEqual({ communityCode: 'C3', gridCode: 'C3-01' });
  });

  it('gives a point on a shared edge to the lowest code, whatever the input order', () => {
    expect(loc.locate([116.1, 39.05]).gridCode).toBe('C1-02');
    expect(new GridLocator([...grids].reverse()).locate([116.1, 39.05]).gridCode).toBe('C1-02');
  });

  it('falls back to the community where no grid covers the point, and to nulls outside', () => {
    expect(loc.locate([116.05, 39.25])).toEqual({ communityCode: 'C1', gridCode: null });
    expect(loc.locate([118, 40])).toEqual({ communityCode: null, gridCode: null });
  });

  it('works with no polygons at all', () => {
    expect(new GridLocator([], []).locate([116, 39])).toEqual({ communityCode: null, gridCode: null });
  });
});

describe('referenceIndex', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });

  it('is built once per reference version and rebuilt when the version changes', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    cleanups.push(() => db.close());
    const empty = referenceIndex(db);
    expect(empty.loaded).toBe(false);
    expect(empty.locator.locate([116.401, 39.901]).gridCode).toBeNull();

    writeReference(db, TINY_REF);
    const first = referenceIndex(db);
    expect(first).not.toBe(empty);
    expect(first.loaded).toBe(true);
    expect(referenceIndex(db)).toBe(first); // cached: same version, same object
    expect(first.locator.locate([116.401, 39.901]).gridCode).toBe('110105001001-01');
    expect(first.units.has('u-cg')).toBe(true);

    // The grid moves east in version 4: the next lookup sees it.
    const moved = TINY_REF.grids.map((g) =>
      g.code === '110105001001-01' ? { ...g, boundary: box(116.403, 39.9, 0.001, 0.002) } : g,
    );
    writeReference(db, { ...TINY_REF, version: TINY_REF.version + 1, grids: moved });
    const second = referenceIndex(db);
    expect(second).not.toBe(first);
    expect(second.version).toBe(TINY_REF.version + 1);
    expect(second.locator.locate([116.401, 39.901])).toEqual({
      communityCode: '110105001001',
      gridCode: null,
    });
    expect(second.locator.locate([116.4035, 39.901]).gridCode).toBe('110105001001-01');
  });
});
