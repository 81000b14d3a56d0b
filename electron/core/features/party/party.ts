/**
 * party.* handlers: the volunteer loop as order events (居民点单 `created` with source volunteer,
 * `volunteer_assigned`, `volunteer_accepted` / `volunteer_declined`, `replied`, `volunteer_rated`),
 * each checked by the same reducer as orders.act and written in one transaction with its audit
 * row; and the party screens' reads (积分 derived from the projection, never stored).
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import type { PartyAssignee, PartyMemberView, PartyTask } from '../../../../shared/features/party/contract';
import {
  NEEDS,
  NEED_LABELS,
  NEED_RULES,
  POINTS_RULE,
  assistCreditsOf,
  creditsOf,
  rank,
  satisfactionOfStars,
  slotAt,
  suggestMembers,
  type Credit,
  type Need,
} from '../../../../shared/features/party/party';
import type { OrderEvent, OrderEventType } from '../../../../shared/features/orders/order-events';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { applyEvent } from '../../../../shared/features/orders/order-reducer';
import { chinaMonth, chinaMonthRange } from '../../../../shared/kernel/china-time';
import { decodeHlc } from '../../../../shared/kernel/hlc';
import { appendOrderEvents, getOrder, orderEvents } from '../../store/event-log/events';
import { insertAudit } from '../../store/audit';
import { nextLocalHlc } from '../../store/meta';
import type { ReadableDb } from '../../store/types';
import type { AuthedCallContext, Handler, WriteEnv } from '../../runtime/context';
import { maskOrder, type MaskSubject } from '../../runtime/masking';
import { referenceIndex } from '../reference';
import {
  assistRows,
  assignedRows,
  gridBranches,
  memberPeople,
  memberSlots,
  openTaskRows,
  orderRow,
  personById,
  personNames,
  rowsOfAssignee,
  rowsOfAssistMember,
  siteRows,
  type OrderRow,
} from './queries';

const needOf = (o: WorkOrder): Need | null => {
  const n = o.answers?.need;
  return n !== undefined && (NEEDS as readonly string[]).includes(n) ? (n as Need) : null;
};

/** Names of members and sites, for the assignees of some tasks. */
export function assigneeNames(db: ReadableDb, rows: readonly OrderRow[]): Map<string, string> {
  const ids = rows.flatMap((r) => (r.order.volunteer?.kind === 'member' ? [r.order.volunteer.id] : []));
  const names = personNames(db, ids);
  if (rows.some((r) => r.order.volunteer?.kind === 'site'))
    for (const s of siteRows(db)) names.set(s.id, s.name);
  return names;
}

export function taskOf(
  row: OrderRow,
  names: ReadonlyMap<string, string>,
  now: number,
  who: MaskSubject,
): PartyTask {
  const o = maskOrder(row.order, who);
  const v = o.volunteer ?? null;
  const assignee: PartyAssignee | null = v ? { kind: v.kind, id: v.id, name: names.get(v.id) ?? v.id } : null;
  return {
    orderId: o.id,
    version: o.version,
    title: o.title,
    need: needOf(o),
    status: o.status,
    communityCode: o.communityCode,
    address: o.address,
    receivedAt: o.receivedAt,
    finishDeadline: row.finishDeadline,
    overdue: row.isOpen && row.finishDeadline !== null && row.finishDeadline < now,
    assignee,
    assignedAt: v?.assignedAt ?? null,
    acceptedAt: v?.acceptedAt ?? null,
    repliedAt: o.repliedAt,
    rating: v?.rating ? { stars: v.rating.stars, satisfaction: v.rating.satisfaction } : null,
    declines: o.volunteerDeclines ?? 0,
  };
}

function _task(db: ReadableDb, orderId: string, now: number, who: MaskSubject): PartyTask {
  const row = orderRow(db, orderId);
  if (!row) throw new ApiError('order_not_found', { params: { orderId }, field: 'orderId' });
  return taskOf(row, assigneeNames(db, [row]), now, who);
}

/** Every credit earned on the platform, by member: volunteer tasks and 协办党员 on ordinary orders. */
function allCredits(db: ReadableDb): Credit[] {
  return [
    ...assignedRows(db).flatMap((r) => creditsOf(r.order)),
    ...assistRows(db).flatMap((r) => assistCreditsOf(r.order)),
  ];
}

