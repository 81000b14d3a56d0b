/**
 * Upkeep of the analysis rollups (issue 16, migration 0017) inside the ingest transaction:
 * `analysis_day` (day × category × community) and `analysis_cell` (day × place cell × category).
 * events.ts adds an order's cells with +1 and its previous cells with -1 into the same delta map
 * as the month rollup; keys of this module start with a control character no month rollup key has.
 */
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { dayCellOf, placeCellOf } from '../../../../shared/features/analysis/cells';
import { stmt } from '../statements';
import type { WritableDb } from '../types';

const DAY = '\u0001d\u0001';
const CELL = '\u0001c\u0001';
const SEP = '\u0001';

/** Adds the order's analysis cells with `sign` into the delta map. */
export function addAnalysisCells(deltas: Map<string, number>, order: WorkOrder | null, sign: 1 | -1): void {
  if (!order) return;
  const d = DAY + dayCellOf(order).join(SEP);
  deltas.set(d, (deltas.get(d) ?? 0) + sign);
  const p = placeCellOf(order);
  if (p) {
    const c = CELL + p.join(SEP);
    deltas.set(c, (deltas.get(c) ?? 0) + sign);
  }
}

/** Writes one delta if the key is an analysis key; false for the month rollup's keys. */
export function flushAnalysisDelta(db: WritableDb, key: string, n: number): boolean {
  if (key.startsWith(DAY)) {
    const [day, category, community] = key.slice(DAY.length).split(SEP) as [string, string, string];
    stmt(
      db,
      'INSERT INTO analysis_day(day, category, community, n) VALUES (?, ?, ?, ?) ON CONFLICT(day, category, community) DO UPDATE SET n = n + excluded.n',
    ).run(day, category, community, n);
    return true;
  }
  if (key.startsWith(CELL)) {
    const [day, cx, cy, category] = key.slice(CELL.length).split(SEP) as [string, string, string, string];
    stmt(
      db,
      'INSERT INTO analysis_cell(day, cx, cy, category, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT(day, cx, cy, category) DO UPDATE SET n = n + excluded.n',
    ).run(day, Number(cx), Number(cy), category, n);
    return true;
  }
  return false;
}
