/**
 * Deterministic, lazy generator of demo work orders and their lifecycles, calibrated on
 * docs/DATA.md. Each day is generated from its own PRNG stream (seed × local day number), so
 * a day's orders do not depend on the window asked for and the generator holds one day in
 * memory at a time — enough for the 1,000,000-order benchmark.
 *
 * Yields, per order, the array of its events in causal order, orders by increasing receivedAt.
 * Events after `anchor` are cut off, so orders near the anchor are still open.
 */
import { findResponsibleUnit } from '../../../../../shared/features/reference/catalogue';
import { encodeHlc } from '../../../../../shared/kernel/hlc';
import type {
  AppealType,
  Citizen,
  OrderSource,
  Satisfaction,
  Urgency,
} from '../../../../../shared/features/orders/order';
import type {
  EventPayload,
  OrderEvent,
  OrderEventType,
} from '../../../../../shared/features/orders/order-events';
import type { Building, Grid, LngLat, Ring } from '../../../../../shared/features/reference/jurisdiction';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';
import { CATALOGUE, catalogueLeaves } from './catalogue-data';
import { bbox, distToSegment, pointInPolygon, projection, type Pt } from './geometry';
import { citizenPhone, personName } from './names';
import { callerWords } from './appeals';
import { createRng, type Rng } from './random';
import { DEMO_CENTRE, HALL_UNIT_ID, officeUnitId } from './reference';

