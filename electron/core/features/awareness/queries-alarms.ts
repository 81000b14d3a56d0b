/** Urgent-order alarms: new P0/P1 orders of the last day and who acknowledged them. */
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';
import { orderKeyFrom } from '../../store/event-log/order-key';

export interface AlarmRow {
  readonly orderId: string;
  readonly title: string;
  readonly urgency: string;
  readonly status: string;
  readonly receivedAt: number;
  readonly address: string;
  readonly communityCode: string | null;
  readonly ackAt: number | null;
  readonly ackActor: string | null;
}

const COLUMNS = `w.id AS orderId, w.title, w.urgency, w.status, w.received_at AS receivedAt, w.address,
  w.community_code AS communityCode, a.at AS ackAt, a.actor AS ackActor`;

/**
 * P0/P1 orders received since `since`, not yet signed for by a unit (待派单 / 待签收) and not
 * acknowledged, newest first (a rowid range). Once a unit has signed, the alarm has done its job.
 */
export function pendingAlarms(db: ReadableDb, since: number, limit: number): AlarmRow[] {
  return stmt(
    db,
    `SELECT ${COLUMNS} FROM work_order w LEFT JOIN alarm_ack a ON a.order_id = w.id
      WHERE w.rowid >= ? AND w.urgency IN ('P0', 'P1') AND w.status IN ('received', 'dispatched')
        AND a.order_id IS NULL
      ORDER BY w.rowid DESC LIMIT ?`,
  ).all(orderKeyFrom(since), limit) as AlarmRow[];
}

/** Acknowledgements since `since`, newest first. */
export function acknowledgedAlarms(db: ReadableDb, since: number, limit: number): AlarmRow[] {
  return stmt(
    db,
    `SELECT ${COLUMNS} FROM alarm_ack a JOIN work_order w ON w.id = a.order_id
      WHERE a.at >= ? ORDER BY a.at DESC LIMIT ?`,
  ).all(since, limit) as AlarmRow[];
}

export function alarmRow(db: ReadableDb, orderId: string): AlarmRow | null {
  return (
    (stmt(
      db,
      `SELECT ${COLUMNS} FROM work_order w LEFT JOIN alarm_ack a ON a.order_id = w.id WHERE w.id = ?`,
    ).get(orderId) as AlarmRow | undefined) ?? null
  );
}

/** True when this call recorded the acknowledgement; false when one was already there. */
export function insertAck(db: WritableDb, orderId: string, at: number, actor: string): boolean {
  return (
    stmt(db, 'INSERT INTO alarm_ack(order_id, at, actor) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
      orderId,
      at,
      actor,
    ).changes === 1
  );
}
