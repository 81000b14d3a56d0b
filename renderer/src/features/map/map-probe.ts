/**
 * A read-only handle on the map for the end-to-end tests and the benchmark, attached to the map's
 * container element (no global): is it idle, how many basemap features are loaded, where an order
 * is on screen. It exposes nothing the page cannot already see.
 */
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { FirstPaint } from './first-paint';
import type { PointFC } from './map-data';
import { SOURCES } from './map-layers';
import { BASEMAP_SOURCE } from './map-style';

export interface MapProbe {
  idle(): boolean;
  /** When the complete first frame reached the compositor (epoch ms), or null (see first-paint.ts). */
  firstPaintAt(): number | null;
  basemapFeatures(): number;
  orderCount(): number;
  hasOrder(id: string): boolean;
  /** The order's position in CSS pixels relative to the map container, or null. */
  pixelOf(id: string): { x: number; y: number } | null;
  zoom(): number;
  jumpTo(lng: number, lat: number, zoom: number): void;
  /** An animated move (the benchmark's pan/zoom). */
  easeTo(lng: number, lat: number, zoom: number, durationMs: number): void;
  renderedOrders(): number;
  /** 现场力量 points drawn now (the map bench's field-layer row). */
  renderedField(): number;
  /** 城市部件 drawn now, with their position in CSS pixels relative to the map container. */
  renderedAssets(): Array<{ code: string; kind: string; open: number; x: number; y: number }>;
  /** Every string property of the features drawn by symbol (label) layers: a superset of the label texts. */
  renderedLabels(): string[];
  /** A layout property of a layer as the map has it now (e.g. a label's text-size). */
  layoutProperty(layerId: string, name: string): unknown;
  /** The style as drawn (sources' data inline) and the visible bounds: the benchmark's bare-MapLibre baseline. */
  drawnStyle(): { style: StyleSpecification; bounds: [[number, number], [number, number]] };
}

export function installMapProbe(
  el: HTMLElement,
  map: MapLibreMap,
  orders: () => PointFC,
  firstPaint: FirstPaint,
): void {
  const sourceLoaded = (id: string) => {
    try {
      return map.getSource(id) !== undefined && map.isSourceLoaded(id);
    } catch {
      return false;
    }
  };
  const find = (id: string) => orders().features.find((f) => f.properties.id === id);
  const probe: MapProbe = {
    // Not map.loaded(): the overdue pulse keeps paint transitions running, so the map is never
    // 'idle' for long; what matters is that the basemap and the orders are loaded and drawn, and
    // that the complete first frame is on screen (see first-paint.ts).
    idle: () =>
      firstPaint.shownAt() !== null &&
      el.dataset.pending !== 'true' &&
      !map.isMoving() &&
      sourceLoaded(BASEMAP_SOURCE) &&
      sourceLoaded(SOURCES.orders),
    firstPaintAt: () => firstPaint.shownAt(),
    basemapFeatures: () => {
      if (!map.getSource(BASEMAP_SOURCE)) return 0;
      let n = 0;
      for (const layer of ['roads', 'buildings', 'water', 'green', 'blocks', 'land'])
        n += map.querySourceFeatures(BASEMAP_SOURCE, { sourceLayer: layer }).length;
      return n;
    },
    orderCount: () => orders().features.length,
    hasOrder: (id) => find(id) !== undefined,
    pixelOf: (id) => {
      const f = find(id);
      if (!f) return null;
      const p = map.project(f.geometry.coordinates);
      return { x: p.x, y: p.y };
    },
    zoom: () => map.getZoom(),
    jumpTo: (lng, lat, zoom) => map.jumpTo({ center: [lng, lat], zoom }),
    easeTo: (lng, lat, zoom, durationMs) => map.easeTo({ center: [lng, lat], zoom, duration: durationMs }),
    renderedOrders: () => map.queryRenderedFeatures({ layers: ['order-points', 'order-clusters'] }).length,
    renderedField: () =>
      map.getLayer('field-points') ? map.queryRenderedFeatures({ layers: ['field-points'] }).length : 0,
    renderedAssets: () => {
      if (!map.getLayer('asset-points')) return [];
      return map.queryRenderedFeatures({ layers: ['asset-points'] }).map((f) => {
        const p = f.properties as Record<string, unknown>;
        const [lng, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
        const px = map.project([lng, lat]);
        return { code: String(p.code), kind: String(p.assetKind), open: Number(p.open), x: px.x, y: px.y };
      });
    },
    renderedLabels: () => {
      const layers = (map.getStyle().layers ?? []).filter((l) => l.type === 'symbol').map((l) => l.id);
      const out: string[] = [];
      for (const f of map.queryRenderedFeatures({ layers }))
        for (const v of Object.values(f.properties as Record<string, unknown>))
          if (typeof v === 'string') out.push(v);
      return out;
    },
    layoutProperty: (layerId, name) =>
      map.getLayer(layerId)
        ? map.getLayoutProperty(layerId, name as Parameters<MapLibreMap['getLayoutProperty']>[1])
        : undefined,
    drawnStyle: () => {
      const b = map.getBounds();
      return {
        style: map.getStyle(),
        bounds: [
          [b.getWest(), b.getSouth()],
          [b.getEast(), b.getNorth()],
        ],
      };
    },
  };
  Object.defineProperty(el, '__hallMap', { value: probe, configurable: true });
}