export interface OrderGenOptions {
  readonly seed: number;
  readonly days: number;
  /** Epoch ms: the history ends here (≈ "now" of the demo). */
  readonly anchor: number;
  /** Node name for HLCs and event envelopes. */
  readonly node: string;
  /** Multiplies every daily volume (the benchmark uses it to reach 1 M orders). */
  readonly ordersPerDayScale?: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Beijing time, no DST. */
const TZ = 8 * HOUR;

/** Hotline hour-of-day weights (%): peaks at 10 and 15 h, evening ≈5 %/h, night 0–6 h ≈6 %. */
const HOTLINE_HOURS = [
  1.2, 0.8, 0.6, 0.6, 0.8, 2.0, 2.6, 3.6, 5.8, 7.4, 8.6, 7.6, 4.8, 5.6, 7.2, 8.2, 7.0, 5.6, 4.6, 4.6, 5.0,
  4.8, 3.6, 2.4,
];
/** Mon..Sun; Monday highest, weekend ≈ 0.66 × the weekday mean; normalised to mean 1 below. */
const WEEKDAY_RAW = [1.18, 1.08, 1.05, 1.03, 1.0, 0.72, 0.69];
const WEEKDAY_MEAN = WEEKDAY_RAW.reduce((a, b) => a + b, 0) / 7;
const WEEKDAY = WEEKDAY_RAW.map((w) => w / WEEKDAY_MEAN);

const FINISH_MS: Record<Urgency, number> = { P0: 2 * HOUR, P1: DAY, P2: 7 * DAY, P3: 15 * DAY };

interface Leaf {
  readonly code: string;
  readonly name: string;
  readonly urgency: Urgency;
  readonly tags: readonly string[];
  readonly majorIndex: number;
  readonly consult: boolean;
}

interface GridCtx {
  readonly grid: Grid;
  readonly bbox: [number, number, number, number];
  readonly buildings: readonly Building[];
  readonly road: string;
  readonly roadAlt: string;
  readonly workers: readonly string[];
}

interface Ctx {
  readonly ref: ReferenceData;
  readonly leaves: readonly Leaf[];
  readonly hotlineBase: readonly number[];
  readonly gridPool: readonly Leaf[];
  readonly gridWeights: readonly number[];
  readonly iotPool: readonly Leaf[];
  readonly volunteerPool: readonly Leaf[];
  readonly grids: readonly GridCtx[];
  readonly gridsByCommunity: ReadonlyMap<string, readonly GridCtx[]>;
  readonly communityWeights: readonly number[];
  readonly communityCodes: readonly string[];
  readonly staffByUnit: ReadonlyMap<string, readonly string[]>;
  readonly dutyOfficers: readonly string[];
  readonly deptUnitIds: readonly string[];
  readonly responsible: Map<string, string>;
  /** P(consult | a leaf not phrased as a consultation), so the overall mix stays 47 %. */
  readonly consultElsewhere: number;
  readonly scale: number;
}

const GRID_TOP = new Set(['占道经营', '道路不洁', '共享单车乱停放', '店外经营', '沿街晾晒', '张贴小广告']);

function buildCtx(ref: ReferenceData, scale: number): Ctx {
  const meta = new Map(catalogueLeaves().map((l) => [l.code, l]));
  const leaves: Leaf[] = ref.categories
    .filter((c) => c.level === 3)
    .map((c) => {
      const m = meta.get(c.code);
      return {
        code: c.code,
        name: c.name,
        urgency: c.defaultUrgency,
        tags: m?.tags ?? [],
        majorIndex: m?.majorIndex ?? Number(c.code.slice(0, 2)) - 1,
        consult: c.name.endsWith('咨询'),
      };
    });
  const perMajor = new Map<number, number>();
  for (const l of leaves) perMajor.set(l.majorIndex, (perMajor.get(l.majorIndex) ?? 0) + 1);
  const hotlineBase = leaves.map(
    (l) => (CATALOGUE[l.majorIndex]?.hotlineWeight ?? 3) / (perMajor.get(l.majorIndex) ?? 1),
  );
  const totalW = hotlineBase.reduce((a, b) => a + b, 0);
  const consultW = leaves.reduce((a, l, i) => a + (l.consult ? (hotlineBase[i] as number) : 0), 0) / totalW;
  const targetConsult = 47 / 97;
  const consultElsewhere = Math.max(0, (targetConsult - consultW) / (1 - consultW));

  const gridPool = leaves.filter((l) => l.tags.includes('grid'));
  const proj = projection(DEMO_CENTRE);
  const roadsLocal = ref.roads.map((r) => ({ name: r.name, pts: r.line.map((p) => proj.toLocal(p)) }));
  const workersByGrid = new Map<string, string[]>();
  const staffByUnit = new Map<string, string[]>();
  const dutyOfficers: string[] = [];
  for (const p of ref.people) {
    if (p.role === 'grid_worker' && p.gridCode)
      workersByGrid.set(p.gridCode, [...(workersByGrid.get(p.gridCode) ?? []), p.id]);
    if (p.role === 'duty_officer') dutyOfficers.push(p.id);
    if ((p.role === 'unit_staff' || p.role === 'community_worker') && p.unitId)
      staffByUnit.set(p.unitId, [...(staffByUnit.get(p.unitId) ?? []), p.id]);
  }
  const buildingsByGrid = new Map<string, Building[]>();
  for (const b of ref.buildings)
    buildingsByGrid.set(b.gridCode, [...(buildingsByGrid.get(b.gridCode) ?? []), b]);
  const grids: GridCtx[] = ref.grids.map((g) => {
    const c = proj.toLocal(g.centroid);
    // Addresses use the nearest named roads, so they match the map.
    const byDist = roadsLocal
      .map((r) => {
        let d = Infinity;
        for (let i = 1; i < r.pts.length; i++)
          d = Math.min(d, distToSegment(c, r.pts[i - 1] as Pt, r.pts[i] as Pt));
        return { name: r.name, d };
      })
      .sort((a, b) => a.d - b.d);
    return {
      grid: g,
      bbox: bbox(g.boundary as readonly Pt[]),
      buildings: buildingsByGrid.get(g.code) ?? [],
      road: byDist[0]?.name ?? '',
      roadAlt: byDist[1]?.name ?? byDist[0]?.name ?? '',
      workers: workersByGrid.get(g.code) ?? [],
    };
  });
  const gridsByCommunity = new Map<string, GridCtx[]>();
  for (const g of grids)
    gridsByCommunity.set(g.grid.communityCode, [...(gridsByCommunity.get(g.grid.communityCode) ?? []), g]);
  return {
    ref,
    leaves,
    hotlineBase,
    gridPool,
    gridWeights: gridPool.map((l) => (GRID_TOP.has(l.name) ? 6 : 1)),
    iotPool: leaves.filter((l) => l.tags.includes('iot')),
    volunteerPool: leaves.filter((l) => CATALOGUE[l.majorIndex]?.name === '社区服务'),
    grids,
    gridsByCommunity,
    communityCodes: ref.communities.map((c) => c.code),
    communityWeights: ref.communities.map((c) => c.population),
    staffByUnit,
    dutyOfficers: dutyOfficers.length > 0 ? dutyOfficers : ['system'],
    deptUnitIds: ref.units.filter((u) => u.kind === 'department' || u.kind === 'utility').map((u) => u.id),
    responsible: new Map(),
    consultElsewhere,
    scale,
  };
}

function responsibleUnit(ctx: Ctx, categoryCode: string, communityCode: string): string {
  const key = `${categoryCode}|${communityCode}`;
  let u = ctx.responsible.get(key);
  if (u === undefined) {
    u = findResponsibleUnit(ctx.ref.responsibility, categoryCode, communityCode)?.unitId ?? HALL_UNIT_ID;
    ctx.responsible.set(key, u);
  }
  return u;
}

// ── Seasonality ─────────────────────────────────────────────────────────────────────────────

/** Local calendar parts of a local-day number (days since 1970-01-01 in Beijing time). */
function dayParts(dayNo: number): { y: number; m: number; d: number; dow: number } {
  const dt = new Date(dayNo * DAY);
  // 1970-01-01 was a Thursday; dow 0 = Monday.
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    dow: (((dayNo + 3) % 7) + 7) % 7,
  };
}

