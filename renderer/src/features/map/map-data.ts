/** GeoJSON for the map's own sources, built from map.orders / map.features / reference.snapshot. */
import type { ReferenceSnapshot } from '../../../../shared/contract/index';
import type { GridLoad, MapFeatures, MapOrders } from '../../../../shared/features/map/contract';
import { maskPhonesIn, shownName } from './map-mask';

type Props = Record<string, string | number | boolean | null>;

/** Minimal GeoJSON shapes (the renderer does not depend on @types/geojson). */
export interface PointFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
  readonly properties: Props;
}
export interface PolygonFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Polygon'; readonly coordinates: [number, number][][] };
  readonly properties: Props;
}
export interface PointFC {
  readonly type: 'FeatureCollection';
  readonly features: PointFeature[];
}
export interface PolygonFC {
  readonly type: 'FeatureCollection';
  readonly features: PolygonFeature[];
}

const pointFC = (features: PointFC['features']): PointFC => ({ type: 'FeatureCollection', features });
const pt = (lng: number, lat: number, properties: Props): PointFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties,
});

/** Open orders; `kind` tells popups what was clicked. Titles lose phone numbers when masked. */
export function orderPoints(orders: MapOrders | undefined, masked: boolean, iotOnly = false): PointFC {
  if (!orders) return pointFC([]);
  const o = orders.open;
  const out: PointFC['features'] = [];
  for (let i = 0; i < o.id.length; i++) {
    if (iotOnly && o.iot[i] !== 1) continue;
    const title = o.title[i] ?? '';
    out.push(
      pt(o.lng[i] as number, o.lat[i] as number, {
        kind: iotOnly ? 'iot' : 'order',
        id: o.id[i] as string,
        urgency: o.urgency[i] as string,
        status: o.status[i] as string,
        overdue: o.overdue[i] as number,
        title: masked ? maskPhonesIn(title) : title,
        grid: o.gridCode[i] ?? null,
      }),
    );
  }
  return pointFC(out);
}

/** Quantile-free load scale: share of the busiest grid's open orders, 0…1. */
function loadShare(g: GridLoad | undefined, max: number): number {
  if (!g || max <= 0) return 0;
  return Math.round((g.open / max) * 100) / 100;
}

export function boundaryPolygons(
  ref: ReferenceSnapshot | undefined,
  orders: MapOrders | undefined,
): { communities: PolygonFC; grids: PolygonFC; gridLabels: PointFC; communityLabels: PointFC } {
  const loads = new Map((orders?.grids ?? []).map((g) => [g.gridCode, g]));
  const max = Math.max(0, ...(orders?.grids ?? []).map((g) => g.open));
  const poly = (ring: readonly (readonly [number, number])[], properties: Props): PolygonFeature => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring.map((p) => [p[0], p[1]])] },
    properties,
  });
  const communities = (ref?.communities ?? []).map((c) =>
    poly(c.boundary, { kind: 'community', code: c.code, name: c.name }),
  );
  const gridProps = (code: string, name: string, community: string): Props => {
    const l = loads.get(code);
    return {
      kind: 'grid',
      code,
      name,
      community,
      open: l?.open ?? 0,
      overdue: l?.overdue ?? 0,
      closed: l?.closed ?? 0,
      other: l?.other ?? 0,
      load: loadShare(l, max),
    };
  };
  const names = new Map((ref?.communities ?? []).map((c) => [c.code, c.name]));
  const grids = (ref?.grids ?? []).map((g) =>
    poly(g.boundary, gridProps(g.code, g.name, names.get(g.communityCode) ?? '')),
  );
  const gridLabels = (ref?.grids ?? []).map((g) =>
    pt(g.centroid[0], g.centroid[1], gridProps(g.code, g.name, names.get(g.communityCode) ?? '')),
  );
  const communityLabels = (ref?.communities ?? []).map((c) =>
    pt(c.centroid[0], c.centroid[1], { kind: 'community', code: c.code, name: c.name }),
  );
  return {
    communities: { type: 'FeatureCollection', features: communities },
    grids: { type: 'FeatureCollection', features: grids },
    gridLabels: pointFC(gridLabels),
    communityLabels: pointFC(communityLabels),
  };
}

const WORKER_ROLE_LABEL = '网格员';

export function featurePoints(f: MapFeatures | undefined, masked: boolean) {
  const units = (f?.units ?? []).map((u) =>
    pt(u.lng, u.lat, {
      kind: 'unit',
      id: u.id,
      name: u.name,
      unitKind: u.kind,
      phone: masked ? '' : u.phone,
      open: u.openOrders,
    }),
  );
  const workers = (f?.workers ?? []).map((w) =>
    pt(w.lng, w.lat, {
      kind: 'worker',
      id: w.id,
      // Wall mode: the surname and stars only; never the phone.
      label: `${WORKER_ROLE_LABEL} ${shownName(w.name, masked)}`,
      name: shownName(w.name, masked),
      grid: w.gridCode,
      phone: masked ? '' : w.phone,
    }),
  );
  const sites = (f?.sites ?? []).map((s) =>
    pt(s.lng, s.lat, {
      kind: 'site',
      id: s.id,
      siteKind: s.kind,
      name: s.name,
      services: s.services.join('、'),
      hours: s.openingHours,
    }),
  );
  const party = (f?.partyOrgs ?? []).map((o) =>
    pt(o.lng, o.lat, { kind: 'party', id: o.id, name: o.name, level: o.level, members: o.memberCount }),
  );
  return { units: pointFC(units), workers: pointFC(workers), sites: pointFC(sites), party: pointFC(party) };
}
