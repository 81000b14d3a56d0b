/** 值班表 and 交接班 SQL, and the figures a handover report counts over a shift's window. */
import type { HandoverReport } from '../../../../shared/features/duty/contract';
import type { DutyShift } from '../../../../shared/features/duty/duty';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

interface ShiftRow {
  id: string;
  person: string;
  role: DutyShift['role'];
  weekdays: string;
  startMin: number;
  endMin: number;
  unitId: string | null;
}

export function shiftRows(db: ReadableDb): DutyShift[] {
  return (
    stmt(
      db,
      `SELECT id, person, role, weekdays, start_min AS startMin, end_min AS endMin, unit_id AS unitId
         FROM duty_shift ORDER BY start_min, person, id`,
    ).all() as ShiftRow[]
  ).map((r) => ({ ...r, weekdays: JSON.parse(r.weekdays) as number[] }));
}

export function upsertShift(db: WritableDb, s: DutyShift, at: number, actor: string): void {
  stmt(
    db,
    `INSERT INTO duty_shift(id, person, role, weekdays, start_min, end_min, unit_id, updated_at, updated_by)
     VALUES (@id, @person, @role, @weekdays, @startMin, @endMin, @unitId, @at, @actor)
     ON CONFLICT(id) DO UPDATE SET person = excluded.person, role = excluded.role,
       weekdays = excluded.weekdays, start_min = excluded.start_min, end_min = excluded.end_min,
       unit_id = excluded.unit_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ ...s, weekdays: JSON.stringify([...s.weekdays].sort()), at, actor });
}

export function deleteShiftRow(db: WritableDb, id: string): boolean {
  return stmt(db, 'DELETE FROM duty_shift WHERE id = ?').run(id).changes === 1;
}

/** Order events of a type in [from, to]: the hall's work during a shift. */
export function eventCountBetween(db: ReadableDb, type: string, from: number, to: number): number {
  return (
    stmt(
      db,
      'SELECT count(*) AS n FROM order_event WHERE type = ? AND at >= ? AND at <= ? AND flag IS NULL',
    ).get(type, from, to) as { n: number }
  ).n;
}

/** P0/P1 orders of the last day still waiting for a unit and not acknowledged (the wall's alarms). */
export function openAlarmCount(db: ReadableDb, since: number): number {
  return (
    stmt(
      db,
      `SELECT count(*) AS n FROM work_order w LEFT JOIN alarm_ack a ON a.order_id = w.id
        WHERE w.received_at >= ? AND w.urgency IN ('P0', 'P1') AND w.status IN ('received', 'dispatched')
          AND a.order_id IS NULL`,
    ).get(since) as { n: number }
  ).n;
}

export function openWhistleTitles(db: ReadableDb): string[] {
  return (
    stmt(db, 'SELECT title FROM whistle WHERE closed_at IS NULL ORDER BY created_at DESC').all() as Array<{
      title: string;
    }>
  ).map((r) => r.title);
}

type Stored = Omit<HandoverReport, 'id' | 'shiftId' | 'createdAt' | 'createdBy' | 'ackAt' | 'ackBy'>;

export function insertHandover(
  db: WritableDb,
  h: { id: string; shiftId: string; report: Stored; at: number; actor: string },
): void {
  stmt(
    db,
    'INSERT INTO duty_handover(id, shift_id, report, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
  ).run(h.id, h.shiftId, JSON.stringify(h.report), h.at, h.actor);
}

interface HandoverRow {
  id: string;
  shiftId: string;
  report: string;
  createdAt: number;
  createdBy: string;
  ackAt: number | null;
  ackBy: string | null;
}

const _decode = (r: HandoverRow): HandoverReport => ({
  ...(JSON.parse(r.report) as Stored),
  id: r.id,
  shiftId: r.shiftId,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  ackAt: r.ackAt,
  ackBy: r.ackBy,
});

const H_COLS = `id, shift_id AS shiftId, report, created_at AS createdAt, created_by AS createdBy,
  ack_at AS ackAt, ack_by AS ackBy`;

export function handoverRows(db: ReadableDb): HandoverReport[] {
  return (
    stmt(db, `SELECT ${H_COLS} FROM duty_handover ORDER BY created_at DESC LIMIT 50`).all() as HandoverRow[]
  ).map(_decode);
}

export function handoverRow(db: ReadableDb, id: string): HandoverReport | null {
  const r = stmt(db, `SELECT ${H_COLS} FROM duty_handover WHERE id = ?`).get(id) as HandoverRow | undefined;
  return r ? _decode(r) : null;
}

export function ackHandoverRow(db: WritableDb, id: string, at: number, actor: string): boolean {
  return (
    stmt(db, 'UPDATE duty_handover SET ack_at = ?, ack_by = ? WHERE id = ? AND ack_at IS NULL').run(
      at,
      actor,
      id,
    ).changes === 1
  );
}