/**
 * Multiplier of heating appeals: low off-season, ×10 in the first days after 15 Nov, falling
 * after two weeks to the in-season level; a small bump when heating stops on 15 Mar.
 */
function heatingFactor(dayNo: number): number {
  const { y, m, d } = dayParts(dayNo);
  const inSeasonBase = 1;
  const start = Date.UTC(m >= 7 ? y : y - 1, 10, 15) / DAY; // 15 Nov of the season's year
  const since = dayNo - start;
  if (since >= 0 && since < 3) return 10 * inSeasonBase;
  if (since >= 3 && since < 14) return (10 - ((since - 2) * 6) / 11) * inSeasonBase;
  if (since >= 14 && since < 28) return (4 - ((since - 14) * 3) / 14) * inSeasonBase;
  if (since >= 28 && (m >= 11 || m <= 2 || (m === 3 && d <= 15))) return inSeasonBase;
  if (m === 3 && d <= 25) return 0.5; // stop of heating
  if (m === 11 && d < 15) return 0.5; // trial heating, pre-season questions
  return 0.12;
}

function floodFactor(dayNo: number): number {
  const { m } = dayParts(dayNo);
  return m === 7 || m === 8 ? 1.5 : m === 6 || m === 9 ? 1.15 : 1;
}

// ── Text templates ──────────────────────────────────────────────────────────────────────────

const HOTLINE_OPENERS = [
  '市民来电反映：',
  '来电人反映：',
  '市民通过12345反映：',
  '来电人称：',
  '市民网上留言反映：',
];
const HOTLINE_ASKS = {
  consult: ['想咨询具体办理流程和所需材料。', '希望相关部门给予答复。', '请帮忙解答。'],
  help: ['希望相关部门尽快处理。', '请尽快协调解决。', '希望尽快派人查看。'],
  suggestion: ['建议相关部门统筹考虑。', '建议加强管理。', '希望采纳该建议。'],
  complaint: ['要求相关部门严肃处理。', '对此非常不满，要求尽快解决。'],
  report: ['请相关部门核实查处。', '希望依法处理。'],
} as const;
const GRID_DETAILS = ['已拍照取证', '现场已劝导但未改正', '影响行人通行', '已告知相关商户', '需职能部门处置'];
const IOT_DEVICES: Record<string, string> = {
  井盖缺失: '智能井盖传感器',
  道路积水: '积水监测点',
  燃气泄漏: '燃气报警器',
  烟感报警: '独立式烟感探测器',
};
const RETURN_REASONS = [
  '不属于本单位职责范围',
  '该问题属于物业服务范畴',
  '诉求地点不在本单位辖区',
  '需产权单位处理',
];
const PROGRESS_NOTES = [
  '已派人到现场查看',
  '已联系相关责任方协调处理',
  '正在组织维修，预计近日完成',
  '已约谈责任人并下达整改通知',
  '材料已上报，等待审批',
];
const REPLY_TEXTS = {
  consult: ['已向来电人详细解答相关政策和办理流程，来电人表示清楚。', '已电话告知办理所需材料及地点。'],
  other: [
    '经现场核实，问题已处理完毕，已向来电人反馈。',
    '已协调责任单位完成整改，现场恢复正常。',
    '已维修完毕，来电人表示认可。',
    '已执法检查并责令整改，后续将加强巡查。',
  ],
} as const;
const EXTENSION_REASONS = [
  '需协调多个产权单位',
  '涉及施工，需等待材料到货',
  '需召开居民议事会协商',
  '维修资金审批流程较长',
];
const SUSPEND_REASONS = [
  '涉及历史遗留问题，需纳入问题台账统筹解决',
  '需市区两级协调，暂无法在期限内解决',
  '产权不清，需专项研究',
];

const yyyymmdd = (p: { y: number; m: number; d: number }) =>
  `${p.y}${String(p.m).padStart(2, '0')}${String(p.d).padStart(2, '0')}`;

// ── Orders ──────────────────────────────────────────────────────────────────────────────────

interface Draft {
  readonly receivedAt: number;
  readonly source: OrderSource;
}

interface Place {
  readonly address: string;
  readonly short: string;
  readonly lng: number;
  readonly lat: number;
  readonly grid: GridCtx;
}

function pointInGrid(rng: Rng, g: GridCtx): LngLat {
  const [x0, y0, x1, y1] = g.bbox;
  const ring = g.grid.boundary as Ring;
  for (let k = 0; k < 200; k++) {
    const p: LngLat = [Math.round(rng.range(x0, x1) * 1e7) / 1e7, Math.round(rng.range(y0, y1) * 1e7) / 1e7];
    if (pointInPolygon(p, ring)) return p;
  }
  return g.grid.centroid;
}

