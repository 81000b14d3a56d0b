/**
 * party.* — the party network as a dispatch force (issue 15 item 3, docs/PARTY.md): 居民点单 →
 * 派单 to a 双报到 member or a 红色驿站 → 接单 / 拒单 → 办结 → 评单, 积分, ledger and ranking, and
 * the party screens. The loop's steps are order events (orders engine, SLA clock); the member's
 * and the resident's steps are recorded by an operator on their behalf. Domain: ./party.ts.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import type { OrderStatus, Satisfaction } from '../orders/order';
import { SAFE_ID, SAFE_ID_MESSAGE, hasScriptMarkup, SCRIPT_MESSAGE } from '../orders/safe-text';
import type { CreditKind, Need, Slot } from './party';
import { NEEDS } from './party';

const id = z.string().regex(SAFE_ID, SAFE_ID_MESSAGE).min(1).max(64);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasScriptMarkup(s), SCRIPT_MESSAGE);
const required = (max: number, message: string) => text(max).pipe(z.string().min(1, message));
const version = z.number().int().nonnegative();
const via = z.enum(['phone', 'on_site', 'app']);

export interface PartyAssignee {
  readonly kind: 'member' | 'site';
  readonly id: string;
  readonly name: string;
}

/** One volunteer task (an order in the loop) as the party screens list it. */
export interface PartyTask {
  readonly orderId: string;
  readonly version: number;
  readonly title: string;
  readonly need: Need | null;
  readonly status: OrderStatus;
  readonly communityCode: string | null;
  readonly address: string;
  readonly receivedAt: number;
  /** Internal finish deadline of the SLA clock; null when none runs. */
  readonly finishDeadline: number | null;
  readonly overdue: boolean;
  readonly assignee: PartyAssignee | null;
  readonly assignedAt: number | null;
  readonly acceptedAt: number | null;
  readonly repliedAt: number | null;
  readonly rating: { readonly stars: number; readonly satisfaction: Satisfaction } | null;
  readonly declines: number;
}

export interface PartyMemberView {
  readonly id: string;
  readonly name: string;
  readonly communityCode: string | null;
  /** The member's grid (reference data), when known. */
  readonly gridCode: string | null;
  readonly skills: readonly string[];
  readonly slots: readonly Slot[];
  readonly availableNow: boolean;
  readonly openTasks: number;
  /** 积分: registered before the platform (reference) + earned here. */
  readonly basePoints: number;
  readonly earnedPoints: number;
  readonly serviceHours: number;
}

export interface PartySiteView {
  readonly id: string;
  readonly name: string;
  readonly kind: 'party_service_center' | 'red_station';
  readonly communityCode: string;
  readonly openingHours: string;
  readonly services: readonly string[];
  readonly openTasks: readonly PartyTask[];
}

export interface PartyBranchView {
  readonly id: string;
  readonly name: string;
  readonly gridCode: string;
  readonly communityCode: string | null;
  readonly memberCount: number;
  readonly secretary: string | null;
  /** Open volunteer tasks in the grid. */
  readonly openTasks: number;
}

export interface PartyOverview {
  readonly branches: readonly PartyBranchView[];
  readonly sites: readonly PartySiteView[];
  readonly members: number;
  readonly openTasks: number;
  readonly pointsRule: string;
}

export interface PartySuggestion {
  readonly orderId: string;
  readonly members: readonly (PartyMemberView & {
    readonly score: number;
    readonly reasons: readonly string[];
  })[];
  /** 红色驿站 / 党群服务中心 of the task's community first. */
  readonly sites: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: PartySiteView['kind'];
  }[];
  /** Members or sites who declined this order (left out of the suggestion). */
  readonly declinedBy: readonly { readonly id: string; readonly name: string }[];
}

export interface PartyRankRow {
  readonly memberId: string;
  readonly name: string;
  readonly communityCode: string | null;
  readonly points: number;
  readonly tasks: number;
  readonly rank: number;
}

export interface PartyLedger {
  readonly memberId: string;
  readonly name: string;
  readonly basePoints: number;
  readonly earnedPoints: number;
  readonly credits: readonly {
    readonly orderId: string;
    readonly title: string;
    readonly kind: CreditKind;
    readonly points: number;
    readonly at: number;
    /** Earned as 协办党员 on an ordinary order. */
    readonly assist?: true;
  }[];
  /** Ordinary orders the member helps or helped on as 协办党员 (newest first). */
  readonly assists: readonly {
    readonly orderId: string;
    readonly title: string;
    readonly status: OrderStatus;
    readonly addedAt: number;
  }[];
}

/** A member account's own work (党员接单): its volunteer tasks and the orders it assists on. */
export interface PartyMine {
  /** '' for an account that is not a member's. */
  readonly memberId: string;
  readonly name: string;
  readonly tasks: readonly PartyTask[];
  readonly assists: PartyLedger['assists'];
}