export function members(db: ReadableDb, now: number): PartyMemberView[] {
  const people = memberPeople(db);
  const slots = memberSlots(db);
  const open = new Map<string, number>();
  for (const r of openTaskRows(db)) {
    const v = r.order.volunteer;
    if (v?.kind === 'member' && r.order.status !== 'replied') open.set(v.id, (open.get(v.id) ?? 0) + 1);
  }
  // An open order a member assists on counts toward the member's load too.
  for (const r of assistRows(db))
    if (r.isOpen && r.order.status !== 'replied')
      for (const m of r.order.assistMembers ?? []) open.set(m.id, (open.get(m.id) ?? 0) + 1);
  const earned = new Map<string, number>();
  for (const c of allCredits(db)) earned.set(c.memberId, (earned.get(c.memberId) ?? 0) + c.points);
  const slot = slotAt(now);
  return people.map((p) => {
    const s = slots.get(p.id) ?? [];
    return {
      id: p.id,
      name: p.name,
      communityCode: p.communityCode,
      gridCode: p.gridCode,
      skills: p.skills,
      slots: s,
      availableNow: slot !== null && s.includes(slot),
      openTasks: open.get(p.id) ?? 0,
      basePoints: p.points,
      earnedPoints: earned.get(p.id) ?? 0,
      serviceHours: p.serviceHours,
    };
  });
}

export const partyOverview: Handler<'party.overview'> = (_i, call, env) => {
  const db = env.db;
  const now = env.now();
  const idx = referenceIndex(db);
  const open = openTaskRows(db);
  const names = assigneeNames(db, open);
  const tasks = open.map((r) => taskOf(r, names, now, call));
  const byGrid = new Map<string, number>();
  for (const r of open) {
    const g = r.order.gridCode;
    if (g) byGrid.set(g, (byGrid.get(g) ?? 0) + 1);
  }
  const branches = gridBranches(db);
  const secretaries = personNames(
    db,
    branches.flatMap((b) => (b.secretaryId ? [b.secretaryId] : [])),
  );
  return {
    branches: branches.map((b) => ({
      id: b.id,
      name: b.name,
      gridCode: b.areaCode,
      communityCode: idx.grids.get(b.areaCode)?.communityCode ?? null,
      memberCount: b.memberCount,
      secretary: b.secretaryId ? (secretaries.get(b.secretaryId) ?? null) : null,
      openTasks: byGrid.get(b.areaCode) ?? 0,
    })),
    sites: siteRows(db).map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      communityCode: s.communityCode,
      openingHours: s.openingHours,
      services: s.services,
      openTasks: tasks.filter((t) => t.assignee?.kind === 'site' && t.assignee.id === s.id),
    })),
    members: memberPeople(db).length,
    openTasks: open.length,
    pointsRule: POINTS_RULE,
  };
};

export const partyMembers: Handler<'party.members'> = (input, _c, env) => {
  const q = input.q?.trim();
  return members(env.db, env.now()).filter(
    (m) =>
      (!input.communityCode || m.communityCode === input.communityCode) &&
      (!q || m.name.includes(q) || m.skills.some((s) => s.includes(q))),
  );
};

export const partyTasks: Handler<'party.tasks'> = (input, call, env) => {
  const db = env.db;
  const open = openTaskRows(db);
  const rows = input.all ? [...open.filter((r) => !r.order.volunteer), ...assignedRows(db, 500)] : open;
  const names = assigneeNames(db, rows);
  const now = env.now();
  return rows.map((r) => taskOf(r, names, now, call)).sort((a, b) => b.receivedAt - a.receivedAt);
};

export const partySuggest: Handler<'party.suggest'> = (input, _c, env) => {
  const db = env.db;
  const order = getOrder(db, input.orderId);
  if (!order) throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
  const declinedBy = [
    ...new Set(
      orderEvents(db, input.orderId).flatMap((e) =>
        e.type === 'volunteer_declined' ? [e.payload.assigneeId] : [],
      ),
    ),
  ];
  const all = members(db, env.now());
  const byId = new Map(all.map((m) => [m.id, m]));
  const ranked = suggestMembers(
    all,
    { need: needOf(order), communityCode: order.communityCode, now: env.now() },
    new Set(declinedBy),
  );
  const sites = siteRows(db)
    .filter((s) => !declinedBy.includes(s.id))
    .sort(
      (a, b) =>
        Number(b.communityCode === order.communityCode) - Number(a.communityCode === order.communityCode) ||
        Number(b.kind === 'red_station') - Number(a.kind === 'red_station') ||
        a.id.localeCompare(b.id),
    )
    .slice(0, 6)
    .map((s) => ({ id: s.id, name: s.name, kind: s.kind }));
  const names = personNames(db, declinedBy);
  for (const x of siteRows(db)) if (declinedBy.includes(x.id)) names.set(x.id, x.name);
  return {
    orderId: input.orderId,
    members: ranked.flatMap((r) => {
      const m = byId.get(r.id);
      return m ? [{ ...m, score: r.score, reasons: r.reasons }] : [];
    }),
    sites,
    declinedBy: declinedBy.map((id) => ({ id, name: names.get(id) ?? id })),
  };
};

