/** Pure helpers of the projection: rollup contributions (months in China time), search tokens. */
import { OPEN_STATUSES, type WorkOrder } from '../../../../shared/features/orders/order';
import { chinaMonth } from '../../../../shared/kernel/china-time';

export function isOpen(order: WorkOrder): boolean {
  return OPEN_STATUSES.includes(order.status);
}

/**
 * The rollup cells one order counts in. Updating an order subtracts its old cells and adds
 * its new ones, so counters stay exact whatever the order of events.
 */
export function rollupCells(order: WorkOrder | null): Array<readonly [string, string]> {
  if (!order) return [];
  const cells: Array<readonly [string, string]> = [[chinaMonth(order.receivedAt), `status.${order.status}`]];
  if (order.status === 'closed' && order.closedAt !== null)
    cells.push([chinaMonth(order.closedAt), 'closed']);
  const cb = order.callback;
  if (cb) {
    const m = chinaMonth(cb.at);
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
function textRuns(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(RUN), (m) => m[0]);
}

function _isWordCode(c: number): boolean {
  // ASCII letters/digits, and everything non-ASCII that is a letter or number (CJK included).
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(String.fromCodePoint(c));
}
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK_LO = 0x3400;
const CJK_HI = 0x9fff;

/**
 * Tokens of the short-query index: every 2-character window of each run, plus the run's last
 * character. A 2-char query is then one token; a 1-char query c is the prefix query c*, since
 * every occurrence of c either starts a window or ends a run. Hand-rolled (no regex iterator):
 * this runs once per order on the ingest path.
 */
export function shortGrams(...texts: string[]): string {
  const out = new Set<string>();
  for (const raw of texts) {
    const text = raw.toLowerCase();
    let prev = '';
    for (const ch of text) {
      const c = ch.codePointAt(0) as number;
      const word = (c >= CJK_LO && c <= CJK_HI) || _isWordCode(c);
      if (!word) {
        if (prev) out.add(prev);
        prev = '';
        continue;
      }
      if (prev) out.add(prev + ch);
      prev = ch;
    }
    if (prev) out.add(prev);
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
