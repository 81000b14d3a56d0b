/**
 * The map's own layers above the basemap, grouped for the legend's toggles. Colours come from the
 * theme's CSS variables at run time (MapLibre needs literals).
 */
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { circlePaint, linePaint } from './shared-shaders';
import { fieldLayers } from './map-field-layers';
import { ASSET_SOURCE, assetLayers } from './assets/asset-layers';

export const LAYER_GROUPS = [
  'boundaries',
  'load',
  'orders',
  'iot',
  'units',
  'workers',
  'field',
  'party',
  'assets',
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const SOURCES = {
  communities: 'ov-communities',
  grids: 'ov-grids',
  gridLabels: 'ov-grid-labels',
  communityLabels: 'ov-community-labels',
  orders: 'ov-orders',
  iot: 'ov-iot',
  units: 'ov-units',
  workers: 'ov-workers',
  sites: 'ov-sites',
  party: 'ov-party',
  /** 现场力量: the latest reported position per person (features/field). */
  field: 'ov-field',
  /** 城市部件 in the view's box, from zoom 16 (assets/). */
  assets: ASSET_SOURCE,
} as const;

export interface Palette {
  readonly p0: string;
  readonly p1: string;
  readonly p2: string;
  readonly p3: string;
  readonly danger: string;
  readonly accent: string;
  readonly ok: string;
  readonly warn: string;
  readonly text: string;
  readonly dim: string;
  readonly bg: string;
  readonly party: string;
  /** Root font size / 16: the theme scales rem with the screen, map symbols follow. */
  readonly scale: number;
}

export function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    p0: v('--p0', '#ff4d4f'),
    p1: v('--p1', '#ff8c2f'),
    p2: v('--p2', '#5fb3ff'),
    p3: v('--p3', '#b48cff'),
    danger: v('--danger', '#ff4d4f'),
    accent: v('--accent', '#3da0ff'),
    ok: v('--ok', '#3ecf8e'),
    warn: v('--warn75', '#f5a623'),
    text: v('--text', '#e6edf7'),
    dim: v('--text-dim', '#9fb0c8'),
    bg: v('--bg', '#0a1220'),
    party: '#e0383e',
    scale: Math.max(1, (parseFloat(css.fontSize) || 16) / 16),
  };
}

type Layer = LayerSpecification & { readonly metadata: { readonly group: LayerGroup } };

const halo = (c: Palette) => ({ 'text-halo-color': c.bg, 'text-halo-width': 1.4 });

