/** map.features: what the map draws besides orders — sites, party organisations, units, grid workers. */
import { ApiError } from '../../../../shared/contract/index';
import type { MapFeatures, MapPartyOrg, MapWorker } from '../../../../shared/features/map/contract';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';
import { maskName, maskPhone } from '../../../../shared/kernel/masking';
import { readReference } from '../../store/reference';
import { openOrdersPerUnit } from './queries';
import type { Handler } from '../../runtime/context';
import { mayseePersonalData } from '../../runtime/masking';

/** Party organisations down to grid branches; building groups and households would crowd the map. */
const DRAWN_LEVELS = new Set(['street_committee', 'community_committee', 'grid_branch']);

function ringCentre(ring: readonly LngLat[]): LngLat {
  const pts = ring.length > 1 ? ring.slice(0, -1) : ring;
  const s = pts.reduce<[number, number]>((a, p) => [a[0] + p[0], a[1] + p[1]], [0, 0]);
  return [s[0] / Math.max(1, pts.length), s[1] / Math.max(1, pts.length)];
}

export const mapFeatures: Handler<'map.features'> = (_input, call, env) => {
  const ref = readReference(env.db);
  if (!ref) throw new ApiError('no_reference');
  const unmasked = mayseePersonalData(call);
  const where = new Map<string, LngLat>();
  where.set(ref.street.code, ringCentre(ref.street.boundary));
  for (const c of ref.communities) where.set(c.code, c.centroid);
  for (const g of ref.grids) where.set(g.code, g.centroid);

  const partyOrgs: MapPartyOrg[] = [];
  for (const o of ref.partyOrgs) {
    const at = where.get(o.areaCode);
    if (!at || !DRAWN_LEVELS.has(o.level)) continue;
    // Offset from the centroid so a grid's branch does not sit on its label.
    const dy = o.level === 'grid_branch' ? -0.0003 : o.level === 'community_committee' ? 0.0004 : 0;
    partyOrgs.push({
      id: o.id,
      name: o.name,
      level: o.level,
      areaCode: o.areaCode,
      memberCount: o.memberCount,
      lng: at[0],
      lat: at[1] + dy,
    });
  }

  const perGrid = new Map<string, number>();
  const workers: MapWorker[] = [];
  for (const p of ref.people) {
    if (p.role !== 'grid_worker' || !p.gridCode) continue;
    const at = where.get(p.gridCode);
    if (!at) continue;
    const k = perGrid.get(p.gridCode) ?? 0;
    perGrid.set(p.gridCode, k + 1);
    // Workers of one grid sit side by side east of its centroid.
    workers.push({
      id: p.id,
      name: unmasked ? p.name : maskName(p.name),
      role: p.role,
      gridCode: p.gridCode,
      phone: unmasked ? p.phone : maskPhone(p.phone),
      lng: at[0] + 0.0004 + k * 0.0003,
      lat: at[1] + 0.0001,
    });
  }

  const load = openOrdersPerUnit(env.db);
  const result: MapFeatures = {
    referenceVersion: ref.version,
    sites: ref.sites.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      communityCode: s.communityCode,
      lng: s.location[0],
      lat: s.location[1],
      services: s.services,
      openingHours: s.openingHours,
    })),
    partyOrgs,
    units: ref.units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      lng: u.location[0],
      lat: u.location[1],
      phone: unmasked ? u.phone : maskPhone(u.phone),
      openOrders: load.get(u.id) ?? 0,
    })),
    workers,
  };
  return result;
};