function houseNumber(code: string): number {
  let h = 0;
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0;
  return (h % 180) + 1;
}

function place(rng: Rng, g: GridCtx, preferBuilding: boolean): Place {
  if (preferBuilding && g.buildings.length > 0) {
    const b = rng.pick(g.buildings);
    const fp = b.footprint;
    // Centre of the footprint (inside it: footprints are rectangles) with a few metres' jitter.
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < fp.length - 1; i++) {
      cx += (fp[i] as LngLat)[0];
      cy += (fp[i] as LngLat)[1];
    }
    cx /= fp.length - 1;
    cy /= fp.length - 1;
    let p: LngLat = [
      Math.round((cx + rng.range(-5e-5, 5e-5)) * 1e7) / 1e7,
      Math.round((cy + rng.range(-5e-5, 5e-5)) * 1e7) / 1e7,
    ];
    if (!pointInPolygon(p, g.grid.boundary)) p = [cx, cy];
    const road = houseNumber(b.code) % 3 === 0 ? g.roadAlt : g.road;
    return {
      address: `${road}${houseNumber(b.code)}号${b.name}`,
      short: b.name,
      lng: p[0],
      lat: p[1],
      grid: g,
    };
  }
  const p = pointInGrid(rng, g);
  const road = rng.chance(0.7) ? g.road : g.roadAlt;
  const no = rng.int(1, 180);
  return { address: `${road}${no}号附近`, short: `${road}${no}号`, lng: p[0], lat: p[1], grid: g };
}

class Builder {
  readonly events: OrderEvent[] = [];
  private last = 0;
  constructor(
    private readonly orderId: string,
    private readonly counter: number,
    private readonly node: string,
  ) {}
  /** Appends an event; times are forced strictly increasing so HLCs order them causally. */
  add<T extends OrderEventType>(type: T, at: number, actor: string, payload: EventPayload<T>): number {
    const t = Math.max(Math.round(at), this.last + 1);
    this.last = t;
    const k = this.events.length;
    this.events.push({
      id: `${this.orderId}-${k < 10 ? `0${k}` : k}`,
      orderId: this.orderId,
      hlc: encodeHlc({ physical: t, counter: this.counter, node: this.node }),
      at: t,
      actor,
      node: this.node,
      type,
      payload,
    } as OrderEvent);
    return t;
  }
  get time(): number {
    return this.last;
  }
}

function staffOf(ctx: Ctx, rng: Rng, unitId: string): string {
  const s = ctx.staffByUnit.get(unitId);
  return s && s.length > 0 ? rng.pick(s) : 'system';
}

function satisfactionFor(rng: Rng, solved: boolean): Satisfaction {
  // Overall 70 / 20 / 10 with the unsolved mostly unsatisfied (see DATA.md "Outcomes").
  const r = rng.next();
  if (!solved) return r < 0.1 ? 'satisfied' : r < 0.3 ? 'basic' : 'unsatisfied';
  return r < 0.752 ? 'satisfied' : r < 0.952 ? 'basic' : 'unsatisfied';
}

interface OrderSpec {
  readonly id: string;
  readonly counter: number;
  readonly receivedAt: number;
  readonly source: OrderSource;
  readonly leaf: Leaf;
  readonly appealType: AppealType;
  readonly urgency: Urgency;
  readonly place: Place;
  readonly citizen: Citizen | null;
  readonly upstreamId: string | null;
  readonly mergeInto: string | null;
}