/** 协办党员 of an ordinary order: who is on it now, and members suggested to add (with reasons). */
export interface PartyAssistView {
  readonly orderId: string;
  readonly version: number;
  readonly current: readonly { readonly id: string; readonly name: string; readonly addedAt: number }[];
  readonly suggestions: readonly (PartyMemberView & {
    readonly score: number;
    readonly reasons: readonly string[];
  })[];
  /** The skills the order's category asks for (from its path); empty when none fits. */
  readonly skills: readonly string[];
}

const READ = { stale: ['orders.changed', 'reference.changed'] } as const;
const WRITE = { role: 'officer', changes: ['orders.changed'] } as const;
const step = { orderId: id, expectedVersion: version };

export const PartyRequestInput = z.object({
  /** Client-chosen id: repeating it returns the same order. */
  orderId: id.optional(),
  need: z.enum(NEEDS),
  communityCode: z.string().min(1, '请选择社区').max(20),
  gridCode: z.string().max(24).nullable().default(null),
  address: text(300).default(''),
  description: required(2000, '请填写需求内容'),
  citizen: z
    .object({
      name: required(50, '请填写居民姓名'),
      phone: z
        .string()
        .trim()
        .regex(/^[0-9+\- ]{3,20}$/, '电话号码格式不对'),
    })
    .nullable()
    .default(null),
});

export const PARTY_PROCS = {
  /** 网格党支部 per grid, 红色驿站 / 党群服务中心 with their open tasks, counts and the 积分 rule. */
  'party.overview': query<PartyOverview>()(z.object({}), { role: 'viewer', ...READ }),
  /** 双报到 members with skills, availability, community, open tasks and 积分. */
  'party.members': query<readonly PartyMemberView[]>()(
    z.object({ communityCode: z.string().max(20).optional(), q: z.string().trim().max(40).optional() }),
    { role: 'viewer', ...READ },
  ),
  /** Volunteer tasks: open ones (default) or all of the last 90 days. */
  'party.tasks': query<readonly PartyTask[]>()(z.object({ all: z.boolean().default(false) }), {
    role: 'viewer',
    ...READ,
  }),
  /** Members ranked for a task by skill, community, availability and load; sites of the community. */
  'party.suggest': query<PartySuggestion>()(z.object({ orderId: id }), { role: 'officer', ...READ }),
  /** 积分 ranking: this month (China time) or all time. */
  'party.ranking': query<readonly PartyRankRow[]>()(
    z.object({
      period: z.enum(['month', 'all']).default('month'),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    { role: 'viewer', ...READ },
  ),
  /** A member's ledger: every credit with its order. */
  'party.ledger': query<PartyLedger>()(z.object({ memberId: id.optional() }), { role: 'viewer', ...READ }),
  /** A member account's own volunteer tasks and 协办 orders (citizen masked); empty for other accounts. */
  'party.mine': query<PartyMine>()(z.object({}), { role: 'viewer', ...READ }),
  /** 协办党员 of an ordinary order: the members on it and those suggested (community/grid, skills, slot). */
  'party.assists': query<PartyAssistView>()(z.object({ orderId: id }), { role: 'officer', ...READ }),
  /** Adds a 双报到 member as 协办党员 (an order event; a repeated eventId returns the same state). */
  'party.assist': mutation<PartyAssistView>()(
    z.object({ ...step, memberId: id, note: text(500).default(''), eventId: id.optional() }),
    WRITE,
  ),
  /** Removes a 协办党员 from the order, with a reason. */
  'party.unassist': mutation<PartyAssistView>()(
    z.object({ ...step, memberId: id, reason: required(500, '请填写移除原因'), eventId: id.optional() }),
    WRITE,
  ),
  /** 居民点单: a resident's need becomes a work order (channel 居民点单). */
  'party.request': mutation<{ readonly orderId: string }>()(PartyRequestInput, WRITE),
  /** 派单 to a member or a site. */
  'party.assign': mutation<PartyTask>()(
    z.object({
      ...step,
      assignee: z.object({ kind: z.enum(['member', 'site']), id }),
      note: text(500).default(''),
    }),
    WRITE,
  ),
  /** 接单, recorded on the member's behalf: who told us and how. */
  'party.accept': mutation<PartyTask>()(z.object({ ...step, person: text(40).default(''), via }), WRITE),
  /** 拒单 with a reason: back to 待派单. */
  'party.decline': mutation<PartyTask>()(
    z.object({ ...step, reason: required(500, '请填写拒单原因'), via }),
    WRITE,
  ),
  /** 办结 with a note. */
  'party.done': mutation<PartyTask>()(z.object({ ...step, result: required(2000, '请填写办结情况') }), WRITE),
  /** 评单: the resident's stars (1–5), recorded on their behalf; closes a 已办结 task. */
  'party.rate': mutation<PartyTask>()(
    z.object({ ...step, stars: z.number().int().min(1).max(5), note: text(500).default('') }),
    WRITE,
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