export function overlayLayers(c: Palette): Layer[] {
  const px = (n: number) => Math.round(n * c.scale * 10) / 10;
  const g = (group: LayerGroup) => ({ metadata: { group } });
  const urgencyColour = [
    'match',
    ['get', 'urgency'],
    'P0',
    c.p0,
    'P1',
    c.p1,
    'P2',
    c.p2,
    c.p3,
  ] as unknown as string;
  return [
    {
      id: 'grid-load',
      type: 'fill',
      source: SOURCES.grids,
      ...g('load'),
      paint: {
        'fill-color': ['case', ['>', ['get', 'overdue'], 0], c.danger, c.warn] as unknown as string,
        // Strong over the whole street, faint when zoomed in on a grid (the basemap shows through).
        'fill-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          14,
          ['interpolate', ['linear'], ['get', 'load'], 0, 0.04, 1, 0.42],
          17,
          ['interpolate', ['linear'], ['get', 'load'], 0, 0.02, 1, 0.12],
        ] as unknown as number,
      },
    },
    {
      id: 'grid-lines',
      type: 'line',
      source: SOURCES.grids,
      ...g('boundaries'),
      minzoom: 13.5,
      paint: { 'line-color': c.accent, 'line-opacity': 0.45, 'line-width': 0.8, 'line-dasharray': [2, 2] },
    },
    {
      id: 'community-lines',
      type: 'line',
      source: SOURCES.communities,
      ...g('boundaries'),
      paint: linePaint({ 'line-color': c.accent, 'line-width': 1.8, 'line-opacity': 0.85 }),
    },
    {
      id: 'community-labels',
      type: 'symbol',
      source: SOURCES.communityLabels,
      ...g('boundaries'),
      maxzoom: 15.5,
      layout: { 'text-field': ['get', 'name'] as unknown as string, 'text-size': px(14) },
      paint: { 'text-color': c.text, ...halo(c) },
    },
    {
      id: 'grid-labels',
      type: 'symbol',
      source: SOURCES.gridLabels,
      ...g('boundaries'),
      minzoom: 15.5,
      layout: {
        'text-field': ['get', 'name'] as unknown as string,
        'text-size': px(12),
        'text-offset': [0, -1],
      },
      paint: { 'text-color': c.dim, ...halo(c) },
    },
    {
      // The aggregated rest: orders not open (结案 / 挂账 / 并案) as a count per grid.
      id: 'grid-rest',
      type: 'symbol',
      source: SOURCES.gridLabels,
      ...g('load'),
      minzoom: 14.5,
      layout: {
        'text-field': [
          'concat',
          '在办 ',
          ['to-string', ['get', 'open']],
          ' · 已结 ',
          ['to-string', ['get', 'closed']],
        ] as unknown as string,
        'text-size': px(11),
        'text-offset': [0, 0.6],
      },
      paint: { 'text-color': c.dim, ...halo(c) },
    },
    {
      id: 'party-points',
      type: 'circle',
      source: SOURCES.party,
      ...g('party'),
      minzoom: 15,
      // Gold in a red ring: never mistaken for a P0 order (solid red).
      paint: circlePaint({
        'circle-color': '#ffd24a',
        'circle-radius': px(4.5),
        'circle-stroke-color': c.party,
        'circle-stroke-width': 2,
      }),
    },
    {
      id: 'site-points',
      type: 'circle',
      source: SOURCES.sites,
      ...g('party'),
      minzoom: 13.5,
      // A white disc in a thick red ring: a place, not an order.
      paint: circlePaint({
        'circle-color': '#ffffff',
        'circle-radius': [
          'match',
          ['get', 'siteKind'],
          'party_service_center',
          px(6),
          px(4.5),
        ] as unknown as number,
        'circle-stroke-color': c.party,
        'circle-stroke-width': [
          'match',
          ['get', 'siteKind'],
          'party_service_center',
          3.5,
          2.5,
        ] as unknown as number,
      }),
    },
    {
      id: 'site-labels',
      type: 'symbol',
      source: SOURCES.sites,
      ...g('party'),
      minzoom: 15,
      layout: {
        'text-field': ['get', 'name'] as unknown as string,
        'text-size': px(11),
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
      },
      paint: { 'text-color': '#ffb3b3', ...halo(c) },
    },
    {
      id: 'unit-points',
      type: 'circle',
      source: SOURCES.units,
      ...g('units'),
      minzoom: 14.5,
      paint: circlePaint({
        'circle-color': c.ok,
        'circle-radius': px(5),
        'circle-stroke-color': c.bg,
        'circle-stroke-width': 1.5,
      }),
    },
    {
      id: 'unit-labels',
      type: 'symbol',
      source: SOURCES.units,
      ...g('units'),
      minzoom: 16,
      layout: {
        'text-field': ['get', 'name'] as unknown as string,
        'text-size': px(11),
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
      },
      paint: { 'text-color': c.ok, ...halo(c) },
    },
    {
      id: 'worker-points',
      type: 'circle',
      source: SOURCES.workers,
      ...g('workers'),
      minzoom: 15,
      paint: circlePaint({
        'circle-color': '#7fd4ff',
        'circle-radius': px(4),
        'circle-stroke-color': c.bg,
        'circle-stroke-width': 1,
      }),
    },
    {
      id: 'worker-labels',
      type: 'symbol',
      source: SOURCES.workers,
      ...g('workers'),
      minzoom: 16.5,
      layout: {
        'text-field': ['get', 'label'] as unknown as string,
        'text-size': px(11),
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
      },
      paint: { 'text-color': '#7fd4ff', ...halo(c) },
    },
    ...fieldLayers(px, c.bg),
    // Below the orders: an order on an asset is drawn over it and wins the click.
    ...assetLayers(px, c.danger, c.bg),
    {
      id: 'order-clusters',
      type: 'circle',
      source: SOURCES.orders,
      ...g('orders'),
      filter: ['has', 'point_count'],
      paint: circlePaint({
        'circle-color': ['case', ['>', ['get', 'overdue'], 0], c.danger, c.accent] as unknown as string,
        'circle-opacity': 0.75,
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['get', 'point_count'],
          2,
          12,
          100,
          20,
          1000,
          30,
        ] as unknown as number,
        'circle-stroke-color': c.text,
        'circle-stroke-width': 1,
      }),
    },
    {
      id: 'order-cluster-count',
      type: 'symbol',
      source: SOURCES.orders,
      ...g('orders'),
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'] as unknown as string,
        'text-size': px(12),
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'order-pulse',
      type: 'circle',
      source: SOURCES.orders,
      ...g('orders'),
      filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'overdue'], 1]],
      paint: circlePaint({
        'circle-color': c.danger,
        'circle-opacity': 0.5,
        // A fixed ring whose opacity pulses (AwarenessMap): the radius is per feature (shared
        // shader), and changing it would lay the orders' tiles out again at every step.
        'circle-radius': px(11),
        // No transition: each step is one repaint. A smooth transition would redraw the whole map
        // every frame, which software WebGL on a 4K wall cannot afford.
        'circle-opacity-transition': { duration: 0, delay: 0 },
      }),
    },
    {
      id: 'order-points',
      type: 'circle',
      source: SOURCES.orders,
      ...g('orders'),
      filter: ['!', ['has', 'point_count']],
      paint: circlePaint({
        'circle-color': urgencyColour,
        'circle-radius': [
          'match',
          ['get', 'urgency'],
          'P0',
          px(6),
          'P1',
          px(5.5),
          px(4.5),
        ] as unknown as number,
        // The ring says the status: white 待派, blue 待签收, green 处置中, amber 退单审核, grey 待结案.
        'circle-stroke-color': [
          'match',
          ['get', 'status'],
          'received',
          '#ffffff',
          'dispatched',
          c.accent,
          'in_progress',
          c.ok,
          'return_requested',
          c.warn,
          c.dim,
        ] as unknown as string,
        'circle-stroke-width': 1.5,
      }),
    },
    {
      id: 'iot-points',
      type: 'circle',
      source: SOURCES.iot,
      ...g('iot'),
      paint: circlePaint({
        'circle-color': '#00e5ff',
        'circle-radius': px(7),
        'circle-opacity': 0.25,
        'circle-stroke-color': '#00e5ff',
        'circle-stroke-width': 2,
      }),
    },
  ] as Layer[];
}

/** Layers a click opens a popup for, topmost first. */
export const CLICKABLE = [
  'iot-points',
  'order-points',
  'order-clusters',
  'site-points',
  'party-points',
  'unit-points',
  'worker-points',
  'field-points',
  'asset-points',
  'grid-load',
];

export function setGroupVisible(
  map: MapLibreMap,
  layers: readonly Layer[],
  group: LayerGroup,
  visible: boolean,
): void {
  for (const l of layers)
    if (l.metadata.group === group && map.getLayer(l.id))
      map.setLayoutProperty(l.id, 'visibility', visible ? 'visible' : 'none');
}
