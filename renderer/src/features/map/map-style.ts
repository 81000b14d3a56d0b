/**
 * The offline basemap style: our own vector tiles (land, blocks, water, green, buildings, roads)
 * served by the app at /basemap/<name>/{z}/{x}/{y}.pbf. No `glyphs`: labels use local fonts, so
 * drawing the map needs no network at all.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapEntry, MapConfig } from '../../../../shared/features/map/contract';
import { fillPaint } from './shared-shaders';

export const BASEMAP_SOURCE = 'basemap';

/** Colours of the dark hall theme (theme.css --bg family), as MapLibre needs literals. */
const MAP_COLOURS = {
  background: '#0b1626',
  land: '#0f1d31',
  blocks: '#122339',
  water: '#123e66',
  green: '#143a2c',
  building: '#1b2d48',
  buildingLine: '#25406a',
  roadMain: '#3a5375',
  roadSecondary: '#2e4562',
  roadLane: '#243852',
  label: '#9fb0c8',
  halo: '#0a1220',
} as const;

/** Absolute tile URL on the app's own origin; a string (new URL() would encode the braces). */
function tileUrl(tilePath: string): string {
  return `${window.location.origin}${tilePath}`;
}

/** `scale`: root font size / 16, so labels grow with the rem-scaled wall. */
export function offlineStyle(basemap: BasemapEntry | null, scale = 1): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLOURS.background } }],
  };
  if (!basemap) return style;
  if (basemap.format !== 'pbf') {
    style.sources[BASEMAP_SOURCE] = {
      type: 'raster',
      tiles: [tileUrl(basemap.tilePath)],
      tileSize: 256,
      minzoom: basemap.minzoom,
      maxzoom: basemap.maxzoom,
    };
    style.layers.push({ id: 'basemap-raster', type: 'raster', source: BASEMAP_SOURCE });
    return style;
  }
  style.sources[BASEMAP_SOURCE] = {
    type: 'vector',
    tiles: [tileUrl(basemap.tilePath)],
    minzoom: basemap.minzoom,
    maxzoom: basemap.maxzoom,
    ...(basemap.bounds ? { bounds: [...basemap.bounds] as [number, number, number, number] } : {}),
  };
  const has = (layer: string) => basemap.vectorLayers.length === 0 || basemap.vectorLayers.includes(layer);
  const src = { source: BASEMAP_SOURCE };
  if (has('land'))
    style.layers.push({
      id: 'bm-land',
      type: 'fill',
      ...src,
      'source-layer': 'land',
      paint: fillPaint({ 'fill-color': MAP_COLOURS.land }),
    });
  if (has('blocks'))
    style.layers.push({
      id: 'bm-blocks',
      type: 'fill',
      ...src,
      'source-layer': 'blocks',
      paint: fillPaint({ 'fill-color': MAP_COLOURS.blocks, 'fill-outline-color': MAP_COLOURS.background }),
    });
  if (has('green'))
    style.layers.push({
      id: 'bm-green',
      type: 'fill',
      ...src,
      'source-layer': 'green',
      paint: fillPaint({ 'fill-color': MAP_COLOURS.green }),
    });
  if (has('water'))
    style.layers.push({
      id: 'bm-water',
      type: 'fill',
      ...src,
      'source-layer': 'water',
      paint: fillPaint({ 'fill-color': MAP_COLOURS.water }),
    });
  if (has('buildings'))
    style.layers.push({
      id: 'bm-buildings',
      type: 'fill',
      ...src,
      'source-layer': 'buildings',
      minzoom: 14,
      paint: fillPaint({
        'fill-color': MAP_COLOURS.building,
        'fill-outline-color': MAP_COLOURS.buildingLine,
      }),
    });
  if (has('roads')) {
    style.layers.push({
      id: 'bm-roads',
      type: 'line',
      ...src,
      'source-layer': 'roads',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': [
          'match',
          ['get', 'kind'],
          'main',
          MAP_COLOURS.roadMain,
          'secondary',
          MAP_COLOURS.roadSecondary,
          MAP_COLOURS.roadLane,
        ],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          12,
          ['match', ['get', 'kind'], 'main', 1.5, 0.6],
          17,
          ['match', ['get', 'kind'], 'main', 10, 'secondary', 6, 3],
          19,
          ['match', ['get', 'kind'], 'main', 28, 'secondary', 16, 8],
        ],
      },
    });
    style.layers.push({
      id: 'bm-road-labels',
      type: 'symbol',
      ...src,
      'source-layer': 'roads',
      minzoom: 15,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-size': Math.round(12 * scale),
        'text-max-angle': 30,
      },
      paint: { 'text-color': MAP_COLOURS.label, 'text-halo-color': MAP_COLOURS.halo, 'text-halo-width': 1.2 },
    });
  }
  if (has('water'))
    style.layers.push({
      id: 'bm-water-labels',
      type: 'symbol',
      ...src,
      'source-layer': 'water',
      minzoom: 14,
      layout: { 'text-field': ['get', 'name'], 'text-size': Math.round(12 * scale) },
      paint: { 'text-color': '#6fa8dc', 'text-halo-color': MAP_COLOURS.halo, 'text-halo-width': 1 },
    });
  return style;
}

/** An online raster tile template drawn above the offline basemap (which stays as the fallback). */
export function withOnlineRaster(style: StyleSpecification, url: string): StyleSpecification {
  return {
    ...style,
    sources: { ...style.sources, online: { type: 'raster', tiles: [url], tileSize: 256 } },
    layers: [
      ...style.layers,
      { id: 'online-raster', type: 'raster', source: 'online', paint: { 'raster-opacity': 0.9 } },
    ],
  };
}

/** The basemap the settings select, else the built-in one, else any. */
export function activeBasemap(config: MapConfig | undefined) {
  if (!config) return null;
  const want = config.settings.activeBasemap;
  return (
    config.basemaps.find((b) => b.name === want) ??
    config.basemaps.find((b) => b.builtin) ??
    config.basemaps[0] ??
    null
  );
}

const ONLINE_TIMEOUT_MS = 5000;

/** An online MapLibre style, given up after 5 s. */
export async function fetchStyle(url: string): Promise<StyleSpecification> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ONLINE_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: ctl.signal, credentials: 'omit' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const style = (await res.json()) as StyleSpecification;
    if (style.version !== 8 || !style.layers) throw new Error('not a style');
    return style;
  } finally {
    clearTimeout(timer);
  }
}