function lifecycle(ctx: Ctx, rng: Rng, o: OrderSpec, node: string): OrderEvent[] {
  const b = new Builder(o.id, o.counter, node);
  const { leaf, place: pl } = o;
  const communityCode = pl.grid.grid.communityCode;
  const hotline = o.source === 'hotline';
  const fieldCase = o.source === 'grid' || o.source === 'iot' || o.source === 'proactive';
  const major = CATALOGUE[leaf.majorIndex];
  let title: string;
  let description: string;
  if (o.source === 'grid' || o.source === 'proactive') {
    title = `${pl.short}${leaf.name}`;
    description = `网格员巡查发现${pl.address}${leaf.name}，${rng.pick(GRID_DETAILS)}。`;
  } else if (o.source === 'iot') {
    const dev = IOT_DEVICES[leaf.name] ?? '物联感知设备';
    title = `${dev}告警：${pl.short}${leaf.name}`;
    description = `${dev}于${pl.address}触发告警（${leaf.name}），请立即核实处置。`;
  } else {
    const asks = HOTLINE_ASKS[o.appealType];
    const detail = major ? rng.pick(major.details) : '';
    // The caller's own words (generator/appeals.ts), from a stream of their own: the rest of the demo is unchanged.
    const said = callerWords(createRng(0xa99ea1, o.counter, o.receivedAt), leaf.name, pl.short);
    title = said?.title ?? `${pl.short}${leaf.name}`;
    description = `${rng.pick(HOTLINE_OPENERS)}${pl.address}${said?.body ?? leaf.name}，${detail}，${rng.pick(asks)}`;
  }
  const finishMs =
    o.source === 'grid' || o.source === 'proactive'
      ? 10 * HOUR
      : o.source === 'iot'
        ? 2 * HOUR
        : o.source === 'volunteer'
          ? 3 * DAY
          : FINISH_MS[o.urgency];
  const createdBy = hotline
    ? 'upstream'
    : o.source === 'iot'
      ? 'system'
      : fieldCase
        ? (pl.grid.workers[0] ?? 'system')
        : rng.pick(ctx.dutyOfficers);
  b.add('created', o.receivedAt, createdBy, {
    source: o.source,
    appealType: o.appealType,
    categoryCode: leaf.code,
    urgency: o.urgency,
    title,
    description,
    address: pl.address,
    lng: pl.lng,
    lat: pl.lat,
    communityCode,
    gridCode: pl.grid.grid.code,
    citizen: o.citizen,
    upstreamId: o.upstreamId,
    upstreamDeadline: hotline ? o.receivedAt + FINISH_MS[o.urgency] : null,
  });
  const duty = rng.pick(ctx.dutyOfficers);

  // 并案: a duplicate of an earlier order ends here.
  if (o.mergeInto) {
    b.add('merged', o.receivedAt + rng.range(5, 90) * MIN, duty, { intoOrderId: o.mergeInto });
    return b.events;
  }

  const fast = o.urgency === 'P0' || o.urgency === 'P1' || o.source === 'iot';
  let unit =
    o.source === 'volunteer' ? officeUnitId(communityCode) : responsibleUnit(ctx, leaf.code, communityCode);
  let t = b.add(
    'dispatched',
    b.time + (fast ? rng.range(1, 8) : rng.range(3, 15) + rng.exp(20)) * MIN,
    duty,
    {
      unitId: unit,
      coUnitIds: rng.chance(0.05) ? [rng.pick(ctx.deptUnitIds)].filter((u) => u !== unit) : [],
      note: '',
    },
  );

  // 退单: 5 %, 40 % approved and re-dispatched to another unit.
  if (rng.chance(0.05)) {
    t = b.add('return_requested', t + rng.range(20, 240) * MIN, staffOf(ctx, rng, unit), {
      unitId: unit,
      reason: rng.pick(RETURN_REASONS),
      photos: [],
    });
    const approved = rng.chance(0.4);
    t = b.add('return_decided', t + rng.range(30, 180) * MIN, duty, {
      approved,
      note: approved ? '同意退单，改派' : '属于本单位职责，请继续办理',
    });
    if (approved) {
      const alt = ctx.deptUnitIds.filter((u) => u !== unit);
      unit = rng.chance(0.5) ? officeUnitId(communityCode) : rng.pick(alt);
      t = b.add('dispatched', t + rng.range(5, 40) * MIN, duty, {
        unitId: unit,
        coUnitIds: [],
        note: '退单后改派',
      });
    }
  }
  const staff = staffOf(ctx, rng, unit);
  const lateSign = rng.chance(0.03);
  t = b.add(
    'signed',
    t +
      (fast ? rng.range(1, 12) : rng.range(5, 60) + rng.exp(15)) * MIN +
      (lateSign ? rng.range(2, 6) * HOUR : 0),
    staff,
    { unitId: unit },
  );

  if (!fieldCase) {
    t = b.add(
      'contacted',
      t + (fast ? rng.range(5, 40) * MIN : rng.range(0.3, 2) * HOUR + rng.exp(4 * HOUR)),
      staff,
      { note: '已电话联系诉求人' },
    );
  }

  // 吹哨报到: rare, for hard or urgent cases and community whistles.
  if (o.source === 'whistle' || ((leaf.tags.includes('hard') || o.urgency === 'P1') && rng.chance(0.02))) {
    const summoned = rng.shuffle(ctx.deptUnitIds.filter((u) => u !== unit)).slice(0, rng.int(2, 4));
    const wt = b.add('whistled', t + rng.range(10, 120) * MIN, duty, {
      unitIds: summoned,
      deadlineMinutes: 30,
      reason: `${leaf.name}涉及多部门职责，吹哨联合处置`,
    });
    // Most report in within 30 minutes, some late, a few never.
    const times = summoned
      .map((u) => ({ u, at: wt + rng.range(5, rng.chance(0.15) ? 70 : 29) * MIN, shows: rng.chance(0.95) }))
      .filter((r) => r.shows)
      .sort((a, b) => a.at - b.at);
    for (const r of times) b.add('reported_in', r.at, staffOf(ctx, rng, r.u), { unitId: r.u });
    t = b.time;
  }

  // Handling time, from receipt: consultations fast, grid cases in hours, a few overdue.
  let deadline = o.receivedAt + finishMs;
  let duration: number;
  if (o.appealType === 'consult' && hotline) duration = rng.range(0.2, 0.5) * DAY + rng.exp(1.3 * DAY);
  else if (o.source === 'grid' || o.source === 'proactive')
    duration = rng.range(0.5, 1.5) * HOUR + rng.exp(3 * HOUR);
  else if (o.source === 'iot') duration = rng.range(20, 40) * MIN + rng.exp(35 * MIN);
  else if (o.urgency === 'P0') duration = rng.range(30, 60) * MIN + rng.exp(25 * MIN);
  else if (o.urgency === 'P1') duration = rng.range(2, 6) * HOUR + rng.exp(8 * HOUR);
  else if (o.urgency === 'P3') duration = rng.range(2, 4) * DAY + rng.exp(6 * DAY);
  else duration = rng.range(0.5, 1.5) * DAY + rng.exp(3.2 * DAY);

  // 延期: 6 % where the policy allows an extension.
  // P0/P1 may never be extended (PRODUCT.md deadlines), whatever the source.
  const canExtend = o.urgency === 'P2' || o.urgency === 'P3';
  if (canExtend && rng.chance(0.06)) {
    const days = o.source === 'grid' ? 1 : o.source === 'volunteer' ? 3 : o.urgency === 'P3' ? 15 : 7;
    const at = Math.max(t + HOUR, o.receivedAt + finishMs * rng.range(0.4, 0.8));
    t = b.add('extension_requested', at, staff, { days, reason: rng.pick(EXTENSION_REASONS) });
    const approved = rng.chance(0.85);
    t = b.add('extension_decided', t + rng.range(1, 20) * HOUR, duty, {
      approved,
      note: approved ? '同意延期' : '不符合延期条件',
    });
    if (approved) {
      deadline += days * DAY;
      duration = Math.max(duration, finishMs + rng.range(0.2, 0.9) * days * DAY);
    }
  }
  // Most finish inside the deadline; ≈6 % run over it.
  const span = deadline - o.receivedAt;
  if (duration > span * 0.97)
    duration = rng.chance(0.35) ? span * rng.range(1.02, 1.6) : span * rng.range(0.6, 0.97);
  let replyAt = Math.max(t + 10 * MIN, o.receivedAt + duration);

  // 挂账: hard cases now and then go to the problem bank.
  if (leaf.tags.includes('hard') && hotline && rng.chance(0.08)) {
    t = b.add('suspended', t + rng.range(3, 10) * DAY, duty, { reason: rng.pick(SUSPEND_REASONS) });
    if (rng.chance(0.5)) return b.events; // still in the problem bank
    t = b.add('resumed', t + rng.range(20, 90) * DAY, duty, { note: '专项协调后恢复办理' });
    replyAt = t + rng.range(1, 5) * DAY;
  }

  // Progress notes and urges while handling.
  const notes = o.appealType === 'consult' || fieldCase ? (rng.chance(0.2) ? 1 : 0) : rng.int(0, 2);
  for (let k = 0; k < notes; k++)
    b.add('progressed', b.time + (replyAt - b.time) * rng.range(0.2, 0.8), staff, {
      note: rng.pick(PROGRESS_NOTES),
      photos: [],
    });
  if (rng.chance(0.04))
    b.add('urged', b.time + (replyAt - b.time) * rng.range(0.3, 0.9), duty, {
      level: rng.chance(0.25) ? 'supervise' : 'remind',
      note: '请抓紧办理',
    });

  const replyText = o.appealType === 'consult' ? rng.pick(REPLY_TEXTS.consult) : rng.pick(REPLY_TEXTS.other);
  t = b.add('replied', replyAt, staff, { result: replyText, photos: [] });

  // 核查 / 返工 (3 %), then 结案.
  const verifier = fieldCase ? (pl.grid.workers[0] ?? duty) : duty;
  if (rng.chance(0.03)) {
    t = b.add('verified', t + rng.range(10, 60) * MIN, verifier, {
      passed: false,
      note: '现场核查未整改到位，退回返工',
      photos: [],
    });
    b.add('progressed', t + rng.range(1, 6) * HOUR, staff, { note: '已重新组织处置', photos: [] });
    t = b.add('replied', b.time + (fieldCase ? rng.range(1, 4) * HOUR : rng.range(0.5, 2) * DAY), staff, {
      result: '已按核查意见重新整改完毕。',
      photos: [],
    });
  }
  if (fieldCase) {
    t = b.add('verified', t + rng.range(5, 55) * MIN, verifier, {
      passed: true,
      note: '现场核查已整改',
      photos: [],
    });
    return b.events;
  }
  if (!hotline) {
    t = b.add('closed', t + rng.range(1, 24) * HOUR, duty, { note: '办结' });
    return b.events;
  }
  t = b.add('closed', t + rng.range(1, 8) * HOUR + rng.exp(12 * HOUR), 'upstream', { note: '市级平台结案' });

  // 回访: valid 70 %; contacted 98 %, solved 92 %, satisfied 70 / basic 20 / unsatisfied 10.
  const valid = rng.chance(0.7);
  const contacted = rng.chance(0.98);
  const solved = contacted && rng.chance(0.92 / 0.98); // overall 92 %
  const satisfaction = satisfactionFor(rng, solved);
  t = b.add('callback_recorded', t + rng.range(2, 20) * HOUR + rng.exp(DAY), 'upstream', {
    valid,
    contacted,
    solved,
    satisfaction,
  });
  if (valid && !solved && satisfaction === 'unsatisfied' && rng.chance(0.3)) {
    t = b.add('reopened', t + rng.range(1, 24) * HOUR, duty, { reason: '回访不满意，重新办理' });
    b.add('progressed', t + rng.range(2, 24) * HOUR, staff, { note: '已再次联系诉求人并复查', photos: [] });
    t = b.add('replied', b.time + rng.range(1, 4) * DAY, staff, {
      result: '复查后已重新处理，诉求人表示认可。',
      photos: [],
    });
    b.add('closed', t + rng.range(2, 24) * HOUR, 'upstream', { note: '重办结案' });
  }
  return b.events;
}

