/**
 * 吹哨报到 (issue 15): the street summons several units at once; each must report in (报到) at a
 * meeting point before a deadline. Pure domain: kinds, per-recipient delivery states, the retry
 * schedule, the geo check, unit suggestions and the 双考核 figures.
 *
 * Delivery state of one recipient, in order: 已发送 (the hall pushed it: to the unit's account in
 * the app and through the hub) → 已送达 (the unit's side has it) → 已读 (the unit acknowledged:
 * in its own account, or the duty officer records it for them: who, when, how) → 已报到 (on
 * site, position checked). 超时: the deadline passed before 报到. A late 报到 still counts as
 * 已报到 but stays marked late (`late`), so 双考核 sees it.
 */
import { haversineM } from '../orders/recommend';
import type { LngLat } from '../reference/jurisdiction';
import type { Unit } from '../reference/organisation';

export const WHISTLE_KINDS = ['order', 'joint_enforcement', 'flood', 'major_event'] as const;
/** 工单吹哨 · 联合执法 · 防汛 · 大型活动 */
export type WhistleKind = (typeof WHISTLE_KINDS)[number];

export const RECIPIENT_STATES = ['sent', 'delivered', 'read', 'reported', 'timeout'] as const;
/** 已发送 · 已送达 · 已读 · 已报到 · 超时 */
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export const ACK_VIA = ['app', 'phone', 'on_site'] as const;
/** 本单位账号 · 电话 · 现场 */
export type AckVia = (typeof ACK_VIA)[number];

export const TIMELINE_KINDS = [
  'created',
  'summoned',
  'attempt',
  'delivered',
  'read',
  'reported',
  'timeout',
  'alarm_ack',
  'decision',
  'task_done',
  'closed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Default distance from the meeting point within which a 报到 needs no reason. */
export const DEFAULT_RADIUS_M = 500;

/**
 * Retry schedule of the delivery loop: the n-th attempt (1-based) waits this long before the next,
 * doubling from 1 minute up to 10 minutes, until the unit acknowledges (已读) or reports in.
 */
export function retryDelayMs(attempt: number): number {
  const base = 60_000 * 2 ** Math.max(0, attempt - 1);
  return Math.min(base, 10 * 60_000);
}

/** Attempts after which the loop stops pushing (the alarm and the phone take over). */
export const MAX_ATTEMPTS = 12;

/** Rank of a state: an acknowledgement never moves a recipient backwards. */
const RANK: Readonly<Record<RecipientState, number>> = {
  sent: 0,
  delivered: 1,
  read: 2,
  timeout: 2,
  reported: 3,
};

export function isForward(from: RecipientState, to: RecipientState): boolean {
  return RANK[to] > RANK[from];
}

export interface GeoCheck {
  /** Metres from the meeting point; null when no position was given. */
  readonly distanceM: number | null;
  /** True when within the radius (a reason is then optional). */
  readonly within: boolean;
}

export function geoCheck(meeting: LngLat, position: LngLat | null, radiusM: number): GeoCheck {
  if (!position) return { distanceM: null, within: false };
  const d = Math.round(haversineM(meeting, position));
  return { distanceM: d, within: d <= radiusM };
}

/** Name fragments of the units each kind of whistle usually needs (demo street and real ones alike). */
const KIND_KEYWORDS: Readonly<Record<WhistleKind, readonly string[]>> = {
  order: [],
  joint_enforcement: ['城管', '市场监管', '派出所', '住房', '交通', '平安建设', '城市管理'],
  flood: ['自来水', '供电', '城市管理', '平安建设', '环卫', '民生保障', '燃气'],
  major_event: ['派出所', '交通', '平安建设', '环卫', '卫生服务', '供电', '城市管理'],
};

export interface UnitSuggestion {
  readonly unitId: string;
  readonly name: string;
  readonly reasons: readonly string[];
  readonly distanceM: number | null;
  readonly score: number;
}

/**
 * Units to summon, best first: the responsible unit of the order (责任清单), units whose name fits
 * the kind of whistle, the community office of the place, then by distance to the meeting point.
 */
export function suggestUnits(args: {
  readonly kind: WhistleKind;
  readonly units: readonly Unit[];
  readonly point: LngLat | null;
  readonly communityCode: string | null;
  readonly responsibleUnitId: string | null;
  readonly limit?: number;
}): UnitSuggestion[] {
  const words = KIND_KEYWORDS[args.kind];
  const out = args.units.map((u): UnitSuggestion => {
    const reasons: string[] = [];
    let score = 0;
    if (u.id === args.responsibleUnitId) {
      score += 3;
      reasons.push('责任单位');
    }
    if (words.some((w) => u.name.includes(w))) {
      score += 2;
      reasons.push('常规召集');
    }
    if (args.communityCode && u.communityCodes.includes(args.communityCode)) {
      score += u.kind === 'community_office' ? 1.5 : 0.5;
      reasons.push('属地');
    }
    const distanceM = args.point ? Math.round(haversineM(args.point, u.location)) : null;
    if (distanceM !== null) {
      score += 1 / (1 + distanceM / 1000);
      reasons.push(distanceM < 1000 ? `${distanceM}米` : `${(distanceM / 1000).toFixed(1)}公里`);
    }
    return { unitId: u.id, name: u.name, reasons, distanceM, score: Math.round(score * 1000) / 1000 };
  });
  out.sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId));
  return out.slice(0, args.limit ?? 12);
}

