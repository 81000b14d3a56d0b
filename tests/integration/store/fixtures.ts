/** A tiny hand-made street and order histories for store/core integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import type { WritableDb } from '../../../electron/core/store/types';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { DEFAULT_SLA_POLICY } from '../../../shared/features/orders/sla-policy';
import type {
  OrderEvent,
  EventPayloadInput,
  OrderEventType,
} from '../../../shared/features/orders/order-events';
import { EVENT_PAYLOADS } from '../../../shared/features/orders/order-events';
import { encodeHlc } from '../../../shared/kernel/hlc';

export function tempDir(prefix = 'hall-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store in a fresh temp dir holding TINY_REF; the cleanup closes and removes it. */
export function openTinyStore(cleanups: Pick<Array<() => void>, 'push'>): WritableDb {
  const t = tempDir();
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  cleanups.push(() => {
    db.close();
    t.cleanup();
  });
  return db;
}

const ring = (x: number, y: number, d = 0.005) =>
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ] as const;

export const TINY_REF: ReferenceData = {
  version: 3,
  street: {
    code: '110105001',
    name: '测试街道',
    district: '朝阳区',
    city: '北京市',
    boundary: ring(116.4, 39.9, 0.02),
  },
  communities: [
    {
      code: '110105001001',
      name: '东社区',
      streetCode: '110105001',
      boundary: ring(116.4, 39.9),
      centroid: [116.4025, 39.9025],
      population: 8000,
    },
    {
      code: '110105001002',
      name: '西社区',
      streetCode: '110105001',
      boundary: ring(116.41, 39.9),
      centroid: [116.4125, 39.9025],
      population: 6000,
    },
  ],
  grids: [
    {
      code: '110105001001-01',
      name: '东一网格',
      communityCode: '110105001001',
      boundary: ring(116.4, 39.9, 0.002),
      centroid: [116.401, 39.901],
    },
    {
      code: '110105001002-01',
      name: '西一网格',
      communityCode: '110105001002',
      boundary: ring(116.41, 39.9, 0.002),
      centroid: [116.411, 39.901],
    },
  ],
  buildings: [
    {
      code: '110105001001-01-001',
      name: '1号楼',
      gridCode: '110105001001-01',
      kind: 'residential',
      footprint: ring(116.4005, 39.9005, 0.0003),
      floors: 6,
    },
  ],
  roads: [
    {
      id: 'r1',
      name: '光华路',
      kind: 'main',
      line: [
        [116.4, 39.9],
        [116.42, 39.9],
      ],
    },
  ],
  units: [
    {
      id: 'u-cg',
      name: '城管执法队',
      kind: 'department',
      communityCodes: [],
      location: [116.405, 39.905],
      phone: '010-1234567',
      needs: [],
      resources: [],
      projects: [],
    },
    {
      id: 'u-wy',
      name: '阳光物业',
      kind: 'property_company',
      communityCodes: ['110105001001'],
      location: [116.401, 39.901],
      phone: '010-7654321',
      needs: [],
      resources: [],
      projects: [],
    },
  ],
  people: [
    {
      id: 'p1',
      name: '王网格',
      phone: '13800000001',
      role: 'grid_worker',
      unitId: null,
      gridCode: '110105001001-01',
      communityCode: '110105001001',
      dualRegistered: false,
      skills: [],
      serviceHours: 0,
      points: 0,
      home: null,
    },
  ],
  partyOrgs: [
    {
      id: 'po1',
      name: '东社区党委',
      level: 'community_committee',
      parentId: null,
      areaCode: '110105001001',
      secretaryId: null,
      memberCount: 120,
    },
  ],
  sites: [
    {
      id: 's1',
      name: '东社区党群服务中心',
      kind: 'party_service_center',
      communityCode: '110105001001',
      location: [116.402, 39.902],
      services: ['议事'],
      openingHours: '9:00-17:00',
    },
  ],
  categories: [
    { code: '01', name: '市容环境', level: 1, parentCode: null, defaultUrgency: 'P2' },
    { code: '01.01', name: '噪音', level: 2, parentCode: '01', defaultUrgency: 'P2' },
    { code: '01.01.001', name: '施工噪音', level: 3, parentCode: '01.01', defaultUrgency: 'P2' },
    { code: '02', name: '房屋管理', level: 1, parentCode: null, defaultUrgency: 'P2' },
    { code: '02.01', name: '漏水', level: 2, parentCode: '02', defaultUrgency: 'P1' },
  ],
  responsibility: [{ id: 'rr1', categoryCode: '01', communityCode: null, unitId: 'u-cg' }],
  slaPolicy: DEFAULT_SLA_POLICY,
};

/** Builds events for one order with increasing HLCs from a base time. */
export class History {
  private counter = 0;
  readonly events: OrderEvent[] = [];
  constructor(
    readonly orderId: string,
    private t: number,
    readonly node = 'up',
  ) {}
  add<T extends OrderEventType>(type: T, payload: EventPayloadInput<T>, stepMs = 60_000): OrderEvent {
    this.t += stepMs;
    const e = {
      id: `${this.orderId}-e${++this.counter}`,
      orderId: this.orderId,
      type,
      payload: EVENT_PAYLOADS[type].parse(payload),
      actor: 'tester',
      node: this.node,
      hlc: encodeHlc({ physical: this.t, counter: 0, node: this.node }),
      at: this.t,
    } as OrderEvent;
    this.events.push(e);
    return e;
  }
}

export const T0 = Date.UTC(2026, 2, 10, 2, 0, 0); // 2026-03-10 10:00 China time

export function createdPayload(
  over: Partial<EventPayloadInput<'created'>> = {},
): EventPayloadInput<'created'> {
  return {
    source: 'hotline',
    appealType: 'complaint',
    categoryCode: '01.01.001',
    urgency: 'P2',
    title: '工地夜间施工噪音扰民',
    description: '光华路工地每晚十点后仍在施工，噪音很大，影响休息。',
    address: '光华路1号楼',
    lng: 116.401,
    lat: 39.901,
    communityCode: '110105001001',
    gridCode: '110105001001-01',
    citizen: { name: '张三丰', phone: '13812345678' },
    ...over,
  };
}

/** A full lifecycle: created → dispatched → signed → replied → closed → call-back. */
export function closedHistory(
  orderId: string,
  t: number,
  over: Partial<EventPayloadInput<'created'>> = {},
): OrderEvent[] {
  const h = new History(orderId, t);
  h.add('created', createdPayload(over), 0);
  h.add('dispatched', { unitId: 'u-cg' });
  h.add('signed', { unitId: 'u-cg' });
  h.add('contacted', {});
  h.add('replied', { result: '已责令停工' });
  h.add('closed', {});
  h.add('callback_recorded', { valid: true, contacted: true, solved: true, satisfaction: 'satisfied' });
  return h.events;
}
