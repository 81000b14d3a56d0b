/**
 * 一类事 in the demo street (模拟数据): three problems that keep coming back at one place through
 * several channels, so 每月一题 has real candidates to find —
 *  1. 某楼 老旧电梯频繁故障: 12345, 网格巡查, 电梯物联监测, 来访; rising over the last month,
 *     callers often unsatisfied;
 *  2. 某楼 暖气不热: new this heating season (only in the last 30 days);
 *  3. 某路口 夜市摊点噪音扰民: steady over three months.
 * Each pattern order takes the lifecycle of a generated order of the same channel (its events
 * shifted to the pattern's time) with the pattern's place, category and wording. Its id is the
 * template's with the suffix "P<pattern>" (`problemPatternOf` tells them apart).
 * Deterministic: its own random stream from the seed.
 */
import type { OrderEvent } from '../../../../../shared/features/orders/order-events';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';
import { encodeHlc } from '../../../../../shared/kernel/hlc';
import { createRng, type Rng } from './random';

const DAY = 86_400_000;

type Channel = 'hotline' | 'grid' | 'iot' | 'walk_in';

interface Pattern {
  /** Leaf category name in the catalogue. */
  readonly leaf: string;
  /** Days before the anchor of each order, with its channel. */
  readonly schedule: ReadonlyArray<readonly [number, Channel]>;
  readonly titles: readonly string[];
  readonly details: readonly string[];
  readonly iotTitle?: string;
  /** Share of call-backs turned unsatisfied. */
  readonly unsatisfied: number;
  /** Which community (index) and whether at a building (else a road corner). */
  readonly community: number;
  readonly building: boolean;
}

const PATTERNS: readonly Pattern[] = [
  {
    leaf: '老旧电梯频繁故障',
    schedule: [
      [1, 'hotline'],
      [3, 'iot'],
      [4, 'hotline'],
      [6, 'grid'],
      [8, 'hotline'],
      [10, 'walk_in'],
      [12, 'iot'],
      [14, 'hotline'],
      [17, 'hotline'],
      [19, 'grid'],
      [22, 'hotline'],
      [26, 'iot'],
      [29, 'hotline'],
      [38, 'hotline'],
      [47, 'grid'],
      [55, 'hotline'],
      [74, 'hotline'],
      [110, 'hotline'],
    ],
    titles: ['电梯又坏了', '电梯故障停运', '老旧电梯频繁故障', '电梯经常停运'],
    details: [
      '电梯频繁故障停运，老人上下楼困难',
      '电梯这个月已经坏了好几次，经常停运，维修后没几天又出故障',
      '老旧电梯频繁故障，停运期间老人只能爬楼',
    ],
    iotTitle: '电梯运行监测告警：电梯故障停运',
    unsatisfied: 0.6,
    community: 0,
    building: true,
  },
  {
    leaf: '暖气不热',
    schedule: [
      [2, 'hotline'],
      [3, 'hotline'],
      [5, 'grid'],
      [7, 'hotline'],
      [9, 'walk_in'],
      [11, 'hotline'],
      [13, 'hotline'],
      [16, 'hotline'],
      [20, 'hotline'],
    ],
    titles: ['暖气不热', '家里暖气不热', '供暖后暖气温度低'],
    details: [
      '暖气不热，室内温度只有十几度',
      '供暖以来暖气一直不热，室温偏低',
      '暖气片温度低，家里老人孩子受冻',
    ],
    unsatisfied: 0.3,
    community: 1,
    building: true,
  },
  {
    leaf: '商铺噪音扰民',
    schedule: [
      [5, 'hotline'],
      [12, 'hotline'],
      [18, 'grid'],
      [26, 'hotline'],
      [33, 'hotline'],
      [41, 'hotline'],
      [48, 'grid'],
      [57, 'hotline'],
      [64, 'hotline'],
      [71, 'hotline'],
      [79, 'grid'],
      [86, 'hotline'],
    ],
    titles: ['夜市摊点噪音扰民', '夜间摊点噪音扰民', '夜市喧哗噪音大'],
    details: [
      '夜市摊点晚上十一点后仍然喧哗，噪音扰民影响休息',
      '夜间摊点噪音很大，吆喝声和音响扰民',
      '夜市噪音扰民，居民晚上无法入睡',
    ],
    unsatisfied: 0.4,
    community: 2,
    building: false,
  },
];

const OPENERS = ['市民来电反映：', '来电人反映：', '居民来电称：'];
const ASKS = ['希望尽快解决。', '请相关部门尽快处理。', '希望彻底解决，不要反复。'];

/** The pattern index of a demo order id, or null. */
export function problemPatternOf(orderId: string): number | null {
  const m = /P(\d)$/.exec(orderId);
  return m ? Number(m[1]) : null;
}

interface PlaceOf {
  readonly community: string;
  readonly grid: string;
  readonly address: string;
  readonly short: string;
  readonly lng: number;
  readonly lat: number;
}

