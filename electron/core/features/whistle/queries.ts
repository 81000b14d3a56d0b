/** 吹哨报到's SQL: whistles, recipients (delivery state), the timeline and the 会商纪要 tasks. */
import type { ResponsibilityRule } from '../../../../shared/features/reference/catalogue';
import type {
  RecipientView,
  TimelineItem,
  WhistleTask,
  WhistleView,
} from '../../../../shared/features/whistle/contract';
import type {
  AckVia,
  RecipientState,
  TimelineKind,
  WhistleKind,
} from '../../../../shared/features/whistle/whistle';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

const WHISTLE_COLS = `id, kind, order_id AS orderId, title, reason, address, lng, lat, radius_m AS radiusM,
  deadline_minutes AS deadlineMinutes, created_at AS createdAt, created_by AS createdBy, closed_at AS closedAt`;

export function whistleRow(db: ReadableDb, id: string): WhistleView | null {
  return (
    (stmt(db, `SELECT ${WHISTLE_COLS} FROM whistle WHERE id = ?`).get(id) as WhistleView | undefined) ?? null
  );
}

/** Open whistles first, then newest first. */
export function whistleRows(db: ReadableDb, orderId: string | null, includeClosed: boolean): WhistleView[] {
  return stmt(
    db,
    `SELECT ${WHISTLE_COLS} FROM whistle
      WHERE (? IS NULL OR order_id = ?) AND (? = 1 OR closed_at IS NULL)
      ORDER BY closed_at IS NOT NULL, created_at DESC LIMIT 200`,
  ).all(orderId, orderId, includeClosed ? 1 : 0) as WhistleView[];
}

export function insertWhistle(db: WritableDb, w: WhistleView): void {
  stmt(
    db,
    `INSERT INTO whistle(id, kind, order_id, title, reason, address, lng, lat, radius_m, deadline_minutes,
       created_at, created_by, closed_at)
     VALUES (@id, @kind, @orderId, @title, @reason, @address, @lng, @lat, @radiusM, @deadlineMinutes,
       @createdAt, @createdBy, @closedAt)`,
  ).run(w);
}

