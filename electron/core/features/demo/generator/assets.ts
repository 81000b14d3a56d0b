/**
 * The demo street's 城市部件 layer (GB/T 30428): street lights, manholes, bins, hydrants,
 * cameras, traffic signs and guardrails along every road at a spacing per kind (lights on
 * alternate sides), and a public toilet per community. A few thousand in all; deterministic
 * (derived from the road geometry; no random stream).
 */
import { along, lineLength } from '../../../../../shared/features/address/match';
import { ASSET_KINDS, type AssetKind } from '../../../../../shared/features/assets/kinds';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';

export interface DemoAsset {
  readonly code: string;
  readonly kind: AssetKind;
  readonly name: string;
  readonly lng: number;
  readonly lat: number;
  readonly road: string | null;
}

/** Metres between two of a kind along a road (main roads denser), and the side offset. */
const SPACING: ReadonlyArray<readonly [AssetKind, number, number]> = [
  ['streetlight', 35, 12],
  ['manhole', 60, 3],
  ['trash_bin', 90, 9],
  ['hydrant', 130, 10],
  ['camera', 260, 11],
  ['sign', 210, 10],
  ['guardrail', 170, 7],
];

const r7 = (x: number): number => Math.round(x * 1e7) / 1e7;

export function demoAssets(ref: ReferenceData): DemoAsset[] {
  const out: DemoAsset[] = [];
  ref.roads.forEach((road, ri) => {
    const len = lineLength(road.line);
    const rk = String(ri + 1).padStart(2, '0');
    for (const [kind, gap, side] of SPACING) {
      const step = road.kind === 'lane' ? gap * 1.5 : gap;
      let n = 0;
      for (let d = step / 2; d < len; d += step) {
        n++;
        const s = kind === 'streetlight' || kind === 'trash_bin' ? (n % 2 ? side : -side) : side;
        const [lng, lat] = along(road.line, d, s);
        const k = ASSET_KINDS[kind];
        out.push({
          code: `${k.prefix}-${rk}-${String(n).padStart(4, '0')}`,
          kind,
          name: `${road.name}${k.name}${n}号`,
          lng: r7(lng),
          lat: r7(lat),
          road: road.name,
        });
      }
    }
  });
  ref.communities.forEach((c, ci) => {
    out.push({
      code: `GC-C${String(ci + 1).padStart(2, '0')}`,
      kind: 'toilet',
      name: `${c.name.replace(/社区$/, '')}公厕`,
      lng: r7(c.centroid[0] + 0.0004),
      lat: r7(c.centroid[1] - 0.0003),
      road: null,
    });
  });
  return out;
}
