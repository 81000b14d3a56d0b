/**
 * Builds the built-in offline basemap (resources/basemap/shuangjing.pmtiles) from the demo street:
 * roads, community blocks and buildings of the generated reference data, plus synthetic water (a
 * river along the north edge, a pond) and green (a riverside belt, parks in the emptiest grids).
 * Vector tiles (geojson-vt + vt-pbf), zoom 12–17, gzip'd, in one PMTiles v3 file.
 * Deterministic: the same code gives the same bytes (tests/integration/basemap-build.test.ts).
 *
 *   npm run basemap            writes the file
 *   npm run basemap -- --check exits 1 when the committed file differs from a fresh build
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import type { LegacyTile } from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import {
  COMPRESSION,
  TILE_TYPE,
  gzipTile,
  writePmtiles,
  type TileInput,
} from '../electron/core/adapters/basemap/pmtiles';
import { generateReference } from '../electron/core/features/demo/generator/reference';
import type { LngLat, Ring } from '../shared/features/reference/jurisdiction';
import type { ReferenceData } from '../shared/features/reference/reference';

export const BUILTIN_BASEMAP_PATH = fileURLToPath(
  new URL('../resources/basemap/shuangjing.pmtiles', import.meta.url),
);
export const BASEMAP_MIN_ZOOM = 12;
export const BASEMAP_MAX_ZOOM = 17;
/** The demo seed (services/demo-seed.ts default). */
const DEMO_SEED = 1;
const MARGIN = 0.012;

type Props = Record<string, string | number>;

function feature(geometry: Geometry, properties: Props): Feature {
  return { type: 'Feature', geometry, properties };
}

const polygon = (ring: readonly LngLat[]): Geometry => ({
  type: 'Polygon',
  coordinates: [ring.map((p) => [p[0], p[1]])],
});

const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** A ring shrunk toward its centroid by factor f (parks inside a grid). */
function shrink(ring: Ring, centre: LngLat, f: number): LngLat[] {
  return ring.map(
    (p) => [r7(centre[0] + (p[0] - centre[0]) * f), r7(centre[1] + (p[1] - centre[1]) * f)] as const,
  );
}

function ellipse(c: LngLat, rx: number, ry: number, n = 24): LngLat[] {
  const pts: LngLat[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    pts.push([r7(c[0] + rx * Math.cos(a)), r7(c[1] + ry * Math.sin(a))]);
  }
  pts.push(pts[0] as LngLat);
  return pts;
}

/** A band between two wavy lines from west to east: the river and its banks. */
function band(west: number, east: number, southOf: (lng: number) => number, width: number): LngLat[] {
  const steps = 40;
  const south: LngLat[] = [];
  const north: LngLat[] = [];
  for (let i = 0; i <= steps; i++) {
    const lng = west + ((east - west) * i) / steps;
    const lat = southOf(lng);
    south.push([r7(lng), r7(lat)]);
    north.push([r7(lng), r7(lat + width)]);
  }
  const ring = [...south, ...north.reverse()];
  ring.push(ring[0] as LngLat);
  return ring;
}

export interface BasemapLayers {
  readonly bounds: readonly [number, number, number, number];
  readonly layers: Record<string, FeatureCollection>;
}

