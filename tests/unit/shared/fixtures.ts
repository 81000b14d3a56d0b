/** Event builders for the shared/ unit tests. */
import { encodeHlc } from '../../../shared/kernel/hlc';
import type { EventPayload, OrderEvent, OrderEventType } from '../../../shared/features/orders/order-events';
import type { WorkOrder } from '../../../shared/features/orders/order';
import { applyEvent } from '../../../shared/features/orders/order-reducer';

export const T0 = Date.UTC(2026, 2, 2, 1, 0, 0); // 2026-03-02 09:00 China time (Monday)
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const CREATED: EventPayload<'created'> = {
  source: 'hotline',
  appealType: 'complaint',
  categoryCode: '03.02.004',
  urgency: 'P2',
  title: '小区门口噪音扰民',
  description: '夜间施工噪音',
  address: '某街道某小区3号楼',
  lng: 116.4,
  lat: 39.9,
  communityCode: '110105001001',
  gridCode: '110105001001-01',
  citizen: { name: '张三', phone: '13800000000' },
  upstreamId: 'UP-1',
  upstreamDeadline: T0 + 7 * DAY,
};

/** Builds events of one order with increasing HLC and `at`, one minute apart by default. */
export class EventLog {
  private n = 0;
  readonly events: OrderEvent[] = [];
  constructor(
    readonly orderId = 'O-1',
    private at = T0,
    private readonly node = 'hall',
  ) {}

  add<T extends OrderEventType>(type: T, payload: EventPayload<T>, at?: number): OrderEvent {
    this.at = at ?? (this.n === 0 ? this.at : this.at + MIN);
    this.n++;
    const hlc = encodeHlc({ physical: this.at, counter: 0, node: this.node });
    const e = {
      id: `${this.orderId}-e${String(this.n).padStart(3, '0')}`,
      orderId: this.orderId,
      hlc,
      at: this.at,
      actor: 'tester',
      node: this.node,
      type,
      payload,
    } as OrderEvent;
    this.events.push(e);
    return e;
  }

  get now(): number {
    return this.at;
  }
}

/** Makes an event without recording it. */
export function makeEvent<T extends OrderEventType>(
  type: T,
  payload: EventPayload<T>,
  at: number,
  orderId = 'O-1',
  id = `${orderId}-${type}-${at}`,
): OrderEvent {
  const hlc = encodeHlc({ physical: at, counter: 0, node: 'hall' });
  return { id, orderId, hlc, at, actor: 'tester', node: 'hall', type, payload } as OrderEvent;
}

/** Applies and asserts success. */
export function ok(order: WorkOrder | null, e: OrderEvent): WorkOrder {
  const r = applyEvent(order, e);
  if (!r.ok) throw new Error(`expected ${e.type} to apply, refused: ${r.reason}`);
  return r.order;
}

/** Applies and returns the refusal reason (fails if applied). */
export function refused(order: WorkOrder | null, e: OrderEvent): string {
  const r = applyEvent(order, e);
  if (r.ok) throw new Error(`expected ${e.type} to be refused in ${order?.status ?? 'none'}`);
  return r.reason;
}

export const P = {
  dispatched: (unitId = 'U-A', coUnitIds: string[] = []): EventPayload<'dispatched'> => ({
    unitId,
    coUnitIds,
    note: '',
  }),
  signed: (unitId = 'U-A'): EventPayload<'signed'> => ({ unitId }),
  contacted: (): EventPayload<'contacted'> => ({ note: '已电话联系' }),
  progressed: (): EventPayload<'progressed'> => ({ note: '已到场', photos: [] }),
  replied: (): EventPayload<'replied'> => ({ result: '已处理完毕', photos: [] }),
  verified: (passed: boolean): EventPayload<'verified'> => ({ passed, note: '', photos: [] }),
  closed: (): EventPayload<'closed'> => ({ note: '' }),
  returnRequested: (unitId = 'U-A'): EventPayload<'return_requested'> => ({
    unitId,
    reason: '不属于本单位职责',
    photos: [],
  }),
  returnDecided: (approved: boolean): EventPayload<'return_decided'> => ({ approved, note: '' }),
  extensionRequested: (days = 7): EventPayload<'extension_requested'> => ({ days, reason: '需协调多个部门' }),
  extensionDecided: (approved: boolean): EventPayload<'extension_decided'> => ({ approved, note: '' }),
  urged: (): EventPayload<'urged'> => ({ level: 'remind', note: '' }),
  suspended: (): EventPayload<'suspended'> => ({ reason: '历史遗留问题' }),
  resumed: (): EventPayload<'resumed'> => ({ note: '' }),
  merged: (intoOrderId = 'O-2'): EventPayload<'merged'> => ({ intoOrderId }),
  reopened: (): EventPayload<'reopened'> => ({ reason: '群众反映未解决' }),
  whistled: (unitIds: string[], deadlineMinutes = 30): EventPayload<'whistled'> => ({
    unitIds,
    deadlineMinutes,
    reason: '多部门联合处置',
  }),
  reportedIn: (unitId: string): EventPayload<'reported_in'> => ({ unitId }),
  volunteerAssigned: (
    id = 'M-1',
    kind: 'member' | 'site' = 'member',
  ): EventPayload<'volunteer_assigned'> => ({
    assignee: { kind, id },
    note: '',
  }),
  volunteerAccepted: (assigneeId = 'M-1'): EventPayload<'volunteer_accepted'> => ({
    assigneeId,
    person: '',
    via: 'phone',
  }),
  volunteerDeclined: (assigneeId = 'M-1'): EventPayload<'volunteer_declined'> => ({
    assigneeId,
    reason: '本周出差',
    via: 'phone',
  }),
  volunteerRated: (
    stars = 5,
    satisfaction: 'satisfied' | 'basic' | 'unsatisfied' = 'satisfied',
  ): EventPayload<'volunteer_rated'> => ({ stars, satisfaction, note: '' }),
  assistAdded: (memberId = 'M-1'): EventPayload<'member_assist_added'> => ({
    memberId,
    name: '党员甲',
    note: '',
  }),
  assistRemoved: (memberId = 'M-1'): EventPayload<'member_assist_removed'> => ({
    memberId,
    name: '党员甲',
    reason: '临时有事',
  }),
  callback: (
    satisfaction: 'satisfied' | 'basic' | 'unsatisfied' = 'satisfied',
    valid = true,
    contacted = true,
    solved = true,
  ): EventPayload<'callback_recorded'> => ({ valid, contacted, solved, satisfaction }),
  located: (lng = 116.46, lat = 39.9): EventPayload<'located'> => ({
    lng,
    lat,
    address: '劲松中街25号',
    communityCode: null,
    gridCode: null,
    note: '',
  }),
};
