/**
 * 辖区地图: the offline basemap (served by the app itself, no network), community and grid
 * boundaries, the grid load choropleth with the aggregated rest, every open order (clustered when
 * zoomed out, overdue ones pulsing), IoT alarms, units, grid workers, party organisations and
 * sites. A legend with keyboard-accessible toggles; popups of text nodes only. `masked` (wall
 * mode) keeps names and phone numbers out of every label and popup.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Map as MapLibreMap,
  Popup,
  setWorkerUrl,
  prewarm,
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type SourceSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import { useQuery } from '../../platform/api/use-query';
import { useAuth } from '../auth';
import { fieldPoints, fieldRule, useFieldClock, type FieldFC } from '../field';
import { boundaryPolygons, featurePoints, orderPoints } from './map-data';
import {
  CLICKABLE,
  LAYER_GROUPS,
  SOURCES,
  overlayLayers,
  readPalette,
  setGroupVisible,
  type LayerGroup,
} from './map-layers';
import { popupContent, type Translate } from './map-popup';
import { BASEMAP_SOURCE, activeBasemap, fetchStyle, offlineStyle, withOnlineRaster } from './map-style';
import { MapLegend } from './MapLegend';
import { MapSettingsDialog } from './MapSettingsDialog';
import { holdFirstPaint } from './first-paint';
import { installMapProbe } from './map-probe';
import { syncLayers } from './layer-sync';
import { useAssetLayer } from './assets/use-asset-layer';
import { AssetOverlays } from './assets/AssetOverlays';
import './map.css';

setWorkerUrl(workerUrl);
// The map's worker starts while the app signs in and loads its data, not after the map exists:
// loading and compiling its script takes ~0.5 s on a slow wall PC.
prewarm();

export interface AwarenessMapProps {
  masked: boolean;
  onOpenOrder?: (orderId: string) => void;
  /** Optional: a popup of a unit offers this link when given. */
  onOpenUnit?: (unitId: string) => void;
  className?: string;
}

/** Failed online tiles before the map gives up on them and keeps the offline basemap alone. */
const ONLINE_ERRORS_TO_FALL_BACK = 2;

/** A GeoJSON source for one overlay; open orders cluster when zoomed out. */
function overlaySource(id: string, data: object): SourceSpecification {
  return {
    type: 'geojson',
    data: data as GeoJSONSourceSpecification['data'],
    ...(id === SOURCES.orders
      ? {
          cluster: true,
          clusterRadius: 40,
          clusterMaxZoom: 15,
          clusterProperties: { overdue: ['+', ['get', 'overdue']] },
        }
      : {}),
  };
}

function boundsOf(ring: readonly (readonly [number, number])[]): [[number, number], [number, number]] {
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ];
}