/** Appeal types of hotline orders: 咨询 47 %, 求助 30 %, 建议 15 %, 投诉 + 举报 5 % (DATA.md). */
function hotlineAppeal(ctx: Ctx, rng: Rng, leaf: Leaf): AppealType {
  if (leaf.consult) return rng.chance(0.92) ? 'consult' : 'help';
  if (rng.chance(ctx.consultElsewhere)) return 'consult';
  const r = rng.next() * 53; // the remaining non-consult mix: 30 / 15 / 3.5 / 1.5 (+ 3 rounding)
  return r < 30 ? 'help' : r < 45 ? 'suggestion' : r < 48.5 ? 'complaint' : r < 50 ? 'report' : 'help';
}

function adjustUrgency(rng: Rng, u: Urgency): Urgency {
  const r = rng.next();
  if (r < 0.04 && u === 'P2') return 'P1';
  if (r < 0.07 && u === 'P2') return 'P3';
  if (r < 0.05 && u === 'P1') return 'P2';
  return u;
}

/** Lazily yields every order's events, orders in increasing receivedAt. */
export function* generateOrderEvents(ref: ReferenceData, opts: OrderGenOptions): Generator<OrderEvent[]> {
  const ctx = buildCtx(ref, opts.ordersPerDayScale ?? 1);
  const start = opts.anchor - opts.days * DAY;
  const firstDay = Math.floor((start + TZ) / DAY);
  const lastDay = Math.floor((opts.anchor + TZ) / DAY);
  for (let dayNo = firstDay; dayNo <= lastDay; dayNo++) {
    for (const events of generateDay(ctx, opts, dayNo)) {
      const first = events[0];
      if (!first || first.at < start || first.at > opts.anchor) continue;
      let n = events.length;
      while (n > 0 && (events[n - 1] as OrderEvent).at > opts.anchor) n--;
      yield n === events.length ? events : events.slice(0, n);
    }
  }
}

