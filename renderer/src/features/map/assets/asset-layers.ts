/**
 * The 城市部件 layers: a disc per asset in its kind's colour with one character on it (井, 灯,
 * 箱 …), ringed in red when open orders name it; drawn only from zoom 16 so the street view is
 * not cluttered. The disc uses the shared circle shader (shared-shaders.ts).
 */
import type { LayerSpecification } from 'maplibre-gl';
import { circlePaint } from '../shared-shaders';
import { ASSET_MIN_ZOOM } from './asset-data';

export const ASSET_SOURCE = 'ov-assets';

export function assetLayers(px: (n: number) => number, danger: string, bg: string): LayerSpecification[] {
  return [
    {
      id: 'asset-points',
      type: 'circle',
      source: ASSET_SOURCE,
      metadata: { group: 'assets' as const },
      minzoom: ASSET_MIN_ZOOM,
      paint: circlePaint({
        'circle-color': ['get', 'colour'] as unknown as string,
        'circle-radius': px(7),
        'circle-stroke-color': ['case', ['>', ['get', 'open'], 0], danger, bg] as unknown as string,
        'circle-stroke-width': ['case', ['>', ['get', 'open'], 0], 2.5, 1] as unknown as number,
      }),
    },
    {
      id: 'asset-glyphs',
      type: 'symbol',
      source: ASSET_SOURCE,
      metadata: { group: 'assets' as const },
      minzoom: ASSET_MIN_ZOOM,
      layout: {
        'text-field': ['get', 'glyph'] as unknown as string,
        'text-size': px(9),
        // The character belongs to its disc: never hidden by (or hiding) other labels.
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#0b1626' },
    },
  ] as LayerSpecification[];
}
