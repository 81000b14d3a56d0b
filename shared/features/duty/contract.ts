/**
 * duty.* — 值班表 and 交接班 (issue 15). Spread into CONTRACT by shared/contract/index.ts.
 * Domain: ./duty.ts.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { SAFE_ID, SAFE_ID_MESSAGE, hasScriptMarkup, SCRIPT_MESSAGE } from '../orders/safe-text';
import { DUTY_ROLES, type DutyShift } from './duty';

const id = z.string().regex(SAFE_ID, SAFE_ID_MESSAGE).max(128);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasScriptMarkup(s), SCRIPT_MESSAGE);

export interface OnDuty {
  readonly shiftId: string;
  readonly person: string;
  readonly role: DutyShift['role'];
  readonly from: number;
  readonly to: number;
}

/** What a shift leaves to the next: figures over the shift's window, and free-text notes. */
export interface HandoverReport {
  readonly id: string;
  readonly shiftId: string;
  readonly person: string;
  readonly from: number;
  readonly to: number;
  readonly received: number;
  readonly dispatched: number;
  /** Overdue now (the one 超期 definition), open P0/P1 alarms and whistles in progress at handover. */
  readonly overdue: number;
  readonly openAlarms: number;
  readonly whistlesOpen: number;
  /** Titles of the whistles in progress (at most 10). */
  readonly whistleTitles: readonly string[];
  readonly notes: string;
  readonly createdAt: number;
  readonly createdBy: string;
  /** The next shift's acknowledgement; both the report and it are kept. */
  readonly ackAt: number | null;
  readonly ackBy: string | null;
}

export const DutyShiftInput = z
  .object({
    id: id.optional(),
    person: text(40).pipe(z.string().min(1, '请填写值班人员')),
    role: z.enum(DUTY_ROLES),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, '请至少选择一天').max(7),
    startMin: z.number().int().min(0).max(1439),
    endMin: z.number().int().min(0).max(1439),
    unitId: id.nullable().default(null),
  })
  .refine((v) => v.startMin !== v.endMin, { message: '开始与结束时间不能相同', path: ['endMin'] });

export const DUTY_PROCS = {
  /** The weekly roster (值班表). */
  'duty.roster': query<readonly DutyShift[]>()(z.object({}), { role: 'viewer', stale: ['duty.changed'] }),
  /** Who is on duty now (the status bar). */
  'duty.now': query<readonly OnDuty[]>()(z.object({}), { role: 'viewer', stale: ['duty.changed'] }),
  'duty.saveShift': mutation<DutyShift>()(DutyShiftInput, { role: 'commander', changes: ['duty.changed'] }),
  'duty.deleteShift': mutation<{ readonly deleted: boolean }>()(z.object({ id }), {
    role: 'commander',
    changes: ['duty.changed'],
  }),
  /** 交接班: generates the report of a shift's occurrence running now (or the last one), with notes. */
  'duty.handover': mutation<HandoverReport>()(z.object({ shiftId: id, notes: text(2000).default('') }), {
    role: 'officer',
    changes: ['duty.changed'],
  }),
  'duty.handovers': query<readonly HandoverReport[]>()(z.object({}), {
    role: 'officer',
    stale: ['duty.changed'],
  }),
  /** The next shift acknowledges a handover report. */
  'duty.acknowledgeHandover': mutation<HandoverReport>()(z.object({ id }), {
    role: 'officer',
    changes: ['duty.changed'],
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
