/**
 * The analysis rollups' cells of one order (pure). The ingest transaction adds an order's cells
 * and subtracts its old ones (store/event-log/analysis-rollup.ts), like the month rollup, so the
 * charts read a few thousand cells instead of scanning a million orders.
 *
 * - `analysis_day`: China date received × first-level category × community.
 * - `analysis_cell`: China date received × place cell (CELL_DEG of longitude and latitude, about
 *   43 m × 55 m in Beijing) × first-level category; orders without a point (待定位) have none.
 */
import { chinaDate } from '../../kernel/china-time';
import type { WorkOrder } from '../orders/order';

/** Size of a place cell in degrees: "the same place" of the repeat points. */
export const CELL_DEG = 0.0005;

/** A day cell: [day, category (2 chars), community code or '']. */
export type DayCell = readonly [string, string, string];
/** A place cell: [day, cx, cy, category (2 chars)]. */
export type PlaceCell = readonly [string, number, number, string];

/** Cell index of a coordinate; trunc matches SQLite's CAST(x AS INTEGER) (the migration backfill). */
export function cellIndex(deg: number): number {
  return Math.trunc(deg / CELL_DEG);
}

/** Centre of a cell index in degrees. */
export function cellCentre(i: number): number {
  return Math.round((i + 0.5) * CELL_DEG * 1e6) / 1e6;
}

export function dayCellOf(o: WorkOrder): DayCell {
  return [chinaDate(o.receivedAt), o.categoryCode.slice(0, 2), o.communityCode ?? ''];
}

export function placeCellOf(o: WorkOrder): PlaceCell | null {
  if (o.lng === null || o.lat === null) return null;
  return [chinaDate(o.receivedAt), cellIndex(o.lng), cellIndex(o.lat), o.categoryCode.slice(0, 2)];
}
