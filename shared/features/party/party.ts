/**
 * The party network as a dispatch force (issue 15 item 3, docs/PARTY.md): the needs a resident may
 * order (居民点单), members' availability, the member suggestion for a task, and 积分 — pure.
 *
 * 积分 are derived from the orders' projection, never stored: a member earns 完成 +5 on a task
 * they accepted that is 已办结 (or 已结案), and +3 when the resident rated it 满意 (+1 基本满意).
 * Because the projection folds each event id once, replaying or re-delivering events cannot
 * credit twice; a 重新打开 order loses its credits until it is done again.
 */
import { chinaParts } from '../../kernel/china-time';
import type { Satisfaction, WorkOrder } from '../orders/order';

/** What a resident may order (居民点单), with the catalogue leaf it is filed under and the skills that fit. */
export const NEEDS = ['elderly', 'disabled', 'environment', 'neighbour', 'repair', 'legal'] as const;
export type Need = (typeof NEEDS)[number];

export const NEED_LABELS: Readonly<Record<Need, string>> = {
  elderly: '助老',
  disabled: '助残',
  environment: '环境整治',
  neighbour: '邻里互助',
  repair: '维修帮扶',
  legal: '法律援助',
};

/** The catalogue leaf (社区服务) each need is filed under, by name; and the skills that fit it. */
export const NEED_RULES: Readonly<
  Record<Need, { readonly leaf: string; readonly skills: readonly string[] }>
> = {
  elderly: { leaf: '独居老人帮扶', skills: ['助老陪护', '医疗护理', '心理疏导'] },
  disabled: { leaf: '无障碍设施缺失', skills: ['助老陪护', '医疗护理'] },
  environment: { leaf: '志愿者上门帮扶', skills: ['垃圾分类宣传', '消防宣传'] },
  neighbour: { leaf: '代购代办需求', skills: ['助老陪护', '心理疏导', '教育辅导'] },
  repair: { leaf: '志愿者上门帮扶', skills: ['水电维修', '家电维修', '电脑维修'] },
  legal: { leaf: '志愿者上门帮扶', skills: ['法律咨询', '反诈宣传'] },
};

/** When a member can serve: 工作日白天, 工作日晚间, 周末. */
export const SLOTS = ['weekday_day', 'weekday_evening', 'weekend'] as const;
export type Slot = (typeof SLOTS)[number];
export const SLOT_LABELS: Readonly<Record<Slot, string>> = {
  weekday_day: '工作日白天',
  weekday_evening: '工作日晚间',
  weekend: '周末',
};

/** The slot an instant falls in (China time), or null at night (22:00–08:00). */
export function slotAt(ms: number): Slot | null {
  const p = chinaParts(ms);
  if (p.h < 8 || p.h >= 22) return null;
  const weekday = new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDay(); // 0 = Sunday
  if (weekday === 0 || weekday === 6) return 'weekend';
  return p.h < 18 ? 'weekday_day' : 'weekday_evening';
}

// ── 积分 ──────────────────────────────────────────────────────────────────────────────────
export const POINTS = { done: 5, satisfied: 3, basic: 1 } as const;
export type CreditKind = keyof typeof POINTS;
/** The rule in words, as the screens show it. */
export const POINTS_RULE = `完成任务 +${POINTS.done}，群众评价满意 +${POINTS.satisfied}，基本满意 +${POINTS.basic}`;

export interface Credit {
  readonly memberId: string;
  readonly orderId: string;
  readonly title: string;
  readonly kind: CreditKind;
  readonly points: number;
  readonly at: number;
  /** Earned as 协办党员 on an ordinary order (absent for a volunteer task). */
  readonly assist?: true;
}

/** The credits one order gives its member (none for a site, an unaccepted or unfinished task). */
export function creditsOf(
  order: Pick<WorkOrder, 'id' | 'title' | 'status' | 'repliedAt' | 'closedAt' | 'volunteer'>,
): Credit[] {
  const v = order.volunteer;
  if (!v || v.kind !== 'member' || v.acceptedAt === null) return [];
  if (order.status !== 'replied' && order.status !== 'closed') return [];
  const doneAt = order.repliedAt ?? order.closedAt;
  if (doneAt === null) return [];
  const base = { memberId: v.id, orderId: order.id, title: order.title };
  const out: Credit[] = [{ ...base, kind: 'done', points: POINTS.done, at: doneAt }];
  const s: Satisfaction | undefined = v.rating?.satisfaction;
  if (v.rating && (s === 'satisfied' || s === 'basic'))
    out.push({ ...base, kind: s, points: POINTS[s], at: v.rating.at });
  return out;
}

/**
 * 协办党员 on an ordinary order, by the same rule: each member still on the order when it is
 * 已结案 earns 完成 +5 (dated at 结案), and +3 when its 回访 is 满意 (+1 基本满意, dated at the 回访).
 * A 重新打开 order loses them until it is closed again; a member removed before 结案 earns none.
 */
