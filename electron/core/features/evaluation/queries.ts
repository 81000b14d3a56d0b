/**
 * 评估反馈 SQL. Call-backs count in the China month of the call-back (as the rollup does); they
 * are read from the orders received up to 180 days before the month's end (a rowid key range:
 * a call-back comes within days of the reply), so a month is one bounded range scan at any store size.
 */
import type { CallbackCounts } from '../../../../shared/features/stats/three-rates';
import type { EvalLevel } from '../../../../shared/features/evaluation/contract';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';
import { orderKeyFrom } from '../../store/event-log/order-key';

const DAY = 86_400_000;
/** How far before a month a call-back's order may have been received. */
export const CALLBACK_LOOKBACK_MS = 180 * DAY;

const DIM: Readonly<Record<EvalLevel, string>> = {
  unit: "coalesce(unit_id, '')",
  community: "coalesce(community_code, '')",
  grid: "coalesce(grid_code, '')",
  // A grid's 网格员: the first person registered on the order's grid.
  person:
    "coalesce((SELECT p.id FROM person p WHERE p.grid_code = work_order.grid_code ORDER BY p.id LIMIT 1), '')",
};

export interface CountsRow extends CallbackCounts {
  readonly k: string;
  readonly total: number;
}

export function callbackCounts(db: ReadableDb, level: EvalLevel, from: number, to: number): CountsRow[] {
  return stmt(
    db,
    `SELECT ${DIM[level]} AS k, count(*) AS total,
            sum(v) AS valid,
            sum(v * json_extract(json, '$.callback.contacted')) AS contacted,
            sum(v * json_extract(json, '$.callback.solved')) AS solved,
            sum(v * (json_extract(json, '$.callback.satisfaction') = 'satisfied')) AS satisfied,
            sum(v * (json_extract(json, '$.callback.satisfaction') = 'basic')) AS basic,
            sum(v * (json_extract(json, '$.callback.satisfaction') = 'unsatisfied')) AS unsatisfied
       FROM (SELECT *, json_extract(json, '$.callback.valid') AS v FROM work_order
              WHERE rowid >= ? AND rowid < ?
                AND json_extract(json, '$.callback.at') >= ? AND json_extract(json, '$.callback.at') < ?)
      GROUP BY k`,
  ).all(orderKeyFrom(from - CALLBACK_LOOKBACK_MS), orderKeyFrom(to), from, to) as CountsRow[];
}

/** Ids of the orders with a call-back in [from, to) whose dimension is `key` (newest first, at most `limit`). */
export function callbackOrderIds(
  db: ReadableDb,
  level: EvalLevel,
  key: string,
  from: number,
  to: number,
  limit: number,
): string[] {
  return (
    stmt(
      db,
      `SELECT id FROM work_order
        WHERE rowid >= ? AND rowid < ?
          AND json_extract(json, '$.callback.at') >= ? AND json_extract(json, '$.callback.at') < ?
          AND ${DIM[level]} = ?
        ORDER BY rowid DESC LIMIT ?`,
    ).all(orderKeyFrom(from - CALLBACK_LOOKBACK_MS), orderKeyFrom(to), from, to, key, limit) as Array<{
      id: string;
    }>
  ).map((r) => r.id);
}

export interface AwaitingRow {
  readonly id: string;
  readonly title: string;
  readonly unitId: string;
}

/** Orders replied or closed in [from, to) still without a call-back: their outcome is open. */
export function awaitingCallback(db: ReadableDb, from: number, to: number): AwaitingRow[] {
  return stmt(
    db,
    `SELECT id, title, unit_id AS unitId FROM work_order
      WHERE rowid >= ? AND rowid < ? AND unit_id IS NOT NULL
        AND json_extract(json, '$.callback') IS NULL
        AND coalesce(json_extract(json, '$.repliedAt'), closed_at) >= ?
        AND coalesce(json_extract(json, '$.repliedAt'), closed_at) < ?
        AND status IN ('replied', 'closed')`,
  ).all(orderKeyFrom(from - CALLBACK_LOOKBACK_MS), orderKeyFrom(to), from, to) as AwaitingRow[];
}

export interface OpenRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly categoryCode: string;
  readonly communityCode: string | null;
  readonly unitId: string | null;
  readonly receivedAt: number;
  readonly deadline: number | null;
  readonly rework: number;
  readonly returns: number;
  readonly urges: number;
  readonly phone: string | null;
}

/** Open orders (not suspended), with what the risk score reads. */
export function openOrders(db: ReadableDb): OpenRow[] {
  return stmt(
    db,
    `SELECT id, title, status, category_code AS categoryCode, community_code AS communityCode,
            unit_id AS unitId, received_at AS receivedAt, finish_deadline AS deadline,
            coalesce(json_extract(json, '$.reworkCount'), 0) AS rework,
            coalesce(json_extract(json, '$.returnCount'), 0) AS returns,
            coalesce(json_extract(json, '$.urgeCount'), 0) AS urges,
            json_extract(json, '$.citizen.phone') AS phone
       FROM work_order WHERE is_open = 1 AND status != 'suspended'`,
  ).all() as OpenRow[];
}

/** Orders per citizen phone received since `from` (repeat callers). */
export function phoneCounts(db: ReadableDb, from: number): Map<string, number> {
  const rows = stmt(
    db,
    `SELECT json_extract(json, '$.citizen.phone') AS phone, count(*) AS n FROM work_order
      WHERE rowid >= ? AND json_extract(json, '$.citizen.phone') IS NOT NULL GROUP BY phone HAVING n > 1`,
  ).all(orderKeyFrom(from)) as Array<{ phone: string; n: number }>;
  return new Map(rows.map((r) => [r.phone, r.n]));
}

/** Valid call-backs and unsatisfied ones per top-level category since `from`. */
export function categoryUnsatisfied(
  db: ReadableDb,
  from: number,
): Array<{ category: string; valid: number; unsatisfied: number }> {
  return stmt(
    db,
    `SELECT substr(category_code, 1, 2) AS category, count(*) AS valid,
            sum(json_extract(json, '$.callback.satisfaction') = 'unsatisfied') AS unsatisfied
       FROM work_order WHERE rowid >= ? AND json_extract(json, '$.callback.valid') = 1
      GROUP BY category`,
  ).all(orderKeyFrom(from)) as Array<{ category: string; valid: number; unsatisfied: number }>;
}

export function readSettingsJson(db: ReadableDb): string | null {
  const r = stmt(db, "SELECT value FROM evaluation_setting WHERE key = 'settings'").get() as
    { value: string } | undefined;
  return r?.value ?? null;
}

export function writeSettingsJson(db: WritableDb, json: string): void {
  stmt(
    db,
    "INSERT INTO evaluation_setting (key, value) VALUES ('settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(json);
}