function placeOf(ref: ReferenceData, p: Pattern): PlaceOf | null {
  const community = ref.communities[p.community % Math.max(1, ref.communities.length)];
  if (!community) return null;
  const grids = ref.grids.filter((g) => g.communityCode === community.code);
  const gridCodes = new Set(grids.map((g) => g.code));
  if (p.building) {
    const b = ref.buildings.find((x) => gridCodes.has(x.gridCode) && x.kind === 'residential');
    if (b) {
      const fp = b.footprint.slice(0, -1);
      const lng = fp.reduce((s, q) => s + q[0], 0) / Math.max(1, fp.length);
      const lat = fp.reduce((s, q) => s + q[1], 0) / Math.max(1, fp.length);
      return {
        community: community.code,
        grid: b.gridCode,
        address: `${community.name}${b.name}`,
        short: b.name,
        lng,
        lat,
      };
    }
  }
  const g = grids[0];
  if (!g) return null;
  const road = ref.roads[p.community % Math.max(1, ref.roads.length)]?.name ?? '';
  return {
    community: community.code,
    grid: g.code,
    address: `${road}与${community.name}路口东侧`,
    short: `${road}路口`,
    lng: g.centroid[0],
    lat: g.centroid[1],
  };
}

interface Due {
  readonly pattern: number;
  readonly k: number;
  readonly at: number;
  readonly channel: Channel;
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

function patternOrder(
  template: readonly OrderEvent[],
  d: Due,
  p: Pattern,
  pl: PlaceOf,
  leafCode: string,
  rng: Rng,
  node: string,
): OrderEvent[] | null {
  const first = template[0];
  if (!first || first.type !== 'created') return null;
  const id = `${first.orderId}P${d.pattern}`;
  const shift = d.at - first.at;
  const counter = rng.int(0, 99_999);
  const title = rng.pick(p.titles);
  const detail = rng.pick(p.details);
  const payload = first.payload;
  let t: string;
  let description: string;
  if (d.channel === 'iot') {
    t = `${p.iotTitle ?? title}（${pl.short}）`;
    description = `物联感知设备于${pl.address}触发告警：${detail}，请立即核实处置。`;
  } else if (d.channel === 'grid') {
    t = `${pl.short}${title}`;
    description = `网格员巡查发现${pl.address}${title}，${detail}。`;
  } else {
    t = `${pl.short}${title}`;
    description = `${rng.pick(OPENERS)}${pl.address}${title}，${detail}，${rng.pick(ASKS)}`;
  }
  const out: OrderEvent[] = [];
  template.forEach((e, k) => {
    const at = e.at + shift;
    const base = {
      ...e,
      id: `${id}-${k < 10 ? `0${k}` : k}`,
      orderId: id,
      at,
      hlc: encodeHlc({ physical: at, counter, node }),
    };
    if (k === 0 && e.type === 'created') {
      out.push({
        ...base,
        type: 'created',
        payload: {
          ...payload,
          categoryCode: leafCode,
          title: t,
          description,
          address: pl.address,
          lng: round7(pl.lng + rng.range(-6e-5, 6e-5)),
          lat: round7(pl.lat + rng.range(-5e-5, 5e-5)),
          communityCode: pl.community,
          gridCode: pl.grid,
          upstreamId: payload.upstreamId ? `${payload.upstreamId}P${d.pattern}` : null,
          upstreamDeadline: payload.upstreamDeadline === null ? null : payload.upstreamDeadline + shift,
        },
      } as OrderEvent);
    } else if (e.type === 'callback_recorded' && rng.chance(p.unsatisfied)) {
      out.push({
        ...base,
        payload: { ...e.payload, solved: false, satisfaction: 'unsatisfied' },
      } as OrderEvent);
    } else out.push(base as OrderEvent);
  });
  return out;
}

/**
 * Passes every order through and adds the patterns' orders, each on the first generated order of
 * its channel received at or after its time (that order's lifecycle, moved to the pattern's time).
 */
export function* withProblemPatterns(
  orders: Iterable<OrderEvent[]>,
  ref: ReferenceData,
  opts: { readonly seed: number; readonly anchor: number; readonly days: number; readonly node: string },
): Generator<OrderEvent[]> {
  const rng = createRng(opts.seed, 0x1c1a55);
  const start = opts.anchor - opts.days * DAY;
  const places = PATTERNS.map((p) => placeOf(ref, p));
  const leaves = PATTERNS.map(
    (p) => ref.categories.find((c) => c.level === 3 && c.name === p.leaf)?.code ?? null,
  );
  const due: Due[] = [];
  PATTERNS.forEach((p, pattern) => {
    if (!places[pattern] || !leaves[pattern]) return;
    p.schedule.forEach(([daysAgo, channel], k) => {
      const at = opts.anchor - daysAgo * DAY + Math.round(rng.range(-0.4, 0.4) * DAY);
      if (at > start && at < opts.anchor - 3_600_000) due.push({ pattern, k, at, channel });
    });
  });
  due.sort((a, b) => a.at - b.at);
  for (const events of orders) {
    yield events;
    const first = events[0];
    if (!first || first.type !== 'created') continue;
    if (events.some((e) => e.type === 'merged' || (e !== first && 'categoryCode' in (e.payload as object))))
      continue;
    const i = due.findIndex((d) => d.channel === first.payload.source && d.at <= first.at);
    if (i < 0) continue;
    const d = due[i] as Due;
    due.splice(i, 1);
    const p = PATTERNS[d.pattern] as Pattern;
    const o = patternOrder(
      events,
      d,
      p,
      places[d.pattern] as PlaceOf,
      leaves[d.pattern] as string,
      rng,
      opts.node,
    );
    if (o) yield o;
  }
}
