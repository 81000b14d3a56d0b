/**
 * 现场力量 in the demo (模拟数据): where grid workers and 双报到 party members on duty stand at
 * a given time. Deterministic (seeded) and closed-form in time, so any instant gives the same
 * positions on every run and nothing has to be remembered between ticks.
 * - Grid workers patrol their own grid during the patrol shifts (DATA.md: 8:00–11:30 and
 *   14:00–20:00 China time), walking a loop of 6 points inside the grid at 0.8–1.3 m/s.
 * - Each 双报到 member volunteers 2 hours on 2 weekdays (drawn per member, 9:00–19:00), walking
 *   a small loop (~150 m) near home.
 * One report per person every 30 s, with a device accuracy of 5–30 m.
 */
import type { FieldReport } from '../../../../../shared/features/field/contract';
import type { LngLat } from '../../../../../shared/features/reference/jurisdiction';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';
import { bbox, pointInPolygon, type Pt } from './geometry';
import { createRng, type Rng } from './random';

export const REPORT_EVERY_MS = 30_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Patrol shifts, minutes of the China day. */
const PATROL_SHIFTS: readonly (readonly [number, number])[] = [
  [8 * 60, 11 * 60 + 30],
  [14 * 60, 20 * 60],
];
const M_PER_DEG_LAT = 111_320;

interface Walker {
  readonly personId: string;
  readonly loop: readonly LngLat[];
  /** Cumulative metres at each point of the loop (closed: the last leg returns to the first). */
  readonly cum: readonly number[];
  readonly total: number;
  readonly speed: number;
  readonly phaseM: number;
  /** Minutes of the China day [from, to) the person is out, per weekday 1–7 (Monday = 1). */
  readonly onDuty: (weekday: number, minute: number) => boolean;
}

function metres(a: LngLat, b: LngLat): number {
  const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot((b[0] - a[0]) * M_PER_DEG_LAT * k, (b[1] - a[1]) * M_PER_DEG_LAT);
}

function samplePoint(rng: Rng, ring: readonly LngLat[]): LngLat {
  const [x0, y0, x1, y1] = bbox(ring as readonly Pt[]);
  for (let i = 0; i < 60; i++) {
    const p: LngLat = [rng.range(x0, x1), rng.range(y0, y1)];
    if (pointInPolygon(p, ring)) return p;
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

function walker(personId: string, loop: LngLat[], rng: Rng, onDuty: Walker['onDuty']): Walker {
  const cum = [0];
  for (let i = 1; i <= loop.length; i++)
    cum.push((cum[i - 1] ?? 0) + metres(loop[i - 1] as LngLat, loop[i % loop.length] as LngLat));
  const total = cum[loop.length] ?? 0;
  return { personId, loop, cum, total, speed: rng.range(0.8, 1.3), phaseM: rng.range(0, total), onDuty };
}

function at(w: Walker, metresWalked: number): LngLat {
  if (w.total <= 0) return w.loop[0] as LngLat;
  const d = (((metresWalked + w.phaseM) % w.total) + w.total) % w.total;
  let i = 0;
  while (i < w.loop.length - 1 && (w.cum[i + 1] ?? 0) <= d) i++;
  const a = w.loop[i] as LngLat;
  const b = w.loop[(i + 1) % w.loop.length] as LngLat;
  const leg = (w.cum[i + 1] ?? 0) - (w.cum[i] ?? 0);
  const f = leg > 0 ? (d - (w.cum[i] ?? 0)) / leg : 0;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

/** Small deterministic hash of a string (person ids) for per-person salts. */
function salt(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface FieldWalk {
  /** Everyone on duty at `t` (snapped to the 30 s report slot), one report each. */
  reportsAt(t: number): FieldReport[];
  readonly walkers: number;
}

export function planFieldWalk(ref: ReferenceData, seed: number): FieldWalk {
  const grids = new Map(ref.grids.map((g) => [g.code, g]));
  const walkers: Walker[] = [];
  for (const p of ref.people) {
    const rng = createRng(seed, 0xf1e1d, salt(p.id));
    if (p.role === 'grid_worker' && p.gridCode) {
      const g = grids.get(p.gridCode);
      if (!g) continue;
      const loop = Array.from({ length: 6 }, () => samplePoint(rng, g.boundary));
      walkers.push(walker(p.id, loop, rng, (_wd, m) => PATROL_SHIFTS.some(([a, b]) => m >= a && m < b)));
    } else if (p.role === 'party_member' && p.home) {
      const home = p.home;
      const r = 150 / M_PER_DEG_LAT;
      const loop = Array.from({ length: 4 }, (_, k): LngLat => {
        const ang = (k / 4) * 2 * Math.PI + rng.range(-0.4, 0.4);
        return [
          home[0] + (r * Math.cos(ang)) / Math.cos((home[1] * Math.PI) / 180),
          home[1] + r * Math.sin(ang),
        ];
      });
      const days = new Set(rng.shuffle([1, 2, 3, 4, 5, 6, 7]).slice(0, 2));
      const from = rng.int(9, 17) * 60;
      walkers.push(walker(p.id, loop, rng, (wd, m) => days.has(wd) && m >= from && m < from + 120));
    }
  }
  return {
    walkers: walkers.length,
    reportsAt(t: number): FieldReport[] {
      const slot = Math.floor(t / REPORT_EVERY_MS) * REPORT_EVERY_MS;
      const local = slot + CHINA_OFFSET_MS;
      const minute = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
      const weekday = ((Math.floor(local / DAY_MS) + 3) % 7) + 1; // 1970-01-01 was a Thursday
      const out: FieldReport[] = [];
      for (const w of walkers) {
        if (!w.onDuty(weekday, minute)) continue;
        const [lng, lat] = at(w, (slot / 1000) * w.speed);
        const acc = createRng(seed, salt(w.personId), slot / REPORT_EVERY_MS);
        out.push({
          personId: w.personId,
          lng: Math.round(lng * 1e6) / 1e6,
          lat: Math.round(lat * 1e6) / 1e6,
          accuracy: acc.int(5, 30),
          at: slot,
        });
      }
      return out;
    },
  };
}