export function AwarenessMap({ masked, onOpenOrder, onOpenUnit, className }: AwarenessMapProps) {
  const { t } = useTranslation();
  const translate: Translate = (key, vars) => t(key, vars ?? {});
  const auth = useAuth();
  const config = useQuery('map.config', {});
  const orders = useQuery('map.orders', {});
  const features = useQuery('map.features', {});
  const reference = useQuery('reference.snapshot', {});
  const field = useQuery('field.positions', {});
  const fieldNow = useFieldClock(field.data?.asOf);
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [overlaysOn, setOverlaysOn] = useState(0);
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>(
    () => Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>,
  );
  const [notice, setNotice] = useState<string | null>(null);
  /** The canvas stays hidden until the basemap and the orders are in (see first-paint.ts). */
  const [shown, setShown] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  /** 城市部件 (assets/): the view's box from zoom 16, its assets, the clicked one. */
  const assets = useAssetLayer();
  const isAdmin = auth ? roleAtLeast(auth.user.role, 'admin') : false;

  const basemap = activeBasemap(config.data);
  const settings = config.data?.settings;
  // The map waits for its data as well as the config: one style with every source in it loads in
  // one pass (tiles of all sources parsed together, a few frames); adding sources one by one after
  // the basemap costs a frame each, and a frame is 100–500 ms on software WebGL.
  const settled = [orders, features, reference].every((q) => q.data !== undefined || q.error !== null);
  const styleKey =
    config.data && settled
      ? `${basemap?.name ?? ''}|${settings?.onlineStyleUrl ?? ''}|${settings?.onlineTileUrl ?? ''}`
      : null;

  // 现场力量 apart from the rest: its ages move every few seconds, and rebuilding the orders'
  // collection with it would send 20,000 points to the worker again for nothing.
  // An unchanged collection (same people, ages and fading) keeps its identity: no setData, no frame.
  const fieldPrev = useRef<{ key: string; fc: FieldFC } | null>(null);
  const fieldFc = useMemo(() => {
    const fc = fieldPoints(field.data, fieldNow, masked, translate);
    const key = JSON.stringify(fc.features);
    if (fieldPrev.current?.key === key) return fieldPrev.current.fc;
    fieldPrev.current = { key, fc };
    return fc;
    // translate is a fresh closure each render; t is stable per language.
  }, [field.data, fieldNow, masked, t]);
  const base = useMemo(() => {
    const b = boundaryPolygons(reference.data, orders.data);
    const f = featurePoints(features.data, masked);
    return {
      [SOURCES.communities]: b.communities,
      [SOURCES.grids]: b.grids,
      [SOURCES.gridLabels]: b.gridLabels,
      [SOURCES.communityLabels]: b.communityLabels,
      [SOURCES.orders]: orderPoints(orders.data, masked),
      [SOURCES.iot]: orderPoints(orders.data, masked, true),
      [SOURCES.units]: f.units,
      [SOURCES.workers]: f.workers,
      [SOURCES.sites]: f.sites,
      [SOURCES.party]: f.party,
    };
  }, [reference.data, orders.data, features.data, masked]);
  const assetFc = assets.fc;
  const data = useMemo(
    () => ({ ...base, [SOURCES.field]: fieldFc, [SOURCES.assets]: assetFc }),
    [base, fieldFc, assetFc],
  );
  const dataRef = useRef(data);
  dataRef.current = data;
  const basemapRef = useRef(basemap);
  basemapRef.current = basemap;
  /** The screen scale (root font size / 16) the map's sizes were built for. */
  const scaleRef = useRef(1);
  const referenceRef = useRef(reference.data);
  referenceRef.current = reference.data;
  /** What each source was last given: an unchanged collection is not sent to the worker again. */
  const sentRef = useRef(new Map<string, object>());
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const actionsRef = useRef({ onOpenOrder, onOpenUnit, translate, assets });
  actionsRef.current = { onOpenOrder, onOpenUnit, translate, assets };

  // The map itself: created once the config says which basemap to draw; restyled when it changes.
  useEffect(() => {
    if (styleKey === null || !box.current) return;
    const palette = readPalette();
    scaleRef.current = palette.scale;
    const layers = overlayLayers(palette);
    let cancelled = false;
    let onlineErrors = 0;
    const offline = offlineStyle(basemap, palette.scale);
    const first = settings?.onlineTileUrl ? withOnlineRaster(offline, settings.onlineTileUrl) : offline;
    let map = mapRef.current;
    const addOverlays = (m: MapLibreMap) => {
      for (const [id, fc] of Object.entries(dataRef.current)) {
        if (m.getSource(id)) continue;
        sentRef.current.set(id, fc);
        m.addSource(id, overlaySource(id, fc));
      }
      for (const l of layers) if (!m.getLayer(l.id)) m.addLayer(l);
      for (const g of LAYER_GROUPS) setGroupVisible(m, layers, g, visibleRef.current[g]);
      setOverlaysOn((n) => n + 1);
    };
    const fallBack = () => {
      if (cancelled) return;
      setNotice(actionsRef.current.translate('map.fallback'));
      mapRef.current?.setStyle(offline);
    };
    if (!map) {
      const street = referenceRef.current?.street;
      const complete: StyleSpecification = {
        ...first,
        sources: { ...first.sources },
        layers: [...first.layers],
      };
      for (const [id, fc] of Object.entries(dataRef.current)) {
        sentRef.current.set(id, fc);
        complete.sources[id] = overlaySource(id, fc);
      }
      complete.layers.push(...layers);
      map = new MapLibreMap({
        container: box.current,
        style: complete,
        // The street's own extent from the start when it is known: no first tiles for a camera
        // that fitBounds would move a moment later.
        ...(street
          ? { bounds: boundsOf(street.boundary), fitBoundsOptions: { padding: 24 } }
          : {
              center: basemap?.center ? [basemap.center[0], basemap.center[1]] : [116.468, 39.893],
              zoom: 13.5,
            }),
        // Labels and tiles appear at once: each fade step is a full frame, and a frame costs
        // 100–500 ms on software WebGL (a wall PC without a GPU driver).
        fadeDuration: 0,
        minZoom: 10,
        maxZoom: 19,
        attributionControl: false,
        localIdeographFontFamily: "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif",
        // Nothing the map asks for leaves the app's origin unless an online basemap is configured.
        cancelPendingTileRequestsWhileZooming: true,
      });
      mapRef.current = map;
      const m = map;
      m.on('click', (e) => {
        const ids = CLICKABLE.filter((id) => m.getLayer(id));
        const hit = m.queryRenderedFeatures(e.point, { layers: ids })[0];
        if (!hit) return;
        const props = { ...(hit.properties as Record<string, unknown>) };
        // An asset opens its card (assets/AssetCard.tsx): a live query, not a static popup.
        if (hit.layer.id === 'asset-points') return actionsRef.current.assets.pick(String(props.code));
        if (hit.layer.id === 'order-clusters') {
          props.kind = 'cluster';
          const src = m.getSource(SOURCES.orders) as GeoJSONSource;
          void src
            .getClusterExpansionZoom(Number(props.cluster_id))
            .then((z) => m.easeTo({ center: e.lngLat, zoom: z }));
        }
        const a = actionsRef.current;
        new Popup({ maxWidth: '22rem', className: 'map-popup-shell' })
          .setLngLat(e.lngLat)
          .setDOMContent(
            popupContent(props, a.translate, { onOpenOrder: a.onOpenOrder, onOpenUnit: a.onOpenUnit }),
          )
          .addTo(m);
      });
      m.on('mousemove', (e) => {
        const ids = CLICKABLE.filter((id) => m.getLayer(id));
        m.getCanvas().style.cursor = m.queryRenderedFeatures(e.point, { layers: ids }).length
          ? 'pointer'
          : '';
      });
      // The 部件 layer asks for the assets of the view's box once the map has settled.
      actionsRef.current.assets.watch(m);
      const container = box.current;
      const firstPaint = holdFirstPaint(m, () => {
        // Visible before the frame is drawn, not at React's next commit.
        delete container.dataset.pending;
        setShown(true);
      });
      installMapProbe(box.current, m, () => dataRef.current[SOURCES.orders], firstPaint);
    } else {
      map.setStyle(first);
    }
    const m = map;
    const onStyle = () => addOverlays(m);
    const onError = (ev: object) => {
      const e = ev as { sourceId?: string };
      if (e.sourceId !== 'online' && e.sourceId !== undefined && e.sourceId !== BASEMAP_SOURCE) {
        // A source of an online style failed.
        if (settings?.onlineStyleUrl && ++onlineErrors >= ONLINE_ERRORS_TO_FALL_BACK) fallBack();
        return;
      }
      if (e.sourceId === 'online' && ++onlineErrors >= ONLINE_ERRORS_TO_FALL_BACK) {
        if (m.getLayer('online-raster')) m.removeLayer('online-raster');
        if (m.getSource('online')) m.removeSource('online');
        setNotice(actionsRef.current.translate('map.fallback'));
      }
    };
    m.on('style.load', onStyle);
    m.on('error', onError);
    if (m.isStyleLoaded()) addOverlays(m);
    if (settings?.onlineStyleUrl) {
      fetchStyle(settings.onlineStyleUrl)
        .then((style) => {
          if (!cancelled) m.setStyle(style);
        })
        .catch(fallBack);
    }
    return () => {
      cancelled = true;
      m.off('style.load', onStyle);
      m.off('error', onError);
    };
    // basemap and settings are folded into styleKey: a new style only when one of them changes.
  }, [styleKey]);

  // Fresh data (an 'orders.changed' hint refetches map.orders) goes into the sources in place.
  useEffect(() => {
    const m = mapRef.current;
    if (!m || overlaysOn === 0) return;
    for (const [id, fc] of Object.entries(data)) {
      const src = m.getSource(id) as GeoJSONSource | undefined;
      // The same object again (the memo did not change it): re-clustering 20,000 points for nothing
      // costs the worker a second and the map a few frames.
      if (!src || sentRef.current.get(id) === fc) continue;
      sentRef.current.set(id, fc);
      void src.setData(fc);
    }
  }, [data, overlaysOn]);

  useEffect(() => {
    const m = mapRef.current;
    if (!m || overlaysOn === 0) return;
    const layers = overlayLayers(readPalette());
    for (const g of LAYER_GROUPS) setGroupVisible(m, layers, g, visible[g]);
  }, [visible, overlaysOn]);

  // The street fills the view when its boundary is known, and again whenever the box changes
  // size (a wall's layout settles after the first paint) until a user pans or zooms.
  const streetBounds = useRef<[[number, number], [number, number]] | null>(null);
  const userMoved = useRef(false);
  useEffect(() => {
    const m = mapRef.current;
    const street = reference.data?.street;
    if (!m || !street || streetBounds.current) return;
    streetBounds.current = boundsOf(street.boundary);
    m.fitBounds(streetBounds.current, { padding: 24, animate: false });
    const onUserMove = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) userMoved.current = true;
    };
    m.on('dragstart', onUserMove);
    m.on('zoomstart', onUserMove);
  }, [reference.data, overlaysOn]);

  // Overdue orders pulse: a red ring that brightens and fades every 0.8 s (one repaint a step, not
  // an animation loop: software WebGL on a 4K wall stays responsive).
  useEffect(() => {
    const m = mapRef.current;
    if (!m || overlaysOn === 0 || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
    let bright = true;
    const timer = setInterval(() => {
      if (!m.getLayer('order-pulse')) return;
      bright = !bright;
      m.setPaintProperty('order-pulse', 'circle-opacity', bright ? 0.5 : 0.12);
    }, 800);
    return () => clearInterval(timer);
  }, [overlaysOn]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const m = mapRef.current;
      if (!m) return;
      m.resize();
      // The theme scales rem with the screen; sizes on the map were built from the old scale.
      // Not gated on isStyleLoaded(): a resize makes tiles load, which makes that false.
      const rescale = () => {
        const palette = readPalette();
        if (palette.scale === scaleRef.current) return;
        try {
          syncLayers(m, [
            ...offlineStyle(basemapRef.current, palette.scale).layers,
            ...overlayLayers(palette),
          ]);
          scaleRef.current = palette.scale;
        } catch {
          // A style still loading refuses changes: try again once the map is idle.
          m.once('idle', rescale);
        }
      };
      rescale();
      if (streetBounds.current && !userMoved.current)
        m.fitBounds(streetBounds.current, { padding: 24, animate: false });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(
    () => () => {
      mapRef.current?.remove();
      mapRef.current = null;
    },
    [],
  );

  const totals = orders.data?.totals;
  return (
    <div
      className={`awareness-map ${className ?? ''}`}
      data-testid="awareness-map"
      data-masked={masked ? 'true' : 'false'}
    >
      <div
        ref={box}
        className="awareness-map-canvas"
        data-pending={shown ? undefined : 'true'}
        role="region"
        aria-label={t('map.label')}
        aria-busy={!shown}
      />
      {!shown && (
        <div className="awareness-map-loading" role="status">
          {t('map.loading')}
        </div>
      )}
      {config.data && !basemap && <div className="awareness-map-notice">{t('map.noBasemap')}</div>}
      {notice && (
        <div className="awareness-map-notice" role="status" data-testid="map-notice">
          {notice}
        </div>
      )}
      {totals && (
        <div className="awareness-map-totals" data-testid="map-totals">
          {t('map.totals', { open: totals.open, overdue: totals.overdue, closed: totals.closed })}
        </div>
      )}
      <AssetOverlays layer={assets} on={visible.assets} onOpenOrder={onOpenOrder} />
      <MapLegend
        visible={visible}
        onToggle={(g, on) => setVisible((v) => ({ ...v, [g]: on }))}
        fieldRule={fieldRule(field.data, translate)}
        showAssetKinds={assets.box !== null}
        onOpenSettings={isAdmin && !masked ? () => setSettingsOpen(true) : undefined}
      />
      {settingsOpen && config.data && (
        <MapSettingsDialog config={config.data} onClose={() => setSettingsOpen(false)} />
      )}
    </div>
  );
}
