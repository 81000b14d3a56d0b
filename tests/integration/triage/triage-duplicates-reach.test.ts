/**
 * What the duplicate lookup reads (issue 14, p95 ≤ 5 ms at 1 M orders): the index range, the box
 * and the disc around the point only skip orders that matchDuplicate would drop. On a real demo
 * store (in-process core, real SQLite file) the lookup finds exactly what scoring every order of
 * the community finds; and orders right at 150 m — due north and east, where the former box was
 * 0.11 % too tight — are found.
 */
import { describe, expect, it } from 'vitest';
import { referenceIndex } from '../../../electron/core/features/reference';
import {
  findDuplicates,
  ordersForEval,
  probeAssetCode,
  type EvalRow,
} from '../../../electron/core/features/triage';
import { openReader } from '../../../electron/core/store/db';
import type { ReadableDb } from '../../../electron/core/store/types';
import type { DuplicateCandidate } from '../../../shared/features/triage/contract';
import { DUP_NEAR_M, matchDuplicate, metres } from '../../../shared/features/triage/duplicates';
import { demoCoreForFile } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const NOW = Date.UTC(2026, 5, 1, 4);
const demo = demoCoreForFile(45, NOW);

interface Probe {
  readonly point?: [number, number];
  readonly communityCode?: string;
  readonly text: string;
  readonly categoryCode?: string;
  readonly receivedAt: number;
  readonly excludeOrderId?: string;
  readonly address?: string;
}

/** Every non-merged order of the probe's community scored: what the lookup must find. */
function scoreAll(db: ReadableDb, all: readonly EvalRow[], p: Probe): string[] {
  const community = p.communityCode ?? referenceIndex(db).locator.locate(p.point!).communityCode;
  const probe = {
    point: p.point ?? null,
    communityCode: community,
    text: p.text,
    categoryCode: p.categoryCode ?? null,
    receivedAt: p.receivedAt,
    assetCode: null,
  };
  const out: { line: string }[] = [];
  for (const r of all) {
    if (r.status === 'merged' || r.communityCode !== community || r.id === p.excludeOrderId) continue;
    const m = matchDuplicate(probe, {
      id: r.id,
      lng: r.lng,
      lat: r.lat,
      communityCode: r.communityCode,
      text: `${r.title} ${r.description}`,
      categoryCode: r.categoryCode,
      receivedAt: r.receivedAt,
      address: r.address,
    });
    if (m) out.push({ line: line(r.id, m) });
  }
  return out.map((x) => x.line).sort();
}

function line(id: string, m: Pick<DuplicateCandidate, 'score' | 'reasons' | 'distanceM'>): string {
  return `${id} ${m.score} ${m.reasons.join(',')} ${m.distanceM ?? '-'}`;
}

