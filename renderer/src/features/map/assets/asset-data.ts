/**
 * 城市部件 on the map (pure): the layer is drawn only from zoom 16, for the assets in the view's
 * box; the box is snapped outward to a grid so small pans ask nothing new, and capped around the
 * view's centre at the size the core accepts.
 */
import { ASSET_BOX_MAX_DEG, type AssetsInBoxView } from '../../../../../shared/features/assets/contract';
import type { AssetKind } from '../../../../../shared/features/assets/kinds';
import type { PointFC } from '../map-data';

/** The 部件 layer is drawn from this zoom on (the legend's tooltip says so). */
export const ASSET_MIN_ZOOM = 16;
/** The box is snapped outward to this grid (degrees, ~450 m): a small pan keeps the same box. */
export const ASSET_BOX_STEP = 0.004;

export interface AssetBox {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
}

const snapDown = (v: number) => Math.floor(v / ASSET_BOX_STEP) * ASSET_BOX_STEP;
const snapUp = (v: number) => Math.ceil(v / ASSET_BOX_STEP) * ASSET_BOX_STEP;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** One side capped to the largest box, around its middle. */
function cap(lo: number, hi: number): [number, number] {
  if (hi - lo <= ASSET_BOX_MAX_DEG) return [lo, hi];
  const mid = (lo + hi) / 2;
  return [mid - ASSET_BOX_MAX_DEG / 2, mid + ASSET_BOX_MAX_DEG / 2];
}

/** The box to ask for a view, or null below the layer's zoom. */
export function assetBoxFor(zoom: number, view: AssetBox): AssetBox | null {
  if (zoom < ASSET_MIN_ZOOM) return null;
  const [minLng, maxLng] = cap(snapDown(view.minLng), snapUp(view.maxLng));
  const [minLat, maxLat] = cap(snapDown(view.minLat), snapUp(view.maxLat));
  return { minLng: round6(minLng), minLat: round6(minLat), maxLng: round6(maxLng), maxLat: round6(maxLat) };
}

export const sameBox = (a: AssetBox | null, b: AssetBox | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.minLng === b.minLng &&
    a.minLat === b.minLat &&
    a.maxLng === b.maxLng &&
    a.maxLat === b.maxLat);

/** Colour of each kind's disc (dark glyph on it); none is an order's urgency colour. */
export const ASSET_COLOURS: Record<AssetKind, string> = {
  manhole: '#a7b4c8',
  streetlight: '#f2d16b',
  trash_bin: '#7ed6a0',
  hydrant: '#f28b82',
  camera: '#7fdbe8',
  toilet: '#c9a98c',
  sign: '#f5b971',
  guardrail: '#b8d97a',
};

/** The assets as map points; `glyph` is the one character drawn on the disc. */
export function assetPoints(
  view: AssetsInBoxView | undefined,
  glyph: (kind: AssetKind) => string,
  kindName: (kind: AssetKind) => string,
): PointFC {
  return {
    type: 'FeatureCollection',
    features: (view?.assets ?? []).map((a) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [a.lng, a.lat] as [number, number] },
      properties: {
        kind: 'asset',
        code: a.code,
        assetKind: a.kind,
        kindName: kindName(a.kind),
        name: a.name,
        glyph: glyph(a.kind),
        colour: ASSET_COLOURS[a.kind],
        open: a.open,
      },
    })),
  };
}
