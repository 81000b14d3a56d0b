/** The demo's field force (issue 15 item 4): deterministic, on patrol only during shifts, inside the grid. */
import { describe, expect, it } from 'vitest';
import { planFieldWalk } from '../../../../../../../electron/core/features/demo/generator/field-walk';
import { generateReference } from '../../../../../../../electron/core/features/demo/generator/reference';
import { pointInRing } from '../../../../../../../shared/features/reference/spatial';

const ref = generateReference(1);
/** Tuesday 2026-03-10, China time hh:mm. */
const china = (h: number, m = 0) => Date.UTC(2026, 2, 10, h - 8, m);

describe('planFieldWalk', () => {
  it('is deterministic and walks grid workers inside their grid during the patrol shifts', () => {
    const a = planFieldWalk(ref, 1).reportsAt(china(9, 30));
    const b = planFieldWalk(ref, 1).reportsAt(china(9, 30) + 12_000); // same 30 s slot
    expect(b).toEqual(a);
    const workers = ref.people.filter((p) => p.role === 'grid_worker');
    const grid = new Map(ref.grids.map((g) => [g.code, g]));
    const onPatrol = a.filter((r) => workers.some((w) => w.id === r.personId));
    expect(onPatrol).toHaveLength(workers.length);
    for (const r of onPatrol) {
      const w = workers.find((x) => x.id === r.personId)!;
      expect(pointInRing([r.lng, r.lat], grid.get(w.gridCode!)!.boundary)).toBe(true);
      expect(r.accuracy).toBeGreaterThanOrEqual(5);
      expect(r.accuracy).toBeLessThanOrEqual(30);
    }
    // Lunch (12:30) and night (23:00): no patrol.
    const lunch = planFieldWalk(ref, 1).reportsAt(china(12, 30));
    expect(lunch.filter((r) => workers.some((w) => w.id === r.personId))).toHaveLength(0);
    expect(planFieldWalk(ref, 1).reportsAt(china(23))).toHaveLength(0);
  });

  it('moves people at walking pace between reports, and puts some party members on duty', () => {
    const walk = planFieldWalk(ref, 1);
    const t = china(15);
    const now = new Map(walk.reportsAt(t).map((r) => [r.personId, r]));
    const later = walk.reportsAt(t + 30_000);
    let moved = 0;
    for (const r of later) {
      const p = now.get(r.personId);
      if (!p) continue;
      const m = Math.hypot((r.lng - p.lng) * 85_000, (r.lat - p.lat) * 111_000);
      expect(m).toBeLessThan(45); // ≤ 1.3 m/s × 30 s, plus rounding
      if (m > 5) moved++;
    }
    expect(moved).toBeGreaterThan(later.length / 2);
    // Across a week's afternoons some 双报到 members are out.
    const members = new Set(ref.people.filter((p) => p.role === 'party_member').map((p) => p.id));
    let seen = 0;
    for (let d = 0; d < 7; d++)
      seen += walk.reportsAt(china(15) + d * 86_400_000).filter((r) => members.has(r.personId)).length;
    expect(seen).toBeGreaterThan(5);
  });
});
