/**
 * The volunteer loop's transitions (docs/PARTY.md), apart from order-reducer.ts for its size:
 * 派单 to a member or a site, 接单, 拒单 (back to 待派单), 评单 (the order's 回访; closes a 已办结
 * order). Status checks are done before, by the reducer's ALLOWED_FROM. Also 协办党员 on an ordinary
 * order (added / removed).
 */
import type { OrderEvent } from './order-events';
import type { WorkOrder } from './order';

type VolunteerEvent = Extract<
  OrderEvent,
  {
    type:
      | 'volunteer_assigned'
      | 'volunteer_accepted'
      | 'volunteer_declined'
      | 'volunteer_rated'
      | 'member_assist_added'
      | 'member_assist_removed';
  }
>;

const refuse = (reason: string) => ({ ok: false as const, reason });

/** The fields the event changes, or its refusal (the reducer's ApplyResult shape). */
export function volunteerChange(
  o: WorkOrder,
  e: VolunteerEvent,
): Partial<WorkOrder> | { readonly ok: false; readonly reason: string } {
  switch (e.type) {
    case 'volunteer_assigned':
      return {
        status: 'dispatched',
        unitId: null,
        coUnitIds: [],
        dispatchedAt: e.at,
        signedAt: null,
        arrivedAt: null,
        volunteer: { ...e.payload.assignee, assignedAt: e.at, acceptedAt: null, rating: null },
      };
    case 'volunteer_accepted': {
      const v = o.volunteer;
      if (!v || v.id !== e.payload.assigneeId)
        return refuse(
          `接单人不是被派单的党员或阵地 (volunteer_accepted: not_assigned ${e.payload.assigneeId})`,
        );
      return { status: 'in_progress', signedAt: e.at, volunteer: { ...v, acceptedAt: e.at } };
    }
    case 'volunteer_declined':
      if (!o.volunteer || o.volunteer.id !== e.payload.assigneeId)
        return refuse(
          `拒单人不是被派单的党员或阵地 (volunteer_declined: not_assigned ${e.payload.assigneeId})`,
        );
      return {
        status: 'received',
        dispatchedAt: null,
        signedAt: null,
        arrivedAt: null,
        volunteer: null,
        volunteerDeclines: (o.volunteerDeclines ?? 0) + 1,
      };
    case 'member_assist_added': {
      // 协办党员 on an ordinary order: at most 5, each once (a repeat is refused, not doubled).
      const list = o.assistMembers ?? [];
      if (list.some((m) => m.id === e.payload.memberId))
        return refuse(`该党员已是本工单的协办党员 (member_assist_added: already ${e.payload.memberId})`);
      if (list.length >= 5) return refuse('协办党员最多 5 名 (member_assist_added: too_many)');
      return { assistMembers: [...list, { id: e.payload.memberId, name: e.payload.name, addedAt: e.at }] };
    }
    case 'member_assist_removed': {
      const list = o.assistMembers ?? [];
      if (!list.some((m) => m.id === e.payload.memberId))
        return refuse(
          `该党员不是本工单的协办党员 (member_assist_removed: not_assisting ${e.payload.memberId})`,
        );
      const rest = list.filter((m) => m.id !== e.payload.memberId);
      // null when none is left: the store's partial index covers only orders with members.
      return { assistMembers: rest.length > 0 ? rest : null };
    }
    case 'volunteer_rated': {
      const v = o.volunteer;
      if (!v) return refuse('该工单不是志愿服务工单，不能评单 (volunteer_rated: no_volunteer)');
      if (v.rating) return refuse('该工单已评单 (volunteer_rated: already_rated)');
      const p = e.payload;
      return {
        volunteer: { ...v, rating: { stars: p.stars, satisfaction: p.satisfaction, at: e.at } },
        // The resident's rating is the order's 回访; a 已办结 order is closed by it.
        callback: {
          at: e.at,
          valid: true,
          contacted: true,
          solved: p.satisfaction !== 'unsatisfied',
          satisfaction: p.satisfaction,
          ...(p.note ? { note: p.note } : {}),
        },
        ...(o.status === 'replied' ? { status: 'closed' as const, closedAt: e.at } : {}),
      };
    }
  }
}
