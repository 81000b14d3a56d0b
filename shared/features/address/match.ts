/**
 * Offline address matching (地址匹配): a typed or received address ("劲松中街25号",
 * "双井桥东南角", "富力城D区3号楼") matched against the street's gazetteer — buildings, roads with
 * house-number ranges per side, landmarks (bridges, malls, schools, sites) with a direction word,
 * road crossings, communities — to a point with a confidence (0..1) and the basis of the match.
 * Pure: the core builds the gazetteer from its reference data and tables.
 */
import type { LngLat } from '../reference/jurisdiction';

/** How the point was found, most specific first. */
export type MatchBasis =
  | 'building' // a building named in full
  | 'building_number' // <小区/社区 name> … N号楼: the community's building N
  | 'road_number' // <road> N号: interpolated along the road's number range
  | 'landmark' // a landmark (bridge, mall, school, site) named in full
  | 'crossing' // two roads named: where they cross
  | 'landmark_partial' // most of a landmark's name
  | 'road' // a road without a number: its middle
  | 'community'; // a community only: its centre

export type Direction =
  | 'ne'
  | 'nw'
  | 'se'
  | 'sw'
  | 'e'
  | 'w'
  | 's'
  | 'n'
  | 'opposite' // 对面
  | 'near'; // 附近, 旁边, 周边

export interface AddressMatch {
  readonly lng: number;
  readonly lat: number;
  /** 0..1: how sure the matcher is that the point is within ~100 m of the place meant. */
  readonly confidence: number;
  readonly basis: MatchBasis;
  /** The gazetteer entry matched ("劲松中街", "双井桥", "富力3号楼"). */
  readonly name: string;
  /** The house number matched (road_number, building_number). */
  readonly number: number | null;
  readonly direction: Direction | null;
  readonly communityCode: string | null;
}

export interface GazRoad {
  readonly id: string;
  readonly name: string;
  readonly line: readonly LngLat[];
  /** House numbers per side, from the line's start to its end; absent: the default numbering. */
  readonly odd?: readonly [number, number] | undefined;
  readonly even?: readonly [number, number] | undefined;
}

export interface GazPlace {
  readonly name: string;
  readonly point: LngLat;
  readonly communityCode: string | null;
  /** Other names the place is called by (a 小区's common name, a bridge's short name). */
  readonly aliases?: readonly string[];
}

export interface Gazetteer {
  readonly roads: readonly GazRoad[];
  /** Every building (residential ones too). */
  readonly buildings: readonly GazPlace[];
  /** Bridges, malls, schools, sites, named non-residential buildings. */
  readonly landmarks: readonly GazPlace[];
  readonly communities: readonly (GazPlace & { readonly code: string })[];
  /** Prefixes to drop (北京市, 朝阳区, 双井街道). */
  readonly prefixes: readonly string[];
}

/** At or above this confidence an upstream order is placed without a person (自动定位). */
export const AUTO_LOCATE_THRESHOLD = 0.7;
/** Metres between two house numbers on one side, for a road without a range. */
export const DEFAULT_NUMBER_SPACING_M = 20;
/** A house number's distance from the centre line. */
const SIDE_OFFSET_M = 15;
/** A direction word moves the point this far from the landmark. */
const DIRECTION_M = 60;

const M_PER_DEG_LAT = 110_540;
const mPerDegLng = (lat: number): number => 111_320 * Math.cos((lat * Math.PI) / 180);

/** Metres between two points (equirectangular: exact enough within a street). */
export function distanceM(a: LngLat, b: LngLat): number {
  const dx = (b[0] - a[0]) * mPerDegLng((a[1] + b[1]) / 2);
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

function offset(p: LngLat, eastM: number, northM: number): LngLat {
  return [p[0] + eastM / mPerDegLng(p[1]), p[1] + northM / M_PER_DEG_LAT];
}

export function lineLength(line: readonly LngLat[]): number {
  let s = 0;
  for (let i = 1; i < line.length; i++) s += distanceM(line[i - 1] as LngLat, line[i] as LngLat);
  return s;
}

/** The point `d` metres along the line, `side` metres to its left (negative: right). */
export function along(line: readonly LngLat[], d: number, side: number): LngLat {
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as LngLat;
    const b = line[i] as LngLat;
    const len = distanceM(a, b);
    if (d <= len || i === line.length - 1) {
      const t = len > 0 ? Math.max(0, Math.min(1, d / len)) : 0;
      const ex = (b[0] - a[0]) * mPerDegLng(a[1]);
      const ny = (b[1] - a[1]) * M_PER_DEG_LAT;
      const n = Math.hypot(ex, ny) || 1;
      const p: LngLat = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      // Left normal of (ex, ny) is (-ny, ex).
      return offset(p, (-ny / n) * side, (ex / n) * side);
    }
    d -= len;
  }
  return line[0] as LngLat;
}