/** One summoned unit as the 双考核 sees it. */
export interface AssessedSummons {
  readonly unitId: string;
  readonly deadline: number;
  readonly reportedAt: number | null;
}

export interface AssessedTask {
  readonly ownerUnitId: string;
  readonly deadline: number;
  readonly doneAt: number | null;
}

export interface UnitAssessment {
  readonly unitId: string;
  readonly summoned: number;
  readonly reportedOnTime: number;
  readonly reportedLate: number;
  /** Deadline passed without a 报到 (as of `now`). */
  readonly missed: number;
  /** reportedOnTime / summoned, null when never summoned. */
  readonly onTimeRate: number | null;
  readonly tasks: number;
  readonly tasksDone: number;
  readonly tasksDoneOnTime: number;
  /** Open tasks past their deadline. */
  readonly tasksOverdue: number;
  /** tasksDoneOnTime / tasks, null without tasks. */
  readonly taskRate: number | null;
}

/** 双考核: on-time 报到 and task completion per unit. Units sorted by id. */
export function assess(
  summons: readonly AssessedSummons[],
  tasks: readonly AssessedTask[],
  now: number,
): UnitAssessment[] {
  const by = new Map<string, { s: AssessedSummons[]; t: AssessedTask[] }>();
  const slot = (id: string) => {
    let v = by.get(id);
    if (!v) by.set(id, (v = { s: [], t: [] }));
    return v;
  };
  for (const s of summons) slot(s.unitId).s.push(s);
  for (const t of tasks) slot(t.ownerUnitId).t.push(t);
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitId, { s, t }]) => {
      const onTime = s.filter((x) => x.reportedAt !== null && x.reportedAt <= x.deadline).length;
      const late = s.filter((x) => x.reportedAt !== null && x.reportedAt > x.deadline).length;
      const missed = s.filter((x) => x.reportedAt === null && now > x.deadline).length;
      const done = t.filter((x) => x.doneAt !== null).length;
      const doneOnTime = t.filter((x) => x.doneAt !== null && x.doneAt <= x.deadline).length;
      const overdue = t.filter((x) => x.doneAt === null && now > x.deadline).length;
      return {
        unitId,
        summoned: s.length,
        reportedOnTime: onTime,
        reportedLate: late,
        missed,
        onTimeRate: s.length ? onTime / s.length : null,
        tasks: t.length,
        tasksDone: done,
        tasksDoneOnTime: doneOnTime,
        tasksOverdue: overdue,
        taskRate: t.length ? doneOnTime / t.length : null,
      };
    });
}