export function assistCreditsOf(
  order: Pick<WorkOrder, 'id' | 'title' | 'status' | 'closedAt' | 'callback' | 'assistMembers'>,
): Credit[] {
  const list = order.assistMembers ?? [];
  if (list.length === 0 || order.status !== 'closed' || order.closedAt === null) return [];
  const closedAt = order.closedAt;
  const s = order.callback?.satisfaction;
  return list.flatMap((m) => {
    const base = { memberId: m.id, orderId: order.id, title: order.title, assist: true as const };
    const out: Credit[] = [{ ...base, kind: 'done', points: POINTS.done, at: closedAt }];
    if (order.callback && (s === 'satisfied' || s === 'basic'))
      out.push({ ...base, kind: s, points: POINTS[s], at: Math.max(order.callback.at, m.addedAt) });
    return out;
  });
}

/** Skills that fit an ordinary order, read from its category path (keywords; none when nothing fits). */
const CATEGORY_SKILLS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/维修|供水|供电|排水|水电|漏水|停水|停电|设施/, ['水电维修', '家电维修']],
  [/垃圾|环境|卫生|市容|绿化|清运/, ['垃圾分类宣传']],
  [/消防|燃气|火灾|电动车/, ['消防宣传']],
  [/纠纷|维权|劳动|欠薪|法律|租赁|合同/, ['法律咨询']],
  [/诈骗|反诈/, ['反诈宣传']],
  [/老人|养老|独居|残疾|无障碍|助老/, ['助老陪护', '医疗护理']],
  [/心理|邻里|噪音|噪声|矛盾/, ['心理疏导']],
  [/网络|通信|宽带|电脑/, ['电脑维修']],
  [/教育|学校|辅导|托管/, ['教育辅导']],
];

export function skillsForCategory(path: string): string[] {
  const out = new Set<string>();
  for (const [re, skills] of CATEGORY_SKILLS) if (re.test(path)) for (const k of skills) out.add(k);
  return [...out];
}

/** Stars → the satisfaction the statistics count: 4–5 满意, 3 基本满意, 1–2 不满意. */
export function satisfactionOfStars(stars: number): Satisfaction {
  return stars >= 4 ? 'satisfied' : stars === 3 ? 'basic' : 'unsatisfied';
}

export interface RankRow {
  readonly memberId: string;
  readonly points: number;
  readonly tasks: number;
  readonly rank: number;
}

/** Ranks members by points (ties share a rank, 1, 1, 3 …; then by tasks, then id for a stable order). */
export function rank(
  totals: ReadonlyMap<string, { readonly points: number; readonly tasks: number }>,
): RankRow[] {
  const rows = [...totals].map(([memberId, t]) => ({ memberId, ...t }));
  rows.sort((a, b) => b.points - a.points || b.tasks - a.tasks || a.memberId.localeCompare(b.memberId));
  let prev = Number.NaN;
  let prevRank = 0;
  return rows.map((r, i) => {
    const rk = r.points === prev ? prevRank : i + 1;
    prev = r.points;
    prevRank = rk;
    return { ...r, rank: rk };
  });
}

// ── Suggestion ─────────────────────────────────────────────────────────────────────────────
export interface MemberFacts {
  readonly id: string;
  readonly communityCode: string | null;
  /** The member's grid (reference data), when known. */
  readonly gridCode?: string | null;
  readonly skills: readonly string[];
  readonly slots: readonly Slot[];
  /** Volunteer tasks assigned to the member and not yet done. */
  readonly openTasks: number;
}

export interface MemberScore {
  readonly id: string;
  readonly score: number;
  /** Short Chinese reasons: 技能匹配 助老陪护 · 本社区 · 当前可服务 · 在办 1 件. */
  readonly reasons: readonly string[];
}

/**
 * Ranks members for a task: a fitting skill (0.4), the task's community or grid (0.3), available in the
 * slot now (0.2), and fewer open tasks (0.1). Members declined on this order are left out.
 */
export function suggestMembers(
  members: readonly MemberFacts[],
  task: {
    readonly need: Need | null;
    readonly communityCode: string | null;
    readonly now: number;
    /** An ordinary order (协办党员): the skills of its category instead of a need's. */
    readonly skills?: readonly string[];
    readonly gridCode?: string | null;
  },
  exclude: ReadonlySet<string> = new Set(),
  limit = 8,
): MemberScore[] {
  const want = task.skills ?? (task.need ? NEED_RULES[task.need].skills : []);
  const slot = slotAt(task.now);
  const scored = members
    .filter((m) => !exclude.has(m.id))
    .map((m) => {
      const fit = m.skills.filter((s) => want.includes(s));
      const grid = Boolean(task.gridCode) && m.gridCode === task.gridCode;
      const here = grid || (task.communityCode !== null && m.communityCode === task.communityCode);
      const free = slot !== null && m.slots.includes(slot);
      const load = 1 / (1 + m.openTasks);
      const reasons: string[] = [];
      if (fit.length > 0) reasons.push(`技能匹配 ${fit.join('、')}`);
      if (here) reasons.push(grid ? '本网格' : '本社区');
      if (free) reasons.push('当前可服务');
      if (m.openTasks > 0) reasons.push(`在办 ${m.openTasks} 件`);
      const score = 0.4 * (fit.length > 0 ? 1 : 0) + 0.3 * (here ? 1 : 0) + 0.2 * (free ? 1 : 0) + 0.1 * load;
      return { id: m.id, score: Math.round(score * 1000) / 1000, reasons };
    });
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return scored.slice(0, limit);
}