/** The default numbering of a road without a range: odd on the left, even on the right. */
export function defaultRanges(line: readonly LngLat[]): { odd: [number, number]; even: [number, number] } {
  const n = Math.max(1, Math.floor(lineLength(line) / DEFAULT_NUMBER_SPACING_M));
  return { odd: [1, 2 * n - 1], even: [2, 2 * n] };
}

/** Where number `no` of a road is, or null when the road has no such number on that side. */
export function numberPoint(road: GazRoad, no: number): { point: LngLat; inRange: boolean } {
  const def = defaultRanges(road.line);
  const odd = no % 2 === 1;
  const [first, last] = (odd ? road.odd : road.even) ?? (odd ? def.odd : def.even);
  const lo = Math.min(first, last);
  const hi = Math.max(first, last);
  const inRange = no >= lo && no <= hi;
  const t = last === first ? 0.5 : (Math.max(lo, Math.min(hi, no)) - first) / (last - first);
  const len = lineLength(road.line);
  return { point: along(road.line, t * len, odd ? SIDE_OFFSET_M : -SIDE_OFFSET_M), inRange };
}

function middle(line: readonly LngLat[]): LngLat {
  return along(line, lineLength(line) / 2, 0);
}

/** Where two roads cross (segments), or the middle of their closest approach when they do not. */
export function crossing(a: readonly LngLat[], b: readonly LngLat[]): { point: LngLat; crosses: boolean } {
  let best: { point: LngLat; d: number } | null = null;
  for (let i = 1; i < a.length; i++)
    for (let j = 1; j < b.length; j++) {
      const p = a[i - 1] as LngLat;
      const r: LngLat = [(a[i] as LngLat)[0] - p[0], (a[i] as LngLat)[1] - p[1]];
      const q = b[j - 1] as LngLat;
      const s: LngLat = [(b[j] as LngLat)[0] - q[0], (b[j] as LngLat)[1] - q[1]];
      const den = r[0] * s[1] - r[1] * s[0];
      if (den !== 0) {
        const t = ((q[0] - p[0]) * s[1] - (q[1] - p[1]) * s[0]) / den;
        const u = ((q[0] - p[0]) * r[1] - (q[1] - p[1]) * r[0]) / den;
        if (t >= 0 && t <= 1 && u >= 0 && u <= 1)
          return { point: [p[0] + r[0] * t, p[1] + r[1] * t], crosses: true };
      }
      for (const x of [p, a[i] as LngLat])
        for (const y of [q, b[j] as LngLat]) {
          const d = distanceM(x, y);
          if (!best || d < best.d) best = { point: [(x[0] + y[0]) / 2, (x[1] + y[1]) / 2], d };
        }
    }
  return { point: best ? best.point : (a[0] as LngLat), crosses: false };
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二十五 → 25, 一百零三 → 103 (up to 999); null when not a Chinese numeral. */
export function chineseNumber(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else cur = DIGITS[ch] ?? 0;
  }
  return total + cur;
}

