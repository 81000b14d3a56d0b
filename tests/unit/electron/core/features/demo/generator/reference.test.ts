import { describe, expect, it } from 'vitest';
import { findResponsibleUnit } from '../../../../../../../shared/features/reference/catalogue';
import { generateReference } from '../../../../../../../electron/core/features/demo/generator/reference';
import {
  pointInPolygon,
  signedArea,
  type Pt,
} from '../../../../../../../electron/core/features/demo/generator/geometry';
import { createRng } from '../../../../../../../electron/core/features/demo/generator/random';
import streetJson from '../../../../../../../resources/demo/street.json';

const ref = generateReference(42);
const area = (ring: readonly (readonly [number, number])[]) =>
  Math.abs(signedArea(ring.slice(0, -1) as Pt[]));

describe('generateReference', () => {
  it('is deterministic and seed-dependent', () => {
    expect(generateReference(42)).toEqual(ref);
    const other = generateReference(43);
    expect(other.communities[0]?.boundary).not.toEqual(ref.communities[0]?.boundary);
    expect(other.people.map((p) => p.name)).not.toEqual(ref.people.map((p) => p.name));
  });

  it('uses the real street and community codes from street.json', () => {
    expect(ref.street.code).toBe(streetJson.street.code);
    expect(ref.street.name).toMatch(/街道$/);
    expect(ref.communities.map((c) => c.code)).toEqual(streetJson.communities.map((c) => c.code));
    for (const c of ref.communities) {
      expect(c.code).toMatch(new RegExp(`^${ref.street.code}\\d{3}$`));
      expect(c.name).toMatch(/社区$/);
    }
    expect(ref.communities.length).toBeGreaterThanOrEqual(15);
    expect(ref.communities.length).toBeLessThanOrEqual(30);
  });

  it('communities tile the street and grids tile each community', () => {
    const streetArea = area(ref.street.boundary);
    const sumComm = ref.communities.reduce((a, c) => a + area(c.boundary), 0);
    expect(Math.abs(sumComm - streetArea) / streetArea).toBeLessThan(1e-4);
    for (const c of ref.communities) {
      const sumGrids = ref.grids
        .filter((g) => g.communityCode === c.code)
        .reduce((a, g) => a + area(g.boundary), 0);
      expect(Math.abs(sumGrids - area(c.boundary)) / area(c.boundary)).toBeLessThan(1e-4);
    }
    // Random points: inside the street ⇒ in exactly one community and exactly one grid.
    const rng = createRng(7);
    const xs = ref.street.boundary.map((p) => p[0]);
    const ys = ref.street.boundary.map((p) => p[1]);
    let inside = 0;
    for (let k = 0; k < 3000; k++) {
      const p: [number, number] = [
        rng.range(Math.min(...xs), Math.max(...xs)),
        rng.range(Math.min(...ys), Math.max(...ys)),
      ];
      if (!pointInPolygon(p, ref.street.boundary)) continue;
      inside++;
      expect(ref.communities.filter((c) => pointInPolygon(p, c.boundary)).length).toBe(1);
      expect(ref.grids.filter((g) => pointInPolygon(p, g.boundary)).length).toBe(1);
    }
    expect(inside).toBeGreaterThan(2000);
  });

  it('has a street of plausible size near Beijing and 60–100 grids', () => {
    const lng = ref.street.boundary.map((p) => p[0]);
    const lat = ref.street.boundary.map((p) => p[1]);
    const wKm = (Math.max(...lng) - Math.min(...lng)) * 111.32 * Math.cos((39.9 * Math.PI) / 180);
    const hKm = (Math.max(...lat) - Math.min(...lat)) * 110.54;
    expect(wKm).toBeGreaterThan(2.4);
    expect(wKm).toBeLessThan(3.6);
    expect(hKm).toBeGreaterThan(2);
    expect(hKm).toBeLessThan(3);
    expect(ref.grids.length).toBeGreaterThanOrEqual(60);
    expect(ref.grids.length).toBeLessThanOrEqual(100);
    for (const r of [ref.street.boundary, ...ref.communities.map((c) => c.boundary)])
      expect(r[0]).toEqual(r[r.length - 1]);
  });

  it('places buildings inside their grids and gives every grid 1–2 grid workers', () => {
    const grids = new Map(ref.grids.map((g) => [g.code, g]));
    expect(ref.buildings.length).toBeGreaterThan(ref.grids.length * 2);
    for (const b of ref.buildings) {
      const g = grids.get(b.gridCode);
      expect(g).toBeDefined();
      for (const p of b.footprint) expect(pointInPolygon(p, g?.boundary ?? [])).toBe(true);
    }
    for (const g of ref.grids) {
      const n = ref.people.filter((p) => p.role === 'grid_worker' && p.gridCode === g.code).length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(2);
    }
  });

  it('has a three-level catalogue of realistic size with valid codes and parents', () => {
    const codes = new Set(ref.categories.map((c) => c.code));
    const byLevel = [1, 2, 3].map((l) => ref.categories.filter((c) => c.level === l).length);
    expect(byLevel[0]).toBeGreaterThanOrEqual(10);
    expect(byLevel[0]).toBeLessThanOrEqual(14);
    expect(byLevel[1]).toBeGreaterThanOrEqual(50);
    expect(byLevel[1]).toBeLessThanOrEqual(70);
    expect(byLevel[2]).toBeGreaterThanOrEqual(180);
    expect(byLevel[2]).toBeLessThanOrEqual(240);
    expect(codes.size).toBe(ref.categories.length);
    for (const c of ref.categories) {
      expect(c.code).toMatch(/^\d{2}(\.\d{2}(\.\d{3})?)?$/);
      if (c.level > 1) expect(codes.has(c.parentCode ?? '')).toBe(true);
    }
  });

  it('the responsibility list names an existing unit for every leaf in every community', () => {
    const units = new Set(ref.units.map((u) => u.id));
    for (const leaf of ref.categories.filter((c) => c.level === 3)) {
      for (const c of ref.communities) {
        const r = findResponsibleUnit(ref.responsibility, leaf.code, c.code);
        expect(r, `${leaf.code} in ${c.code}`).not.toBeNull();
        expect(units.has(r?.unitId ?? '')).toBe(true);
      }
    }
  });

  it('has units, people, party organisations and sites that reference each other', () => {
    const unitIds = new Set(ref.units.map((u) => u.id));
    const kinds = new Set(ref.units.map((u) => u.kind));
    for (const k of [
      'department',
      'community_office',
      'property_company',
      'co_building_unit',
      'utility',
      'street_office',
    ])
      expect(kinds.has(k as never)).toBe(true);
    for (const u of ref.units.filter((x) => x.kind === 'co_building_unit')) {
      expect(u.needs.length + u.resources.length + u.projects.length).toBeGreaterThan(0);
    }
    const ids = new Set(ref.people.map((p) => p.id));
    expect(ids.size).toBe(ref.people.length);
    for (const p of ref.people) {
      if (p.unitId) expect(unitIds.has(p.unitId)).toBe(true);
      // Synthetic phone range only.
      expect(p.phone).toMatch(/^1390000\d{4}$/);
    }
    const members = ref.people.filter((p) => p.role === 'party_member');
    expect(members.length).toBeGreaterThan(50);
    expect(members.every((m) => m.dualRegistered && m.skills.length > 0)).toBe(true);
    const orgs = new Map(ref.partyOrgs.map((o) => [o.id, o]));
    const areas = new Set([
      ref.street.code,
      ...ref.communities.map((c) => c.code),
      ...ref.grids.map((g) => g.code),
      ...ref.buildings.map((b) => b.code),
    ]);
    const order = [
      'street_committee',
      'community_committee',
      'grid_branch',
      'building_group',
      'member_household',
    ];
    for (const o of ref.partyOrgs) {
      expect(areas.has(o.areaCode)).toBe(true);
      if (o.parentId === null) expect(o.level).toBe('street_committee');
      else expect(order.indexOf(orgs.get(o.parentId)?.level ?? '')).toBe(order.indexOf(o.level) - 1);
      if (o.secretaryId) expect(ids.has(o.secretaryId)).toBe(true);
    }
    for (const lvl of order) expect(ref.partyOrgs.some((o) => o.level === lvl)).toBe(true);
    expect(ref.sites.filter((s) => s.kind === 'party_service_center').length).toBe(ref.communities.length);
    expect(ref.sites.filter((s) => s.kind === 'red_station').length).toBeGreaterThanOrEqual(3);
    const roadKinds = new Set(ref.roads.map((r) => r.kind));
    expect([...roadKinds].sort()).toEqual(['lane', 'main', 'secondary']);
  });
});
