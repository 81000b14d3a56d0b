/** Pure helpers of the projection: months in China time, rollup contributions, search tokens. */
import { OPEN_STATUSES, type WorkOrder } from '../../../shared/domain/order';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM' of an instant in China Standard Time. */
export function monthOf(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 7);
}

/** [start, end) of a 'YYYY-MM' month in China Standard Time, epoch ms. */
export function monthRange(month: string): [number, number] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return [Date.UTC(y, m - 1, 1) - CST_OFFSET_MS, Date.UTC(y, m, 1) - CST_OFFSET_MS];
}

export function isOpen(order: WorkOrder): boolean {
  return OPEN_STATUSES.includes(order.status);
}

/**
 * The rollup cells one order counts in. Updating an order subtracts its old cells and adds
 * its new ones, so counters stay exact whatever the order of events.
 */
export function rollupCells(order: WorkOrder | null): Array<readonly [string, string]> {
  if (!order) return [];
  const cells: Array<readonly [string, string]> = [[monthOf(order.receivedAt), `status.${order.status}`]];
  if (order.status === 'closed' && order.closedAt !== null) cells.push([monthOf(order.closedAt), 'closed']);
  const cb = order.callback;
  if (cb) {
    const m = monthOf(cb.at);
    cells.push([m, 'cb.total']);
    if (cb.valid) {
      cells.push([m, 'cb.valid']);
      if (cb.contacted) cells.push([m, 'cb.contacted']);
      if (cb.solved) cells.push([m, 'cb.solved']);
      cells.push([m, `cb.${cb.satisfaction}`]);
    }
  }
  return cells;
}

const RUN = /[\p{L}\p{N}]+/gu;

/** Word runs (letters/digits, any script), lower-cased. */
export function textRuns(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(RUN), (m) => m[0]);
}

/**
 * Tokens of the short-query index: every 2-character window of each run, plus the run's last
 * character. A 2-char query is then one token; a 1-char query c is the prefix query c*, since
 * every occurrence of c either starts a window or ends a run.
 */
export function shortGrams(...texts: string[]): string {
  const out = new Set<string>();
  for (const text of texts) {
    for (const run of textRuns(text)) {
      const chars = Array.from(run);
      for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
      out.add(chars[chars.length - 1] as string);
    }
  }
  return Array.from(out).join(' ');
}

export interface SearchPlan {
  /** FTS5 MATCH expression for the trigram index, or null. */
  readonly trigram: string | null;
  /** FTS5 MATCH expression for the short-token index, or null. */
  readonly short: string | null;
}

/** Splits a user query into runs: 3+ chars go to trigram, 1–2 chars to the short index. */
export function searchPlan(q: string): SearchPlan | null {
  const runs = textRuns(q);
  if (runs.length === 0) return null;
  const tri: string[] = [];
  const short: string[] = [];
  for (const run of runs) {
    const n = Array.from(run).length;
    if (n >= 3) tri.push(`"${run}"`);
    else if (n === 2) short.push(`"${run}"`);
    else short.push(`"${run}"*`);
  }
  return {
    trigram: tri.length ? tri.join(' AND ') : null,
    short: short.length ? short.join(' AND ') : null,
  };
}