export function closeWhistleRow(db: WritableDb, id: string, at: number): void {
  stmt(db, 'UPDATE whistle SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(at, id);
  stmt(db, 'UPDATE whistle_recipient SET next_attempt_at = NULL WHERE whistle_id = ?').run(id);
}

interface RecipientRow extends Omit<RecipientView, 'unitName' | 'late' | 'ackVia' | 'state'> {
  readonly state: RecipientState;
  readonly ackVia: AckVia | null;
}

const RECIPIENT_COLS = `unit_id AS unitId, state, summoned_at AS summonedAt, deadline, attempts,
  last_attempt_at AS lastAttemptAt, next_attempt_at AS nextAttemptAt, delivered_at AS deliveredAt,
  read_at AS readAt, ack_person AS ackPerson, ack_via AS ackVia, ack_recorded_by AS ackRecordedBy,
  reported_at AS reportedAt, report_person AS reportPerson, report_distance_m AS reportDistanceM,
  report_reason AS reportReason, timed_out_at AS timedOutAt, alarm_ack_at AS alarmAckAt,
  alarm_ack_by AS alarmAckBy`;

export function recipientRows(db: ReadableDb, whistleId: string): RecipientRow[] {
  return stmt(
    db,
    `SELECT ${RECIPIENT_COLS} FROM whistle_recipient WHERE whistle_id = ? ORDER BY summoned_at, unit_id`,
  ).all(whistleId) as RecipientRow[];
}

export function recipientRow(db: ReadableDb, whistleId: string, unitId: string): RecipientRow | null {
  return (
    (stmt(db, `SELECT ${RECIPIENT_COLS} FROM whistle_recipient WHERE whistle_id = ? AND unit_id = ?`).get(
      whistleId,
      unitId,
    ) as RecipientRow | undefined) ?? null
  );
}

/** Recipients per state for each whistle in `ids`. */
export function stateCounts(db: ReadableDb): Array<{ whistleId: string; state: RecipientState; n: number }> {
  return stmt(
    db,
    `SELECT r.whistle_id AS whistleId, r.state, COUNT(*) AS n FROM whistle_recipient r
      JOIN whistle w ON w.id = r.whistle_id GROUP BY r.whistle_id, r.state`,
  ).all() as Array<{ whistleId: string; state: RecipientState; n: number }>;
}

export function openTaskCounts(db: ReadableDb): Array<{ whistleId: string; n: number }> {
  return stmt(
    db,
    'SELECT whistle_id AS whistleId, COUNT(*) AS n FROM whistle_task WHERE done_at IS NULL GROUP BY whistle_id',
  ).all() as Array<{ whistleId: string; n: number }>;
}

export function insertRecipient(
  db: WritableDb,
  r: { whistleId: string; unitId: string; at: number; deadline: number; nextAttemptAt: number },
): void {
  stmt(
    db,
    `INSERT INTO whistle_recipient(whistle_id, unit_id, state, summoned_at, deadline, attempts,
       last_attempt_at, next_attempt_at)
     VALUES (?, ?, 'sent', ?, ?, 1, ?, ?)`,
  ).run(r.whistleId, r.unitId, r.at, r.deadline, r.at, r.nextAttemptAt);
}

export function recordAck(
  db: WritableDb,
  a: {
    whistleId: string;
    unitId: string;
    state: 'delivered' | 'read';
    at: number;
    person: string;
    via: AckVia;
    actor: string;
  },
): void {
  // 已读 ends the pushes; 已送达 keeps them (the unit has it, nobody has acknowledged yet).
  stmt(
    db,
    `UPDATE whistle_recipient SET
       state = CASE WHEN state IN ('reported', 'timeout') THEN state
                    WHEN @state = 'read' OR state = 'read' THEN 'read' ELSE 'delivered' END,
       delivered_at = COALESCE(delivered_at, @at),
       read_at = CASE WHEN @state = 'read' THEN COALESCE(read_at, @at) ELSE read_at END,
       next_attempt_at = CASE WHEN @state = 'read' THEN NULL ELSE next_attempt_at END,
       ack_person = @person, ack_via = @via, ack_recorded_by = @actor
     WHERE whistle_id = @whistleId AND unit_id = @unitId`,
  ).run(a);
}

export function recordReport(
  db: WritableDb,
  r: {
    whistleId: string;
    unitId: string;
    at: number;
    person: string;
    lng: number | null;
    lat: number | null;
    distanceM: number | null;
    reason: string | null;
  },
): void {
  stmt(
    db,
    `UPDATE whistle_recipient SET state = 'reported', reported_at = @at, report_person = @person,
       report_lng = @lng, report_lat = @lat, report_distance_m = @distanceM, report_reason = @reason,
       delivered_at = COALESCE(delivered_at, @at), read_at = COALESCE(read_at, @at), next_attempt_at = NULL
     WHERE whistle_id = @whistleId AND unit_id = @unitId AND reported_at IS NULL`,
  ).run(r);
}

export function recordAlarmAck(
  db: WritableDb,
  whistleId: string,
  unitId: string,
  at: number,
  actor: string,
): boolean {
  return (
    stmt(
      db,
      `UPDATE whistle_recipient SET alarm_ack_at = ?, alarm_ack_by = ?
        WHERE whistle_id = ? AND unit_id = ? AND timed_out_at IS NOT NULL AND alarm_ack_at IS NULL`,
    ).run(at, actor, whistleId, unitId).changes === 1
  );
}

/** Recipients of open whistles whose next push is due. */
export function duePushes(
  db: ReadableDb,
  now: number,
): Array<{ whistleId: string; unitId: string; attempts: number }> {
  return stmt(
    db,
    `SELECT whistle_id AS whistleId, unit_id AS unitId, attempts FROM whistle_recipient
      WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 200`,
  ).all(now) as Array<{ whistleId: string; unitId: string; attempts: number }>;
}

export function recordAttempt(
  db: WritableDb,
  whistleId: string,
  unitId: string,
  at: number,
  next: number | null,
): void {
  stmt(
    db,
    `UPDATE whistle_recipient SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?
      WHERE whistle_id = ? AND unit_id = ?`,
  ).run(at, next, whistleId, unitId);
}

/**
 * Recipients of open whistles past their deadline that never acknowledged (已发送/已送达) nor
 * reported in: they go 超时 and alarm. A unit that acknowledged (已读) is on its way with a known
 * contact: past the deadline it shows 逾时未报到 and counts as missed in 双考核, without an alarm.
 */
export function dueTimeouts(db: ReadableDb, now: number): Array<{ whistleId: string; unitId: string }> {
  return stmt(
    db,
    `SELECT r.whistle_id AS whistleId, r.unit_id AS unitId FROM whistle_recipient r
      JOIN whistle w ON w.id = r.whistle_id
      WHERE r.reported_at IS NULL AND r.timed_out_at IS NULL AND r.deadline < ? AND w.closed_at IS NULL
        AND r.state IN ('sent', 'delivered')
      ORDER BY r.deadline LIMIT 200`,
  ).all(now) as Array<{ whistleId: string; unitId: string }>;
}

export function recordTimeout(db: WritableDb, whistleId: string, unitId: string, at: number): boolean {
  return (
    stmt(
      db,
      `UPDATE whistle_recipient SET state = 'timeout', timed_out_at = ?
        WHERE whistle_id = ? AND unit_id = ? AND reported_at IS NULL AND timed_out_at IS NULL
          AND state IN ('sent', 'delivered')`,
    ).run(at, whistleId, unitId).changes === 1
  );
}

export function pendingAlarmRows(db: ReadableDb): Array<{
  whistleId: string;
  title: string;
  unitId: string;
  deadline: number;
  timedOutAt: number;
}> {
  return stmt(
    db,
    `SELECT r.whistle_id AS whistleId, w.title, r.unit_id AS unitId, r.deadline, r.timed_out_at AS timedOutAt
       FROM whistle_recipient r JOIN whistle w ON w.id = r.whistle_id
      WHERE r.timed_out_at IS NOT NULL AND r.alarm_ack_at IS NULL AND r.reported_at IS NULL
        AND w.closed_at IS NULL
      ORDER BY r.timed_out_at LIMIT 100`,
  ).all() as Array<{
    whistleId: string;
    title: string;
    unitId: string;
    deadline: number;
    timedOutAt: number;
  }>;
}

export function appendTimeline(
  db: WritableDb,
  e: {
    whistleId: string;
    at: number;
    actor: string;
    kind: TimelineKind;
    unitId: string | null;
    text: string;
  },
): void {
  stmt(
    db,
    'INSERT INTO whistle_timeline(whistle_id, at, actor, kind, unit_id, text) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(e.whistleId, e.at, e.actor, e.kind, e.unitId, e.text);
}

export function timelineRows(db: ReadableDb, whistleId: string): TimelineItem[] {
  return stmt(
    db,
    `SELECT seq, at, actor, kind, unit_id AS unitId, text FROM whistle_timeline
      WHERE whistle_id = ? ORDER BY seq`,
  ).all(whistleId) as TimelineItem[];
}

type TaskRow = Omit<WhistleTask, 'ownerName'>;
const TASK_COLS = `id, whistle_id AS whistleId, decision, owner_unit_id AS ownerUnitId, deadline,
  created_at AS createdAt, done_at AS doneAt, done_by AS doneBy`;

export function taskRows(db: ReadableDb, whistleId: string): TaskRow[] {
  return stmt(db, `SELECT ${TASK_COLS} FROM whistle_task WHERE whistle_id = ? ORDER BY created_at, id`).all(
    whistleId,
  ) as TaskRow[];
}

export function taskRow(db: ReadableDb, id: string): TaskRow | null {
  return (
    (stmt(db, `SELECT ${TASK_COLS} FROM whistle_task WHERE id = ?`).get(id) as TaskRow | undefined) ?? null
  );
}

export function insertTask(db: WritableDb, t: TaskRow & { createdBy: string }): void {
  stmt(
    db,
    `INSERT INTO whistle_task(id, whistle_id, decision, owner_unit_id, deadline, created_at, created_by)
     VALUES (@id, @whistleId, @decision, @ownerUnitId, @deadline, @createdAt, @createdBy)`,
  ).run(t);
}

export function completeTaskRow(db: WritableDb, id: string, at: number, actor: string): boolean {
  return (
    stmt(db, 'UPDATE whistle_task SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL').run(
      at,
      actor,
      id,
    ).changes === 1
  );
}

/** 双考核 inputs: the summons and tasks of whistles created in [from, to). */
export function assessmentInputs(
  db: ReadableDb,
  from: number,
  to: number,
): {
  summons: Array<{ unitId: string; deadline: number; reportedAt: number | null }>;
  tasks: Array<{ ownerUnitId: string; deadline: number; doneAt: number | null }>;
} {
  return {
    summons: stmt(
      db,
      `SELECT r.unit_id AS unitId, r.deadline, r.reported_at AS reportedAt FROM whistle_recipient r
        JOIN whistle w ON w.id = r.whistle_id WHERE w.created_at >= ? AND w.created_at < ?`,
    ).all(from, to) as Array<{ unitId: string; deadline: number; reportedAt: number | null }>,
    tasks: stmt(
      db,
      `SELECT t.owner_unit_id AS ownerUnitId, t.deadline, t.done_at AS doneAt FROM whistle_task t
        JOIN whistle w ON w.id = t.whistle_id WHERE w.created_at >= ? AND w.created_at < ?`,
    ).all(from, to) as Array<{ ownerUnitId: string; deadline: number; doneAt: number | null }>,
  };
}

/** The responsibility list (责任清单), for suggestions from an order. */
export function responsibilityRules(db: ReadableDb): ResponsibilityRule[] {
  return (stmt(db, 'SELECT json FROM responsibility ORDER BY id').all() as Array<{ json: string }>).map(
    (r) => JSON.parse(r.json) as ResponsibilityRule,
  );
}

export type { RecipientRow, TaskRow, WhistleKind };
