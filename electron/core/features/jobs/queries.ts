/** The job table (migration 0018). */
import type { JobStatus, JobView } from '../../../../shared/features/jobs/contract';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

interface JobRowDb {
  id: string;
  kind: string;
  title: string;
  params: string;
  caller: string;
  created_by: string;
  status: JobStatus;
  done: number;
  total: number | null;
  file_name: string | null;
  bytes: number | null;
  rows: number | null;
  error: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  scheduled_for: number | null;
}

export interface JobRow extends JobView {
  readonly params: string;
  readonly caller: string;
}

function _row(r: JobRowDb): JobRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    done: r.done,
    total: r.total,
    createdBy: r.created_by,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    fileName: r.file_name,
    bytes: r.bytes,
    rows: r.rows,
    error: r.error,
    scheduledFor: r.scheduled_for ?? null,
    params: r.params,
    caller: r.caller,
  };
}

export function toView(r: JobRow): JobView {
  const { params: _p, caller: _c, ...view } = r;
  return view;
}

export function insertJob(
  db: WritableDb,
  j: {
    id: string;
    kind: string;
    title: string;
    params: string;
    caller: string;
    createdBy: string;
    at: number;
    scheduledFor?: number;
  },
): void {
  stmt(
    db,
    `INSERT INTO job (id, kind, title, params, caller, created_by, status, created_at, scheduled_for)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
  ).run(j.id, j.kind, j.title, j.params, j.caller, j.createdBy, j.at, j.scheduledFor ?? null);
}

export function getJob(db: ReadableDb, id: string): JobRow | null {
  const r = stmt(db, 'SELECT * FROM job WHERE id = ?').get(id) as JobRowDb | undefined;
  return r ? _row(r) : null;
}

export function listJobs(db: ReadableDb, createdBy: string | null, limit: number): JobRow[] {
  const rows = (
    createdBy === null
      ? stmt(db, 'SELECT * FROM job ORDER BY created_at DESC, id LIMIT ?').all(limit)
      : stmt(db, 'SELECT * FROM job WHERE created_by = ? ORDER BY created_at DESC, id LIMIT ?').all(
          createdBy,
          limit,
        )
  ) as JobRowDb[];
  return rows.map(_row);
}

export function nextQueued(db: ReadableDb): JobRow | null {
  const r = stmt(db, "SELECT * FROM job WHERE status = 'queued' ORDER BY created_at, id LIMIT 1").get() as
    JobRowDb | undefined;
  return r ? _row(r) : null;
}

export function markStarted(db: WritableDb, id: string, at: number): void {
  stmt(db, "UPDATE job SET status = 'running', started_at = ? WHERE id = ?").run(at, id);
}

export function setProgress(db: WritableDb, id: string, done: number, total: number | null): void {
  stmt(db, "UPDATE job SET done = ?, total = ? WHERE id = ? AND status = 'running'").run(done, total, id);
}

export function finishJob(
  db: WritableDb,
  id: string,
  f: {
    status: 'done' | 'failed' | 'cancelled';
    at: number;
    fileName?: string | null;
    bytes?: number | null;
    rows?: number | null;
    error?: string | null;
  },
): void {
  stmt(
    db,
    `UPDATE job SET status = ?, finished_at = ?, file_name = ?, bytes = ?, rows = ?, error = ?,
            done = CASE WHEN ? IS NULL THEN done ELSE ? END
      WHERE id = ?`,
  ).run(
    f.status,
    f.at,
    f.fileName ?? null,
    f.bytes ?? null,
    f.rows ?? null,
    f.error ?? null,
    f.rows ?? null,
    f.rows ?? null,
    id,
  );
}

/** At start-up: a job that was running when the app stopped did not finish. */
export function failInterrupted(db: WritableDb, at: number): number {
  return stmt(
    db,
    "UPDATE job SET status = 'failed', finished_at = ?, error = '应用重启，任务中断，请重新导出' WHERE status = 'running'",
  ).run(at).changes;
}

export function cancelQueued(db: WritableDb, id: string, at: number): void {
  stmt(db, "UPDATE job SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'queued'").run(
    at,
    id,
  );
}

export interface ScheduleRow {
  readonly kind: string;
  readonly enabled: boolean;
  readonly day: number;
  readonly hour: number;
  readonly lastSlot: number | null;
  readonly setBy: string;
  readonly setRole: string;
}

export function listSchedules(db: ReadableDb): ScheduleRow[] {
  return (
    stmt(
      db,
      'SELECT kind, enabled, day, hour, last_slot, set_by, set_role FROM job_schedule ORDER BY kind',
    ).all() as Array<{
      kind: string;
      enabled: number;
      day: number;
      hour: number;
      last_slot: number | null;
      set_by: string;
      set_role: string;
    }>
  ).map((r) => ({
    kind: r.kind,
    enabled: r.enabled === 1,
    day: r.day,
    hour: r.hour,
    lastSlot: r.last_slot,
    setBy: r.set_by,
    setRole: r.set_role,
  }));
}

export function putSchedule(
  db: WritableDb,
  s: {
    kind: string;
    enabled: boolean;
    day: number;
    hour: number;
    lastSlot: number | null;
    setBy: string;
    setRole: string;
    at: number;
  },
): void {
  stmt(
    db,
    `INSERT INTO job_schedule (kind, enabled, day, hour, last_slot, set_by, set_role, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET enabled = excluded.enabled, day = excluded.day, hour = excluded.hour,
       last_slot = excluded.last_slot, set_by = excluded.set_by, set_role = excluded.set_role,
       updated_at = excluded.updated_at`,
  ).run(s.kind, s.enabled ? 1 : 0, s.day, s.hour, s.lastSlot, s.setBy, s.setRole, s.at);
}

/** Records the slot queued; false when another pass got there first. */
export function claimSlot(db: WritableDb, kind: string, slot: number): boolean {
  return (
    stmt(
      db,
      'UPDATE job_schedule SET last_slot = ? WHERE kind = ? AND enabled = 1 AND (last_slot IS NULL OR last_slot < ?)',
    ).run(slot, kind, slot).changes === 1
  );
}
