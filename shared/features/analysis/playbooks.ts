/**
 * Seasonal playbooks (季节预案): a season (供暖季, 汛期) or the statutory holidays of the working-day
 * calendar, each with watch categories, a surge threshold and a checklist the wall shows while it
 * runs. Admins edit them (analysis.savePlaybook); the defaults hold until then. Pure.
 */
import { z } from 'zod';

const MMDD = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 月-日，如 11-15');

export const Playbook = z.object({
  id: z.enum(['heating', 'flood', 'holiday']),
  name: z.string().trim().min(1, '请填写预案名称').max(30),
  /** Season: from `start` to `end` inclusive (may wrap the new year); holiday: the calendar's holidays. */
  kind: z.enum(['season', 'holiday']),
  start: MMDD.nullable(),
  end: MMDD.nullable(),
  /** Category codes at any level (`04.01` 供暖). */
  watch: z.array(z.string().regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/)).max(20),
  /** Surge ratio for the watched categories while the season runs (the general rule is 1.5). */
  threshold: z.number().min(1).max(10),
  checklist: z.array(z.string().trim().min(1).max(100)).min(1, '检查清单至少一项').max(20),
});
export type Playbook = z.infer<typeof Playbook>;

export const DEFAULT_PLAYBOOKS: readonly Playbook[] = [
  {
    id: 'heating',
    name: '供暖季',
    kind: 'season',
    start: '11-15',
    end: '03-15',
    watch: ['04.01'],
    threshold: 1.3,
    checklist: [
      '供热单位 24 小时值守电话已核对',
      '暖气不热诉求 2 小时内联系居民',
      '老旧小区管网巡查，重点楼栋入户测温',
      '开栓首两周每日通报供暖诉求量',
    ],
  },
  {
    id: 'flood',
    name: '汛期',
    kind: 'season',
    start: '06-01',
    end: '09-30',
    watch: ['02.04'],
    threshold: 1.3,
    checklist: [
      '低洼院落、地下空间排查到位',
      '抽水泵、沙袋等防汛物资清点',
      '暴雨预警发布后网格员 1 小时内上岗',
      '积水点位值守并及时上报',
    ],
  },
  {
    id: 'holiday',
    name: '节假日',
    kind: 'holiday',
    start: null,
    end: null,
    watch: ['04.02', '04.03'],
    threshold: 1.5,
    checklist: ['停水停电诉求优先派单', '值班长在岗、联络单位值班表已确认', '节前安全检查问题清单已销号'],
  },
];

/** True when `date` ('YYYY-MM-DD') lies in the season [start, end] (month-day, wrapping the new year). */
export function inSeason(start: string, end: string, date: string): boolean {
  const md = date.slice(5);
  return start <= end ? md >= start && md <= end : md >= start || md <= end;
}

/** The playbooks running on `date`; `holidayName` is the working-day calendar's. */
export function activePlaybooks(
  playbooks: readonly Playbook[],
  date: string,
  holidayName: (date: string) => string | null,
): Playbook[] {
  return playbooks.filter((p) =>
    p.kind === 'holiday'
      ? holidayName(date) !== null
      : p.start !== null && p.end !== null && inSeason(p.start, p.end, date),
  );
}

/** Stored playbooks over the defaults (by id). */
export function mergePlaybooks(stored: readonly Playbook[]): Playbook[] {
  const by = new Map(stored.map((p) => [p.id, p]));
  return DEFAULT_PLAYBOOKS.map((d) => by.get(d.id) ?? d);
}
