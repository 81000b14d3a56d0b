/**
 * 定时台账: schedules on the writer. `checkSchedules` queues a scheduled kind's job when its
 * latest slot (day D at hour H, China time) is newer than the last it queued — every minute
 * while the app runs, and once at start, so runs missed while the app was off run once.
 * The job reads as the admin who set the schedule.
 */
import { randomUUID } from 'node:crypto';
import {
  SCHEDULED_KINDS,
  type JobScheduleView,
  type ScheduledKind,
} from '../../../../shared/features/jobs/contract';
import { dueSlot, latestSlot, ledgerMonth, nextSlot } from '../../../../shared/features/jobs/schedule';
import type { ChangeHint } from '../../../../shared/kernel/proc';
import type { Handler, WriteEnv } from '../../runtime/context';
import type { ReadableDb } from '../../store/types';
import type { JobCaller } from './kinds';
import { ledgersDir } from './ledger';
import { claimSlot, insertJob, listSchedules, putSchedule, type ScheduleRow } from './queries';

const DEFAULTS = { day: 1, hour: 8 } as const;

function _view(
  kind: ScheduledKind,
  r: ScheduleRow | undefined,
  now: number,
  dataDir: string,
): JobScheduleView {
  const day = r?.day ?? DEFAULTS.day;
  const hour = r?.hour ?? DEFAULTS.hour;
  return {
    kind,
    enabled: r?.enabled ?? false,
    day,
    hour,
    lastSlot: r?.lastSlot ?? null,
    nextAt: r?.enabled ? nextSlot(now, day, hour) : null,
    setBy: r?.setBy ?? null,
    folder: ledgersDir(dataDir),
  };
}

function _views(db: ReadableDb, now: number, dataDir: string): JobScheduleView[] {
  const rows = new Map(listSchedules(db).map((r) => [r.kind, r]));
  return SCHEDULED_KINDS.map((k) => _view(k, rows.get(k), now, dataDir));
}

export const jobsSchedules: Handler<'jobs.schedules'> = (_input, _call, env) =>
  _views(env.db, env.now(), env.dataDir);

export const jobsSetSchedule: Handler<'jobs.setSchedule'> = (input, call, env, tools) => {
  const now = env.now();
  // The next run is the first slot after now: a slot already passed is not run for the new setting.
  putSchedule(env.db, {
    ...input,
    lastSlot: latestSlot(now, input.day, input.hour),
    setBy: call.actor,
    setRole: call.role,
    at: now,
  });
  tools.hint({ topic: 'jobs.changed' });
  return _views(env.db, now, env.dataDir).find((v) => v.kind === input.kind)!;
};

/** Queues the due scheduled runs; the number queued. */
export function checkSchedules(env: WriteEnv, publish: (h: ChangeHint) => void): number {
  const now = env.now();
  let queued = 0;
  for (const s of listSchedules(env.db)) {
    if (!s.enabled || s.kind !== 'ledger.monthly') continue;
    const slot = dueSlot(now, s);
    if (slot === null) continue;
    env.db.transaction(() => {
      if (!claimSlot(env.db, s.kind, slot)) return;
      const month = ledgerMonth(slot);
      const caller: JobCaller = { role: s.setRole as JobCaller['role'], actor: s.setBy, masked: false };
      insertJob(env.db, {
        id: randomUUID(),
        kind: s.kind,
        title: `工单月台账 ${month}`,
        params: JSON.stringify({ month }),
        caller: JSON.stringify(caller),
        createdBy: s.setBy,
        at: now,
        scheduledFor: slot,
      });
      queued++;
    })();
  }
  if (queued > 0) publish({ topic: 'jobs.changed' });
  return queued;
}
