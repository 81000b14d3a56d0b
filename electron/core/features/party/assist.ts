/**
 * party.* — 协办党员 on ordinary orders and 党员接单 (a member account's own work), docs/PARTY.md:
 * the suggestion for an order (grid/community, skills of its category, slot, load), adding and
 * removing a member as order events (audited, version-checked, idempotent by eventId), and what a
 * member account sees. Split from ./party.ts for its size.
 */
import { ApiError } from '../../../../shared/contract/index';
import type { PartyAssistView, PartyMine } from '../../../../shared/features/party/contract';
import { skillsForCategory, suggestMembers } from '../../../../shared/features/party/party';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { getEvent, getOrder } from '../../store/event-log/events';
import type { ReadableDb } from '../../store/types';
import type { AuthedCallContext, Handler, WriteEnv } from '../../runtime/context';
import { maskOrder } from '../../runtime/masking';
import { referenceIndex } from '../reference';
import { appendLoopEvent, assigneeNames, hallOnly, members, taskOf } from './party';
import { personById, rowsOfAssignee, rowsOfAssistMember } from './queries';

function _assistView(db: ReadableDb, orderId: string, now: number): PartyAssistView {
  const order = getOrder(db, orderId);
  if (!order) throw new ApiError('order_not_found', { params: { orderId }, field: 'orderId' });
  const idx = referenceIndex(db);
  const path: string[] = [];
  for (
    let c = idx.categories.get(order.categoryCode);
    c;
    c = c.parentCode ? idx.categories.get(c.parentCode) : undefined
  )
    path.unshift(c.name);
  const skills = skillsForCategory(`${path.join('/')} ${order.title}`);
  const current = order.assistMembers ?? [];
  const all = members(db, now);
  const byId = new Map(all.map((m) => [m.id, m]));
  const ranked = suggestMembers(
    all,
    { need: null, skills, communityCode: order.communityCode, gridCode: order.gridCode, now },
    new Set(current.map((m) => m.id)),
  );
  return {
    orderId,
    version: order.version,
    current: current.map((m) => ({ id: m.id, name: m.name, addedAt: m.addedAt })),
    suggestions: ranked.flatMap((r) => {
      const m = byId.get(r.id);
      return m ? [{ ...m, score: r.score, reasons: r.reasons }] : [];
    }),
    skills,
  };
}

export const partyAssists: Handler<'party.assists'> = (input, call, env) => {
  hallOnly(call);
  return _assistView(env.db, input.orderId, env.now());
};

/**
 * One 协办党员 step: an eventId already recorded for this order answers with the current state
 * (a retry), otherwise the version check, the reducer's check, the event and its audit row.
 */
function _assistStep(
  env: WriteEnv,
  call: AuthedCallContext,
  input: {
    readonly orderId: string;
    readonly expectedVersion: number;
    readonly eventId?: string | undefined;
  },
  type: 'member_assist_added' | 'member_assist_removed',
  payload: (order: WorkOrder) => unknown,
): boolean {
  hallOnly(call);
  return env.db
    .transaction((): boolean => {
      if (input.eventId) {
        const seen = getEvent(env.db, input.eventId);
        if (seen) {
          if (seen.orderId !== input.orderId) throw new ApiError('event_id_reused', { field: 'eventId' });
          return false;
        }
      }
      const order = getOrder(env.db, input.orderId);
      if (!order)
        throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
      if (order.version !== input.expectedVersion)
        throw new ApiError('stale_version', { field: 'expectedVersion' });
      appendLoopEvent(env, call.actor, order, input.orderId, type, payload(order), input.eventId);
      return true;
    })
    .immediate();
}

export const partyAssist: Handler<'party.assist'> = (input, call, env, tools) => {
  const db = env.db;
  const p = personById(db, input.memberId);
  if (!p || p.role !== 'party_member')
    throw new ApiError('unknown_reference', {
      params: { what: '党员', id: input.memberId },
      field: 'memberId',
    });
  const written = _assistStep(env, call, input, 'member_assist_added', () => ({
    memberId: p.id,
    name: p.name,
    note: input.note,
  }));
  if (written) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _assistView(db, input.orderId, env.now());
};

export const partyUnassist: Handler<'party.unassist'> = (input, call, env, tools) => {
  const db = env.db;
  const written = _assistStep(env, call, input, 'member_assist_removed', (o) => {
    const m = (o.assistMembers ?? []).find((x) => x.id === input.memberId);
    if (!m) throw ApiError.why('lifecycle_refused', '该党员不是本工单的协办党员', 'memberId');
    return { memberId: m.id, name: m.name, reason: input.reason };
  });
  if (written) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId] });
  return _assistView(db, input.orderId, env.now());
};

// ── 党员接单: a member account's own work ────────────────────────────────────────────────────

export const partyMine: Handler<'party.mine'> = (_input, call, env): PartyMine => {
  const db = env.db;
  const p = call.memberId ? personById(db, call.memberId) : null;
  if (!p) return { memberId: '', name: '', tasks: [], assists: [] };
  const now = env.now();
  const rows = rowsOfAssignee(db, p.id);
  const names = assigneeNames(db, rows);
  const tasks = rows
    .filter((r) => r.isOpen || r.order.receivedAt > now - 30 * 86_400_000)
    .map((r) => taskOf(r, names, now, call));
  const assists = rowsOfAssistMember(db, p.id)
    .map((r) => maskOrder(r.order, call))
    .map((o) => ({
      orderId: o.id,
      title: o.title,
      status: o.status,
      addedAt: o.assistMembers?.find((m) => m.id === p.id)?.addedAt ?? o.receivedAt,
    }));
  return { memberId: p.id, name: p.name, tasks, assists };
};