function* generateDay(ctx: Ctx, opts: OrderGenOptions, dayNo: number): Generator<OrderEvent[]> {
  const rng = createRng(opts.seed, 0x0dd, dayNo);
  const parts = dayParts(dayNo);
  const dayStart = dayNo * DAY - TZ;
  const scale = ctx.scale;
  const heat = heatingFactor(dayNo);
  const flood = floodFactor(dayNo);
  const weights = ctx.leaves.map((l, i) => {
    let w = ctx.hotlineBase[i] as number;
    if (l.tags.includes('heating')) w *= heat * 2;
    if (l.tags.includes('flood')) w *= flood;
    return w;
  });
  const baseTotal = ctx.hotlineBase.reduce((a, b) => a + b, 0);
  const dayTotal = weights.reduce((a, b) => a + b, 0);
  // Seasonal categories add volume on top of the base 15/day rather than displacing others.
  const dayNoise = Math.exp(0.25 * rng.normal() - 0.03);
  const hotlineMean =
    15 * (WEEKDAY[parts.dow] as number) * dayNoise * (dayTotal / (baseTotal * 1.02)) * scale;
  const weekend = parts.dow >= 5;

  const drafts: Draft[] = [];
  const at = (hourWeights: readonly number[] | null, windows?: readonly [number, number][]) => {
    if (windows) {
      const total = windows.reduce((a, w) => a + w[1] - w[0], 0);
      let r = rng.next() * total;
      for (const w of windows) {
        if (r < w[1] - w[0]) return dayStart + (w[0] + r) * HOUR;
        r -= w[1] - w[0];
      }
    }
    const h = hourWeights ? rng.weighted(hourWeights) : rng.int(0, 23);
    return dayStart + h * HOUR + Math.floor(rng.next() * HOUR);
  };
  for (let k = 0, n = rng.poisson(hotlineMean); k < n; k++)
    drafts.push({ receivedAt: at(HOTLINE_HOURS), source: 'hotline' });
  const gridN = Math.round((weekend ? rng.int(6, 18) : rng.int(10, 30)) * scale);
  for (let k = 0; k < gridN; k++)
    drafts.push({
      receivedAt: Math.floor(
        at(null, [
          [8, 11.5],
          [14, 20],
        ]),
      ),
      source: 'grid',
    });
  const iotN = Math.round(rng.int(1, 5) * scale * (flood > 1.2 ? 1.3 : 1));
  for (let k = 0; k < iotN; k++) drafts.push({ receivedAt: at(null), source: 'iot' });
  const extra: [OrderSource, number, readonly [number, number][]][] = [
    ['walk_in', weekend ? 0.2 : 0.8, [[8.5, 17.5]]],
    ['volunteer', 0.5, [[8, 20]]],
    ['proactive', weekend ? 0 : 0.2, [[9, 17]]],
    ['whistle', 0.03, [[9, 18]]],
  ];
  for (const [source, mean, win] of extra)
    for (let k = 0, n = rng.poisson(mean * scale); k < n; k++)
      drafts.push({ receivedAt: Math.floor(at(null, win)), source });
  drafts.sort((a, b) => a.receivedAt - b.receivedAt);

  const date = yyyymmdd(parts);
  const recent: { id: string; community: string; leaf: string }[] = [];
  // Yielded one by one so events die young: the 1 M-order run stays in the young generation.
  for (let seq = 0; seq < drafts.length; seq++) {
    const d = drafts[seq] as Draft;
    let leaf: Leaf;
    if (d.source === 'hotline' || d.source === 'walk_in' || d.source === 'whistle')
      leaf = ctx.leaves[rng.weighted(weights)] as Leaf;
    else if (d.source === 'grid' || d.source === 'proactive')
      leaf = ctx.gridPool[rng.weighted(ctx.gridWeights)] as Leaf;
    else if (d.source === 'iot') {
      const pool = ctx.iotPool;
      leaf = pool[
        rng.weighted(
          pool.map((l) => (l.tags.includes('flood') ? 2 * flood * flood : l.urgency === 'P0' ? 1 : 3)),
        )
      ] as Leaf;
    } else leaf = rng.pick(ctx.volunteerPool);
    const community = ctx.communityCodes[rng.weighted(ctx.communityWeights)] as string;
    const grid = rng.pick(ctx.gridsByCommunity.get(community) ?? ctx.grids);
    const pl = place(
      rng,
      grid,
      d.source !== 'grid' && d.source !== 'iot' && d.source !== 'proactive' ? rng.chance(0.8) : false,
    );
    const appealType: AppealType =
      d.source === 'hotline' || d.source === 'walk_in'
        ? hotlineAppeal(ctx, rng, leaf)
        : d.source === 'volunteer' || d.source === 'whistle'
          ? 'help'
          : 'report';
    const urgency = d.source === 'iot' ? leaf.urgency : adjustUrgency(rng, leaf.urgency);
    const id = `WO${date}${String(seq + 1).padStart(5, '0')}`;
    const withCitizen = d.source === 'hotline' || d.source === 'walk_in' || d.source === 'volunteer';
    // Duplicates (same place and category the same day) are merged into the first one.
    let mergeInto: string | null = null;
    if (d.source === 'hotline' && rng.chance(0.015) && recent.length > 0) {
      const prior = recent[recent.length - 1 - rng.int(0, Math.min(5, recent.length - 1))];
      if (prior) mergeInto = prior.id;
    }
    const spec: OrderSpec = {
      id,
      counter: ((dayNo % 20) * 5000 + seq) % 100000,
      receivedAt: d.receivedAt,
      source: d.source,
      leaf,
      appealType,
      urgency,
      place: pl,
      citizen: withCitizen ? { name: personName(rng), phone: citizenPhone(rng) } : null,
      upstreamId: d.source === 'hotline' ? `12345-${date}${String(seq + 1).padStart(6, '0')}` : null,
      mergeInto,
    };
    if (d.source === 'hotline' && !mergeInto) recent.push({ id, community, leaf: leaf.code });
    yield lifecycle(ctx, rng, spec, opts.node);
  }
}
