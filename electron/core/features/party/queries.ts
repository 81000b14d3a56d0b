/** party.* SQL: members' availability, the volunteer orders (by the projection's `volunteer_id`). */
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { Slot } from '../../../../shared/features/party/party';
import type { PartyOrg, Person, Site } from '../../../../shared/features/reference/organisation';
import { decodeOrder, ORDER_ROW_COLS, type OrderRow as StoredRow } from '../../store/event-log/order-codec';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface OrderRow {
  readonly order: WorkOrder;
  readonly finishDeadline: number | null;
  readonly isOpen: boolean;
}

/** The projection's `volunteer.id` as a column (migration 28). */
const VOLUNTEER_ID = 'volunteer_id';

type Row = StoredRow & { finish_deadline: number | null; is_open: number };
const COLS = `${ORDER_ROW_COLS}, finish_deadline, is_open`;

function _rows(rows: Row[]): OrderRow[] {
  return rows.map((r) => ({
    order: decodeOrder(r),
    finishDeadline: r.finish_deadline,
    isOpen: r.is_open === 1,
  }));
}

/** Open volunteer tasks: given to a member or a site, or a 居民点单 waiting to be given (待派单). */
export function openTaskRows(db: ReadableDb): OrderRow[] {
  return _rows(
    stmt(
      db,
      `SELECT ${COLS} FROM work_order
        WHERE ${VOLUNTEER_ID} IS NOT NULL AND is_open = 1
       UNION ALL
       SELECT ${COLS} FROM work_order
        WHERE status = 'received' AND source = 'volunteer' AND ${VOLUNTEER_ID} IS NULL`,
    ).all() as Row[],
  );
}

/** Every order ever given to a member or a site (done ones included), newest first. */
export function assignedRows(db: ReadableDb, limit = 5000): OrderRow[] {
  return _rows(
    stmt(
      db,
      `SELECT ${COLS} FROM work_order WHERE ${VOLUNTEER_ID} IS NOT NULL
        ORDER BY received_at DESC LIMIT ?`,
    ).all(limit) as Row[],
  );
}

/** Orders of one member or site (the ledger). */
export function rowsOfAssignee(db: ReadableDb, assigneeId: string): OrderRow[] {
  return _rows(
    stmt(
      db,
      `SELECT ${COLS} FROM work_order WHERE ${VOLUNTEER_ID} = ?
        ORDER BY received_at DESC`,
    ).all(assigneeId) as Row[],
  );
}

const ASSISTED = 'assists = 1';

/** Orders with 协办党员 (migration 26's partial index), newest first. */
export function assistRows(db: ReadableDb, limit = 5000): OrderRow[] {
  return _rows(
    stmt(db, `SELECT ${COLS} FROM work_order WHERE ${ASSISTED} ORDER BY received_at DESC LIMIT ?`).all(
      limit,
    ) as Row[],
  );
}

/** Orders one member assists on as 协办党员, newest first. */
export function rowsOfAssistMember(db: ReadableDb, memberId: string): OrderRow[] {
  // `w.json`: inside json_each(...) a bare `json` would name json_each's own hidden column.
  return _rows(
    stmt(
      db,
      `SELECT ${COLS} FROM work_order w
        WHERE w.assists = 1
          AND EXISTS (SELECT 1 FROM json_each(w.json, '$.assistMembers') a
                       WHERE json_extract(a.value, '$.id') = ?)
        ORDER BY received_at DESC`,
    ).all(memberId) as Row[],
  );
}

export function orderRow(db: ReadableDb, orderId: string): OrderRow | null {
  const rows = _rows(stmt(db, `SELECT ${COLS} FROM work_order WHERE id = ?`).all(orderId) as Row[]);
  return rows[0] ?? null;
}

/** 双报到 members (reference people with the party_member role). */
export function memberPeople(db: ReadableDb): Person[] {
  return (
    stmt(
      db,
      `SELECT json FROM person WHERE json_extract(json, '$.role') = 'party_member' ORDER BY id`,
    ).all() as Array<{
      json: string;
    }>
  ).map((r) => JSON.parse(r.json) as Person);
}

export function personById(db: ReadableDb, id: string): Person | null {
  const r = stmt(db, 'SELECT json FROM person WHERE id = ?').get(id) as { json: string } | undefined;
  return r ? (JSON.parse(r.json) as Person) : null;
}

export function siteRows(db: ReadableDb): Site[] {
  return (stmt(db, 'SELECT json FROM site ORDER BY id').all() as Array<{ json: string }>).map(
    (r) => JSON.parse(r.json) as Site,
  );
}

export function gridBranches(db: ReadableDb): PartyOrg[] {
  return (
    stmt(
      db,
      `SELECT json FROM party_org WHERE json_extract(json, '$.level') = 'grid_branch' ORDER BY id`,
    ).all() as Array<{
      json: string;
    }>
  ).map((r) => JSON.parse(r.json) as PartyOrg);
}

export function personNames(db: ReadableDb, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const s = stmt(db, `SELECT json_extract(json, '$.name') AS name FROM person WHERE id = ?`);
  for (const id of new Set(ids)) {
    const r = s.get(id) as { name: string | null } | undefined;
    if (r?.name) out.set(id, r.name);
  }
  return out;
}

/** Each member's service slots (absent: not registered yet). */
export function memberSlots(db: ReadableDb): Map<string, Slot[]> {
  const rows = stmt(db, 'SELECT person_id AS id, slots FROM party_member').all() as Array<{
    id: string;
    slots: string;
  }>;
  return new Map(rows.map((r) => [r.id, JSON.parse(r.slots) as Slot[]]));
}

export function writeMemberSlots(
  db: WritableDb,
  rows: readonly { readonly personId: string; readonly slots: readonly Slot[] }[],
  at: number,
  actor: string,
): void {
  const s = stmt(
    db,
    `INSERT INTO party_member(person_id, slots, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(person_id) DO UPDATE SET slots = excluded.slots, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  for (const r of rows) s.run(r.personId, JSON.stringify(r.slots), at, actor);
}