export const partyRanking: Handler<'party.ranking'> = (input, _c, env) => {
  const db = env.db;
  const people = memberPeople(db);
  const totals = new Map<string, { points: number; tasks: number }>();
  const [from, to] = chinaMonthRange(chinaMonth(env.now()));
  if (input.period === 'all') for (const p of people) totals.set(p.id, { points: p.points, tasks: 0 });
  for (const c of allCredits(db)) {
    if (input.period === 'month' && (c.at < from || c.at >= to)) continue;
    const t = totals.get(c.memberId) ?? { points: 0, tasks: 0 };
    totals.set(c.memberId, { points: t.points + c.points, tasks: t.tasks + (c.kind === 'done' ? 1 : 0) });
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  return rank(totals)
    .slice(0, input.limit)
    .map((r) => ({
      ...r,
      name: byId.get(r.memberId)?.name ?? r.memberId,
      communityCode: byId.get(r.memberId)?.communityCode ?? null,
    }));
};

export const partyLedger: Handler<'party.ledger'> = (input, call, env) => {
  if (!input.memberId)
    return { memberId: '', name: '', basePoints: 0, earnedPoints: 0, credits: [], assists: [] };
  const db = env.db;
  const p = personById(db, input.memberId);
  if (!p || p.role !== 'party_member')
    throw new ApiError('record_not_found', { params: { id: input.memberId }, field: 'memberId' });
  const assisted = rowsOfAssistMember(db, p.id).map((r) => maskOrder(r.order, call));
  const credits = [
    ...rowsOfAssignee(db, p.id).flatMap((r) => creditsOf(maskOrder(r.order, call))),
    ...assisted.flatMap((o) => assistCreditsOf(o).filter((c) => c.memberId === p.id)),
  ]
    .sort((a, b) => b.at - a.at)
    .map(({ orderId, title, kind, points, at, assist }) => ({
      orderId,
      title,
      kind,
      points,
      at,
      ...(assist ? { assist } : {}),
    }));
  return {
    memberId: p.id,
    name: p.name,
    basePoints: p.points,
    earnedPoints: credits.reduce((a, c) => a + c.points, 0),
    credits,
    assists: assisted.map((o) => ({
      orderId: o.id,
      title: o.title,
      status: o.status,
      addedAt: o.assistMembers?.find((m) => m.id === p.id)?.addedAt ?? o.receivedAt,
    })),
  };
};

// ── The loop's steps ────────────────────────────────────────────────────────────────────────

export function appendLoopEvent(
  env: WriteEnv,
  actor: string,
  order: WorkOrder | null,
  orderId: string,
  type: OrderEventType,
  payload: unknown,
  eventId?: string,
): void {
  const hlc = nextLocalHlc(env.db, env.node, env.now());
  const at = decodeHlc(hlc).physical;
  const event = {
    id: eventId ?? randomUUID(),
    orderId,
    type,
    payload,
    actor,
    node: env.node,
    hlc,
    at,
  } as OrderEvent;
  const check = applyEvent(order, event);
  if (!check.ok) throw ApiError.why('lifecycle_refused', check.reason, 'orderId');
  const res = appendOrderEvents(env.db, [event], { source: 'local', now: env.now() });
  const refused = res.rejected[0];
  if (refused) throw ApiError.why('lifecycle_refused', refused.reason, 'orderId');
  insertAudit(env.db, { at, actor, action: `party:${type}`, orderId, eventId: event.id });
}

/** One step of the loop on an existing order: version check, reducer check, event, audit. */
function _step(
  env: WriteEnv,
  actor: string,
  input: { readonly orderId: string; readonly expectedVersion: number },
  type: OrderEventType,
  payload: (order: WorkOrder) => unknown,
): void {
  env.db
    .transaction(() => {
      const order = getOrder(env.db, input.orderId);
      if (!order)
        throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
      if (order.version !== input.expectedVersion)
        throw new ApiError('stale_version', { field: 'expectedVersion' });
      appendLoopEvent(env, actor, order, input.orderId, type, payload(order));
    })
    .immediate();
}

function _volunteerOf(order: WorkOrder) {
  if (!order.volunteer) throw ApiError.why('lifecycle_refused', '该工单尚未派给党员或阵地', 'orderId');
  return order.volunteer;
}

export const partyRequest: Handler<'party.request'> = (input, call, env, tools) => {
  hallOnly(call);
  const db = env.db;
  const orderId = input.orderId ?? randomUUID();
  const created = db
    .transaction((): boolean => {
      if (getOrder(db, orderId)) return false;
      const idx = referenceIndex(db);
      const comm = idx.communities.get(input.communityCode);
      if (!comm)
        throw new ApiError('unknown_reference', {
          params: { what: '社区编码', id: input.communityCode },
          field: 'communityCode',
        });
      const grid = input.gridCode ? idx.grids.get(input.gridCode) : null;
      if (input.gridCode && (!grid || grid.communityCode !== comm.code))
        throw new ApiError('unknown_reference', {
          params: { what: '网格编码', id: input.gridCode },
          field: 'gridCode',
        });
      const leaf = NEED_RULES[input.need].leaf;
      const category = [...idx.categories.values()].find((c) => c.level === 3 && c.name === leaf);
      if (!category)
        throw new ApiError('unknown_reference', { params: { what: '服务类别', id: leaf }, field: 'need' });
      const [lng, lat] = (grid ?? comm).centroid;
      const label = NEED_LABELS[input.need];
      const first = input.description.split(/[\n。]/)[0]?.slice(0, 40) ?? '';
      appendLoopEvent(env, call.actor, null, orderId, 'created', {
        source: 'volunteer',
        appealType: 'help',
        categoryCode: category.code,
        urgency: 'P2',
        title: `【${label}】${first}`,
        description: input.description,
        address: input.address || `${comm.name}${grid ? grid.name : ''}`,
        lng,
        lat,
        communityCode: comm.code,
        gridCode: grid ? grid.code : null,
        citizen: input.citizen,
        anonymous: false,
        callbackConsent: input.citizen !== null,
        upstreamId: null,
        upstreamDeadline: null,
        answers: { need: input.need },
      });
      return true;
    })
    .immediate();
  if (created) tools.hint({ topic: 'orders.changed', orderIds: [orderId] });
  return { orderId };
};

export const partyAssign: Handler<'party.assign'> = (input, call, env, tools) => {
  hallOnly(call);
  const db = env.db;
  const a = input.assignee;
  if (a.kind === 'member') {
    const p = personById(db, a.id);
    if (!p || p.role !== 'party_member')
      throw new ApiError('unknown_reference', { params: { what: '党员', id: a.id }, field: 'assignee.id' });
  } else if (!siteRows(db).some((s) => s.id === a.id)) {
    throw new ApiError('unknown_reference', { params: { what: '阵地', id: a.id }, field: 'assignee.id' });
  }
  _step(env, call.actor, input, 'volunteer_assigned', () => ({ assignee: a, note: input.note }));
  tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _task(db, input.orderId, env.now(), call);
};

/**
 * Who records a member's step: a hall account on the member's behalf (as it says: who, how), or a
 * member account itself — then only on its own task, recorded as 本人账号 with the member's name.
 */
function _memberStep(
  env: WriteEnv,
  call: AuthedCallContext,
  order: WorkOrder,
  via: 'phone' | 'on_site' | 'app',
) {
  if (call.unitId) throw new ApiError('unit_scope');
  const v = _volunteerOf(order);
  if (!call.memberId) return { assigneeId: v.id, via, person: null };
  if (v.kind !== 'member' || v.id !== call.memberId) throw new ApiError('member_scope', { field: 'orderId' });
  return { assigneeId: v.id, via: 'app' as const, person: personById(env.db, v.id)?.name ?? '' };
}

export const partyAccept: Handler<'party.accept'> = (input, call, env, tools) => {
  _step(env, call.actor, input, 'volunteer_accepted', (o) => {
    const m = _memberStep(env, call, o, input.via);
    return { assigneeId: m.assigneeId, person: m.person ?? input.person, via: m.via };
  });
  tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _task(env.db, input.orderId, env.now(), call);
};

export const partyDecline: Handler<'party.decline'> = (input, call, env, tools) => {
  _step(env, call.actor, input, 'volunteer_declined', (o) => {
    const m = _memberStep(env, call, o, input.via);
    return { assigneeId: m.assigneeId, reason: input.reason, via: m.via };
  });
  tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _task(env.db, input.orderId, env.now(), call);
};

export const partyDone: Handler<'party.done'> = (input, call, env, tools) => {
  _step(env, call.actor, input, 'replied', (o) => {
    _memberStep(env, call, o, 'app');
    return { result: input.result, photos: [] };
  });
  tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _task(env.db, input.orderId, env.now(), call);
};

export const partyRate: Handler<'party.rate'> = (input, call, env, tools) => {
  hallOnly(call);
  _step(env, call.actor, input, 'volunteer_rated', () => ({
    stars: input.stars,
    satisfaction: satisfactionOfStars(input.stars),
    note: input.note,
  }));
  tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _task(env.db, input.orderId, env.now(), call);
};

/** A unit account works its unit's orders only: adding members is the hall's (docs/UNIT-ACCOUNTS.md). */
export function hallOnly(call: AuthedCallContext): void {
  if (call.unitId) throw new ApiError('unit_scope');
}
