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
 * The search index's document (order_search; docs/STORE.md, "search"): each run of letters and
 * digits (any script, lower-cased) as its 2-character windows in order, then the run's last
 * character. A 2-character query is one token; a longer run is the phrase of its windows, which
 * matches exactly where the run occurs (windows at consecutive positions); a 1-character query c
 * is the prefix query `"c"*`, since every occurrence of c starts a window or ends a run.
 * A text that stands whole inside another of the order's (an address in the 诉求内容, a title cut
 * from it) is left out: every query it matches, the longer text matches too.
 * Hand-rolled (no regex iterator): this runs once per order on the ingest path.
 */
export function searchGrams(...texts: string[]): string {
  const out: string[] = [];
  texts.forEach((raw, i) => {
    if (raw === '' || texts.some((other, j) => j !== i && _standsIn(raw, other, j < i))) return;
    const text = raw.toLowerCase();
    let prev = '';
    for (const ch of text) {
      const c = ch.codePointAt(0) as number;
      const word = (c >= CJK_LO && c <= CJK_HI) || _isWordCode(c);
      if (!word) {
        if (prev) out.push(prev);
        prev = '';
        continue;
      }
      if (prev) out.push(prev + ch);
      prev = ch;
    }
    if (prev) out.push(prev);
  });
  return out.join(' ');
}

/**
 * Whether `part` stands whole in `whole` (spaces taken as one: a title cut from a text collapses
 * them); of two equal texts, only the later one (`earlier`: `whole` comes first) is left out.
 */
function _standsIn(part: string, whole: string, earlier: boolean): boolean {
  if (whole.length < part.length) return false;
  if (whole.length === part.length) return earlier && whole === part;
  if (whole.includes(part)) return true;
  return SPACE.test(whole) && whole.replace(SPACES, ' ').includes(part.replace(SPACES, ' '));
}
const SPACE = /\s/;
const SPACES = /\s+/g;

/**
 * A user query as an FTS5 MATCH on order_search, or null when it has no letters or digits: each
 * run a phrase of its 2-character windows (a 1-character run the prefix query), all of them ANDed.
 */
export function searchMatch(q: string): string | null {
  const runs = textRuns(q);
  if (runs.length === 0) return null;
  return runs
    .map((run) => {
      const cs = Array.from(run);
      if (cs.length === 1) return `"${run}"*`;
      const windows: string[] = [];
      for (let i = 0; i + 1 < cs.length; i++) windows.push(`${cs[i] as string}${cs[i + 1] as string}`);
      return `"${windows.join(' ')}"`;
    })
    .join(' AND ');
}