export function basemapLayers(ref: ReferenceData): BasemapLayers {
  const lngs = ref.street.boundary.map((p) => p[0]);
  const lats = ref.street.boundary.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const bounds = [r7(w - MARGIN), r7(s - MARGIN), r7(e + MARGIN), r7(n + MARGIN)] as const;
  const riverSouth = (lng: number) => n + 0.0016 + 0.0004 * Math.sin((lng - w) * 180);

  const buildingsPerGrid = new Map<string, number>();
  for (const b of ref.buildings)
    buildingsPerGrid.set(b.gridCode, (buildingsPerGrid.get(b.gridCode) ?? 0) + 1);
  // Parks go into the three grids with the fewest buildings (ties by code: deterministic).
  const parkGrids = [...ref.grids]
    .sort(
      (a, b) =>
        (buildingsPerGrid.get(a.code) ?? 0) - (buildingsPerGrid.get(b.code) ?? 0) ||
        a.code.localeCompare(b.code),
    )
    .slice(0, 3);

  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const pond = parkGrids[0];
  return {
    bounds,
    layers: {
      land: fc([feature(polygon(ref.street.boundary), { name: ref.street.name })]),
      blocks: fc(ref.communities.map((c) => feature(polygon(c.boundary), { code: c.code, name: c.name }))),
      green: fc([
        feature(polygon(band(bounds[0], bounds[2], (lng) => riverSouth(lng) - 0.0009, 0.0008)), {
          name: '通惠河滨河绿带',
          kind: 'park',
        }),
        ...parkGrids.map((g, i) =>
          feature(polygon(shrink(g.boundary, g.centroid, 0.55)), {
            name: `${g.name.replace(/第\d+网格$/, '')}社区公园${i + 1}`,
            kind: 'park',
          }),
        ),
      ]),
      water: fc([
        feature(polygon(band(bounds[0], bounds[2], riverSouth, 0.0011)), { name: '通惠河', kind: 'river' }),
        ...(pond
          ? [feature(polygon(ellipse(pond.centroid, 0.0009, 0.0005)), { name: '公园湖', kind: 'pond' })]
          : []),
      ]),
      buildings: fc(
        ref.buildings.map((b) =>
          feature(polygon(b.footprint), { name: b.name, kind: b.kind, floors: b.floors }),
        ),
      ),
      roads: fc(
        ref.roads.map((r) =>
          feature(
            { type: 'LineString', coordinates: r.line.map((p) => [p[0], p[1]]) },
            { name: r.name, kind: r.kind },
          ),
        ),
      ),
    },
  };
}

function tileRange(
  z: number,
  b: readonly [number, number, number, number],
): [number, number, number, number] {
  const n = 2 ** z;
  const tx = (lng: number) => Math.floor(((lng + 180) / 360) * n);
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return [tx(b[0]), ty(b[3]), tx(b[2]), ty(b[1])];
}

export function buildBasemap(ref: ReferenceData = generateReference(DEMO_SEED)): Buffer {
  const { bounds, layers } = basemapLayers(ref);
  const indexes = Object.entries(layers).map(
    ([name, data]) =>
      [
        name,
        new GeoJSONVT(data, {
          maxZoom: BASEMAP_MAX_ZOOM,
          indexMaxZoom: BASEMAP_MAX_ZOOM,
          indexMaxPoints: 0,
          tolerance: 3,
          extent: 4096,
          buffer: 64,
        }),
      ] as const,
  );
  const tiles: TileInput[] = [];
  for (let z = BASEMAP_MIN_ZOOM; z <= BASEMAP_MAX_ZOOM; z++) {
    const [x0, y0, x1, y1] = tileRange(z, bounds);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const tileLayers: Record<string, LegacyTile> = {};
        for (const [name, index] of indexes) {
          const t = index.getTile(z, x, y);
          if (t && t.features.length > 0) tileLayers[name] = t;
        }
        if (Object.keys(tileLayers).length === 0) continue;
        tiles.push({ z, x, y, data: gzipTile(fromGeojsonVt(tileLayers, { version: 2 })) });
      }
  }
  const centre = ref.street.boundary.reduce<[number, number]>((a, p) => [a[0] + p[0], a[1] + p[1]], [0, 0]);
  const k = ref.street.boundary.length;
  return writePmtiles(tiles, {
    tileType: TILE_TYPE.mvt,
    tileCompression: COMPRESSION.gzip,
    bounds,
    center: [r7(centre[0] / k), r7(centre[1] / k)],
    centerZoom: 15,
    metadata: {
      name: `${ref.street.name}离线底图`,
      attribution: '演示数据 (合成)',
      vector_layers: Object.keys(layers).map((id) => ({
        id,
        minzoom: BASEMAP_MIN_ZOOM,
        maxzoom: BASEMAP_MAX_ZOOM,
      })),
    },
  });
}

export function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

function main(): void {
  const fresh = buildBasemap();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(BUILTIN_BASEMAP_PATH);
    const same = sha256(committed) === sha256(fresh);
    console.log(same ? 'basemap up to date' : 'basemap differs from a fresh build: run npm run basemap');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(BUILTIN_BASEMAP_PATH, fresh);
  console.log(`wrote ${BUILTIN_BASEMAP_PATH} (${fresh.length} bytes, sha256 ${sha256(fresh).slice(0, 16)})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
