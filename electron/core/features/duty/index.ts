/** duty.*: 值班表, who is on duty now, 交接班 reports and their acknowledgement (issue 15). */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import { onDutyAt, occurrenceAt } from '../../../../shared/features/duty/duty';
import type { HandlerRegistry } from '../../runtime/registry';
import type { Handler } from '../../runtime/context';
import { overdueCount } from '../orders';
import {
  ackHandoverRow,
  deleteShiftRow,
  eventCountBetween,
  handoverRow,
  handoverRows,
  insertHandover,
  openAlarmCount,
  openWhistleTitles,
  shiftRows,
  upsertShift,
} from './queries';

const DAY_MS = 86_400_000;

const dutyRoster: Handler<'duty.roster'> = (_i, _c, env) => shiftRows(env.db);

const dutyNow: Handler<'duty.now'> = (_i, _c, env) =>
  onDutyAt(shiftRows(env.db), env.now()).map(({ shift, from, to }) => ({
    shiftId: shift.id,
    person: shift.person,
    role: shift.role,
    from,
    to,
  }));

const dutySaveShift: Handler<'duty.saveShift'> = (input, call, env, tools) => {
  const shift = { ...input, id: input.id ?? randomUUID(), weekdays: [...new Set(input.weekdays)] };
  upsertShift(env.db, shift, env.now(), call.actor);
  tools.hint({ topic: 'duty.changed' });
  return shift;
};

const dutyDeleteShift: Handler<'duty.deleteShift'> = (input, _c, env, tools) => {
  const deleted = deleteShiftRow(env.db, input.id);
  if (deleted) tools.hint({ topic: 'duty.changed' });
  return { deleted };
};

const dutyHandover: Handler<'duty.handover'> = (input, call, env, tools) => {
  const db = env.db;
  const shift = shiftRows(db).find((s) => s.id === input.shiftId);
  if (!shift) throw new ApiError('record_not_found', { params: { id: input.shiftId }, field: 'shiftId' });
  const now = env.now();
  // The occurrence running now; else the one that ended last (within a week).
  let occ = occurrenceAt(shift, now);
  for (let back = 1; !occ && back <= 7 * 24 * 4; back++) occ = occurrenceAt(shift, now - back * 15 * 60_000);
  if (!occ) throw ApiError.why('invalid_input', '该班次近一周没有排班', 'shiftId');
  const [from, shiftEnd] = occ;
  const to = Math.min(now, shiftEnd);
  const titles = openWhistleTitles(db);
  const report = {
    person: shift.person,
    from,
    to,
    received: eventCountBetween(db, 'created', from, to),
    dispatched: eventCountBetween(db, 'dispatched', from, to),
    overdue: overdueCount(db, now),
    openAlarms: openAlarmCount(db, now - DAY_MS),
    whistlesOpen: titles.length,
    whistleTitles: titles.slice(0, 10),
    notes: input.notes,
  };
  const id = randomUUID();
  insertHandover(db, { id, shiftId: shift.id, report, at: now, actor: call.actor });
  tools.hint({ topic: 'duty.changed' });
  const row = handoverRow(db, id);
  if (!row) throw new ApiError('internal');
  return row;
};

const dutyHandovers: Handler<'duty.handovers'> = (_i, _c, env) => handoverRows(env.db);

const dutyAcknowledge: Handler<'duty.acknowledgeHandover'> = (input, call, env, tools) => {
  if (!handoverRow(env.db, input.id))
    throw new ApiError('record_not_found', { params: { id: input.id }, field: 'id' });
  if (!ackHandoverRow(env.db, input.id, env.now(), call.actor))
    throw new ApiError('already_handled', { field: 'id' });
  tools.hint({ topic: 'duty.changed' });
  const row = handoverRow(env.db, input.id);
  if (!row) throw new ApiError('internal');
  return row;
};

export function register(registry: HandlerRegistry): void {
  registry
    .register('duty.roster', dutyRoster)
    .register('duty.now', dutyNow)
    .register('duty.saveShift', dutySaveShift)
    .register('duty.deleteShift', dutyDeleteShift)
    .register('duty.handover', dutyHandover)
    .register('duty.handovers', dutyHandovers)
    .register('duty.acknowledgeHandover', dutyAcknowledge);
}