/** Full-width to half-width, no spaces, Chinese numerals before 号 as digits. */
export function normaliseAddress(text: string, prefixes: readonly string[] = []): string {
  let s = text.normalize('NFKC').replace(/[\s,，。.、;；:：()（）【】[\]"'“”‘’]/g, '');
  s = s.replace(/([零〇一二两三四五六七八九十百]+)(?=号)/g, (m) => String(chineseNumber(m) ?? m));
  for (const p of [...prefixes].sort((a, b) => b.length - a.length))
    if (s.startsWith(p)) s = s.slice(p.length);
  for (const p of [...prefixes].sort((a, b) => b.length - a.length))
    if (s.startsWith(p)) s = s.slice(p.length);
  return s;
}

const DIRECTION_WORDS: ReadonlyArray<readonly [RegExp, Direction]> = [
  [/东南(角|侧|方向)?/, 'se'],
  [/西南(角|侧|方向)?/, 'sw'],
  [/东北(角|侧|方向)?/, 'ne'],
  [/西北(角|侧|方向)?/, 'nw'],
  [/对面|对过/, 'opposite'],
  [/附近|旁边|周边|一带|边上|门口|周围/, 'near'],
  [/(以东|东侧|东边|东面)/, 'e'],
  [/(以西|西侧|西边|西面)/, 'w'],
  [/(以南|南侧|南边|南面)/, 's'],
  [/(以北|北侧|北边|北面)/, 'n'],
];

function directionIn(rest: string): Direction | null {
  for (const [re, d] of DIRECTION_WORDS) if (re.test(rest)) return d;
  return null;
}

const DIR_VECTOR: Readonly<Record<Direction, readonly [number, number]>> = {
  ne: [Math.SQRT1_2, Math.SQRT1_2],
  nw: [-Math.SQRT1_2, Math.SQRT1_2],
  se: [Math.SQRT1_2, -Math.SQRT1_2],
  sw: [-Math.SQRT1_2, -Math.SQRT1_2],
  e: [1, 0],
  w: [-1, 0],
  s: [0, -1],
  n: [0, 1],
  opposite: [0, 0],
  near: [0, 0],
};

/** The point a direction word names, and what it costs in confidence. */
function applyDirection(p: LngLat, d: Direction | null): { point: LngLat; penalty: number } {
  if (d === null) return { point: p, penalty: 0 };
  if (d === 'near') return { point: p, penalty: 0.05 };
  if (d === 'opposite') return { point: p, penalty: 0.08 };
  const [e, n] = DIR_VECTOR[d];
  return { point: offset(p, e * DIRECTION_M, n * DIRECTION_M), penalty: 0.03 };
}

/** The longest entry (name or alias) found in the text: [entry, the name found, its index]. */
function findNamed<T extends GazPlace>(
  s: string,
  list: readonly T[],
  minLen = 2,
): { hits: T[]; found: string; at: number } | null {
  let best: { hits: T[]; found: string; at: number } | null = null;
  for (const p of list)
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      if (n.length < minLen) continue;
      const at = s.indexOf(n);
      if (at < 0) continue;
      if (!best || n.length > best.found.length) best = { hits: [p], found: n, at };
      else if (n.length === best.found.length && n === best.found && !best.hits.includes(p))
        best.hits.push(p);
    }
  return best;
}

function longestCommon(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  return best;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Candidates for an address, best first (at most `limit`). Empty when nothing of the street is
 * named in it.
 */
export function matchAddress(gaz: Gazetteer, text: string, limit = 3): AddressMatch[] {
  const s = normaliseAddress(text, gaz.prefixes);
  if (s.length < 2) return [];
  const out: AddressMatch[] = [];
  const add = (
    point: LngLat,
    confidence: number,
    basis: MatchBasis,
    name: string,
    communityCode: string | null,
    extra: { number?: number; direction?: Direction | null } = {},
  ): void => {
    out.push({
      lng: Math.round(point[0] * 1e7) / 1e7,
      lat: Math.round(point[1] * 1e7) / 1e7,
      confidence: round(Math.max(0, Math.min(0.99, confidence))),
      basis,
      name,
      number: extra.number ?? null,
      direction: extra.direction ?? null,
      communityCode,
    });
  };
  const afterOf = (at: number, len: number): string => s.slice(at + len);

  // Roads named in the text (longest first; a road inside a longer one is not counted again).
  const roadsNamed = gaz.roads
    .map((r) => ({ r, at: s.indexOf(r.name) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => b.r.name.length - a.r.name.length)
    .filter((x, i, arr) => !arr.slice(0, i).some((y) => y.at <= x.at && x.at < y.at + y.r.name.length));
  const byName = new Map<string, GazRoad[]>();
  for (const x of roadsNamed) byName.set(x.r.name, [...(byName.get(x.r.name) ?? []), x.r]);
  const roadNumber = (): { point: LngLat; conf: number; name: string; no: number } | null => {
    for (const x of roadsNamed) {
      const m = /^(?:甲|乙|丙)?(\d{1,4})号/.exec(afterOf(x.at, x.r.name.length));
      if (!m) continue;
      const no = Number(m[1]);
      const at = numberPoint(x.r, no);
      return { point: at.point, conf: at.inRange ? 0.9 : 0.5, name: x.r.name, no };
    }
    return null;
  };
  const rn = roadNumber();

  // 1. A building named in full.
  const b = findNamed(s, gaz.buildings, 3);
  if (b) {
    let pick = b.hits[0] as GazPlace;
    let conf = 0.95;
    if (b.hits.length > 1) {
      // The same name twice (a chain's shops): the road number decides, else it is a guess.
      if (rn) {
        pick = b.hits.reduce((p, q) => (distanceM(q.point, rn.point) < distanceM(p.point, rn.point) ? q : p));
        conf = 0.85;
      } else conf = 0.55;
    }
    const d = directionIn(afterOf(b.at, b.found.length));
    const dir = applyDirection(pick.point, d);
    add(dir.point, conf - dir.penalty, 'building', pick.name, pick.communityCode, { direction: d });
  }

  // 2. <community or 小区 name>[X区|X期]N号楼: the community's building N.
  const bn = /(\d{1,3})号楼/.exec(s);
  if (bn) {
    const head = s.slice(0, bn.index);
    const no = Number(bn[1]);
    let best: { base: string; c: (typeof gaz.communities)[number] } | null = null;
    for (const c of gaz.communities)
      for (const base of [c.name.replace(/社区$/, ''), ...(c.aliases ?? [])])
        if (base.length >= 2 && head.includes(base) && (!best || base.length > best.base.length))
          best = { base, c };
    if (best) {
      const base = best.c.name.replace(/社区$/, '');
      const hit = gaz.buildings.find((x) => x.name === `${base}${no}号楼`);
      if (hit) add(hit.point, 0.82, 'building_number', hit.name, hit.communityCode, { number: no });
      else add(best.c.point, 0.4, 'community', best.c.name, best.c.code);
    }
  }

  // 3. <road> N号.
  if (rn) {
    const road = (byName.get(rn.name) ?? [])[0];
    const d = directionIn(s.slice(s.indexOf(rn.name) + rn.name.length));
    const dir = applyDirection(rn.point, d === 'near' || d === 'opposite' ? d : null);
    add(dir.point, rn.conf - dir.penalty, 'road_number', rn.name, null, { number: rn.no, direction: d });
    void road;
  }

  // 4. A landmark (bridge, mall, school, site).
  const l = findNamed(s, gaz.landmarks, 2);
  if (l) {
    const pick = l.hits[0] as GazPlace;
    const d = directionIn(afterOf(l.at, l.found.length));
    const dir = applyDirection(pick.point, d);
    add(
      dir.point,
      (l.hits.length > 1 ? 0.55 : 0.88) - dir.penalty,
      'landmark',
      pick.name,
      pick.communityCode,
      {
        direction: d,
      },
    );
  }

  // 5. Two roads: their crossing.
  const two = roadsNamed.filter((x, i, arr) => arr.findIndex((y) => y.r.name === x.r.name) === i);
  if (two.length >= 2 && !rn) {
    const [a, c] = [two[0] as (typeof two)[number], two[1] as (typeof two)[number]];
    const x = crossing(a.r.line, c.r.line);
    const d = directionIn(s.slice(Math.max(a.at + a.r.name.length, c.at + c.r.name.length)));
    const dir = applyDirection(x.point, d);
    add(dir.point, (x.crosses ? 0.85 : 0.45) - dir.penalty, 'crossing', `${a.r.name}/${c.r.name}`, null, {
      direction: d,
    });
  }

  // 6. Most of a landmark's or building's name (乐成 → 乐成中心): a hint, never placed alone.
  if (out.length === 0) {
    let best: { p: GazPlace; k: number } | null = null;
    for (const p of [...gaz.landmarks, ...gaz.buildings]) {
      if (p.name.length < 4) continue;
      const k = longestCommon(s, p.name);
      if (k >= 3 && k / p.name.length >= 0.6 && (!best || k > best.k)) best = { p, k };
    }
    if (best)
      add(
        best.p.point,
        0.5 * (best.k / best.p.name.length),
        'landmark_partial',
        best.p.name,
        best.p.communityCode,
      );
  }

  // 7. A road alone, a community alone: an area, not a point.
  if (out.length === 0 && roadsNamed[0]) {
    const r = roadsNamed[0].r;
    add(middle(r.line), 0.35, 'road', r.name, null);
  }
  if (out.length === 0) {
    const c = findNamed(
      s,
      gaz.communities.map((x) => ({ ...x, aliases: [x.name.replace(/社区$/, ''), ...(x.aliases ?? [])] })),
      2,
    );
    if (c) {
      const hit = c.hits[0] as (typeof gaz.communities)[number];
      add(hit.point, 0.3, 'community', hit.name, hit.code);
    }
  }

  // Two bases agreeing (a road number beside the building it names) make each surer.
  const sorted = out.sort((a, b) => b.confidence - a.confidence);
  const top = sorted[0];
  if (top && sorted.length > 1) {
    const agree = sorted.slice(1).some((m) => distanceM([m.lng, m.lat], [top.lng, top.lat]) < 150);
    if (agree) sorted[0] = { ...top, confidence: round(Math.min(0.99, top.confidence + 0.03)) };
  }
  return sorted.slice(0, limit);
}
