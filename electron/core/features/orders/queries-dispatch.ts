/** What dispatch recommendation reads: the responsibility list and the current load per unit. */
import type { DutyShift } from '../../../../shared/features/duty/duty';
import type { ResponsibilityRule } from '../../../../shared/features/reference/catalogue';
import { stmt } from '../../store/statements';
import type { ReadableDb } from '../../store/types';

/** The responsibility list (责任清单), in id order. */
export function readResponsibilityRules(db: ReadableDb): ResponsibilityRule[] {
  return (stmt(db, 'SELECT json FROM responsibility ORDER BY id').all() as Array<{ json: string }>).map(
    (r) => JSON.parse(r.json) as ResponsibilityRule,
  );
}

/**
 * Current load per unit: open orders by their (main) unit, for dispatch recommendation.
 *
 * A covering count over the partial index work_order_open_unit (migration 0004), which holds
 * only open, assigned orders: the work is proportional to the open orders, not to the store.
 */
export function openOrdersByUnit(db: ReadableDb): Map<string, number> {
  const rows = stmt(
    db,
    'SELECT unit_id AS unitId, count(*) AS n FROM work_order INDEXED BY work_order_open_unit WHERE is_open = 1 AND unit_id IS NOT NULL GROUP BY unit_id',
  ).all() as Array<{ unitId: string; n: number }>;
  return new Map(rows.map((r) => [r.unitId, r.n]));
}

/**
 * A stamp that moves whenever the store may have changed: this connection's row changes
 * (total_changes) plus commits by other connections (data_version). Equal stamps mean nothing
 * was written in between, so a cached read is still exact. Costs one tiny statement.
 */
export function storeChangeStamp(db: ReadableDb): string {
  const r = stmt(
    db,
    'SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version) AS v',
  ).get() as {
    c: number;
    v: number;
  };
  return `${r.c}:${r.v}`;
}

/** The roster's shifts that cover a responsibility-list group (a unit), for shift-aware dispatch. */
export function unitShifts(db: ReadableDb): DutyShift[] {
  return (
    stmt(
      db,
      `SELECT id, person, role, weekdays, start_min AS startMin, end_min AS endMin, unit_id AS unitId
         FROM duty_shift WHERE unit_id IS NOT NULL ORDER BY start_min, person, id`,
    ).all() as Array<Omit<DutyShift, 'weekdays'> & { weekdays: string }>
  ).map((r) => ({ ...r, weekdays: JSON.parse(r.weekdays) as number[] }));
}