describe('triage.duplicates reads only what it may skip', () => {
  it('finds exactly what scoring every order of the community finds (placed, unplaced, short texts)', () => {
    const db = openReader(demo.dir);
    try {
      const all = ordersForEval(db);
      const inWindow = (r: EvalRow): boolean => r.receivedAt > NOW - 40 * 86_400_000;
      const rows = all.filter((r) => r.lng !== null && r.lat !== null && inWindow(r));
      const probes: Probe[] = [];
      const step = Math.max(1, Math.floor(rows.length / 160));
      for (let i = 0, k = 0; i < rows.length && probes.length < 260; i += step, k++) {
        const r = rows[i]!;
        const placed: Probe = {
          point: [r.lng!, r.lat!],
          text: `${r.title} ${r.description}`,
          categoryCode: r.categoryCode,
          receivedAt: r.receivedAt,
          excludeOrderId: r.id,
          address: r.address,
        };
        if (probeAssetCode(db, placed) !== null) continue; // 同一部件 is triage-assets.test.ts'
        probes.push(placed);
        if (k % 4 === 0)
          probes.push({
            point: placed.point!,
            text: r.title.slice(0, 4),
            receivedAt: r.receivedAt + 3_600_000,
          });
        // Without a point: the community is the place (only the class or the 48 hours can match).
        if (k % 4 === 1 && r.communityCode)
          probes.push({
            communityCode: r.communityCode,
            text: placed.text,
            categoryCode: r.categoryCode,
            receivedAt: r.receivedAt,
            excludeOrderId: r.id,
          });
        if (k % 4 === 2 && r.communityCode)
          probes.push({
            communityCode: r.communityCode,
            text: r.title,
            receivedAt: r.receivedAt - 86_400_000,
          });
        if (k % 4 === 3 && r.communityCode)
          probes.push({
            communityCode: r.communityCode,
            text: r.title.slice(0, 6),
            categoryCode: r.categoryCode.slice(0, 5),
            receivedAt: r.receivedAt,
          });
      }
      expect(probes.length).toBeGreaterThan(150);
      let found = 0;
      for (const p of probes) {
        // As sets (each line: id, score, reasons, metres): ties may come in either order.
        const got = findDuplicates(db, p, 10_000)
          .map((c) => line(c.orderId, c))
          .sort();
        expect(got).toEqual(scoreAll(db, all, p));
        found += got.length;
      }
      // Most probes have candidates: the comparison is not of empty lists.
      expect(found).toBeGreaterThan(probes.length);
    } finally {
      db.close();
    }
  });

  it('finds orders at 150 m due north and east and 149 m on the diagonal, not at 153 m', async () => {
    const db = openReader(demo.dir);
    try {
      const ref = referenceIndex(db);
      const at = (c: readonly [number, number], north: number, east: number): [number, number] => [
        c[0] + east / (111_195 * Math.cos((c[1] * Math.PI) / 180)),
        c[1] + north / 111_195,
      ];
      const d45 = 149 / Math.SQRT2;
      const offsets: Record<string, [number, number]> = {
        north150: [150, 0],
        east150: [0, 150],
        south150: [-150, 0],
        diagonal149: [d45, -d45],
        north153: [153, 0],
      };
      // A centre whose 160 m around lie in one community (candidates are read by community).
      const centre = ordersForEval(db)
        .filter((r) => r.lng !== null && r.lat !== null)
        .map((r) => [r.lng!, r.lat!] as [number, number])
        .find((c) => {
          const home = ref.locator.locate(c).communityCode;
          return (
            home !== null &&
            [0, 45, 90, 135, 180, 225, 270, 315].every((deg) => {
              const a = (deg * Math.PI) / 180;
              return ref.locator.locate(at(c, 160 * Math.cos(a), 160 * Math.sin(a))).communityCode === home;
            })
          );
        })!;
      expect(centre).toBeDefined();
      const snap = await demo.core.call('reference.snapshot', {}, officer);
      const leaf = snap.categories.find((c) => c.level === 3 && c.name === '路灯不亮')!.code;
      const ids: Record<string, string> = {};
      for (const [name, [n, e]] of Object.entries(offsets)) {
        const [lng, lat] = at(centre, n, e);
        const made = await demo.core.call(
          'orders.create',
          {
            orderId: `reach-${name}`,
            order: {
              source: 'grid',
              appealType: 'report',
              categoryCode: leaf,
              urgency: 'P2',
              title: '路灯不亮，晚上一片漆黑',
              address: '测试路1号',
              lng,
              lat,
            },
          },
          officer,
        );
        ids[name] = made.order.id;
      }
      const probe = {
        point: centre,
        text: '路灯不亮，晚上一片漆黑',
        categoryCode: leaf,
        receivedAt: NOW + 3_600_000,
      };
      // The set-up is what it says: metres() rounds these to 150 / 149 / 153 m.
      for (const [name, [n, e]] of Object.entries(offsets))
        expect(Math.round(metres(centre, at(centre, n, e)))).toBe(Number(name.slice(-3)));
      const got = findDuplicates(db, probe, 10_000);
      const byId = new Map(got.map((c) => [c.orderId, c]));
      for (const name of ['north150', 'east150', 'south150', 'diagonal149']) {
        const c = byId.get(ids[name]!);
        expect(c, name).toBeDefined();
        expect(c!.reasons).toContain('near');
        expect(c!.distanceM).toBeLessThanOrEqual(DUP_NEAR_M);
      }
      expect(byId.has(ids.north153!)).toBe(false);
    } finally {
      db.close();
    }
  });
});
