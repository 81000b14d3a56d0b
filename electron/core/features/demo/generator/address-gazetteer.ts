/**
 * The demo street's address extras (issue 14 item 4): house-number ranges per road side (odd on
 * the left of the line's direction, even on the right; main roads carry on numbering from
 * outside the street, so they start at 41/42), the bridges where main roads cross (双井桥 is
 * where 东三环中路 meets 广渠路, as in Beijing), and the common names of a few estates (富力城).
 * Deterministic: derived from the generated reference data alone.
 */
import {
  crossing,
  defaultRanges,
  DEFAULT_NUMBER_SPACING_M,
} from '../../../../../shared/features/address/match';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';

export interface DemoRoadRange {
  readonly roadId: string;
  readonly side: 'odd' | 'even';
  readonly first: number;
  readonly last: number;
}

export interface DemoLandmark {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly lng: number;
  readonly lat: number;
  readonly aliases: readonly string[];
}

const BRIDGES: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  ['双井桥', '东三环中路', '广渠路', ['双井立交桥', '双井立交']],
  ['劲松桥', '东三环中路', '松榆北路', ['劲松立交桥']],
  ['大望桥', '西大望路', '广渠路', []],
  ['百子湾桥', '西大望路', '百子湾路', []],
];

const ESTATES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['富力城', '富力社区', ['富力城小区']],
  ['富力西区', '富力西社区', []],
  ['九龙花园', '九龙社区', ['九龙花园小区']],
  ['光环小区', '光环社区', []],
];

export function demoGazetteerExtras(ref: ReferenceData): {
  ranges: DemoRoadRange[];
  landmarks: DemoLandmark[];
} {
  const ranges: DemoRoadRange[] = [];
  for (const r of ref.roads) {
    const def = defaultRanges(r.line);
    const shift = r.kind === 'main' ? 40 : 0;
    ranges.push({ roadId: r.id, side: 'odd', first: def.odd[0] + shift, last: def.odd[1] + shift });
    ranges.push({ roadId: r.id, side: 'even', first: def.even[0] + shift, last: def.even[1] + shift });
  }
  const landmarks: DemoLandmark[] = [];
  BRIDGES.forEach(([name, a, b, aliases], i) => {
    const ra = ref.roads.find((r) => r.name === a);
    const rb = ref.roads.find((r) => r.name === b);
    if (!ra || !rb) return;
    const x = crossing(ra.line, rb.line);
    if (!x.crosses) return;
    const [lng, lat] = x.point;
    landmarks.push({ id: `lm-bridge-${i + 1}`, name, kind: 'bridge', lng, lat, aliases });
  });
  ESTATES.forEach(([name, community, aliases], i) => {
    const c = ref.communities.find((x) => x.name === community);
    if (!c) return;
    landmarks.push({
      id: `lm-estate-${i + 1}`,
      name,
      kind: 'estate',
      lng: c.centroid[0],
      lat: c.centroid[1],
      aliases,
    });
  });
  return { ranges, landmarks };
}

/** Metres between two house numbers on one side of a demo road. */
export const DEMO_NUMBER_SPACING_M = DEFAULT_NUMBER_SPACING_M;
