/**
 * The hub's feed compaction for field-force positions (docs/SYNC.md, docs/FIELD.md): a live
 * position stream would otherwise grow the feed without bound. Only `positions` items are
 * touched — events and reference versions are never compacted.
 *
 * The rule, per report (a position item holds ≤ 500): a report taken within the horizon (1 h) is
 * kept (a hall catching up within the hour gets the whole trail); an older one is kept only if it
 * is its person's newest report anywhere in the feed; and one older than the drop age (1 day: a
 * hall ignores such a report when it applies it, field's HISTORY_HORIZON_MS) is dropped even then. An item left with no report
 * is deleted; one left with fewer is rewritten in place, keeping its seq.
 *
 * Why cursors survive it: a hall pulls items with seq > its cursor. A hall ahead of an item has
 * already applied it; a hall behind it gets, for every person, the newest report (kept, somewhere
 * after its cursor, or already applied) — the hall keeps the newest per person and ignores older
 * and repeated ones, so it converges to the same positions. The item with the highest seq is never
 * deleted: seq is the table's rowid, and SQLite would hand a deleted top seq to the next item, which
 * a hall whose cursor already stood there would never pull.
 */
import { HISTORY_HORIZON_MS } from '../../../../shared/features/field/field';
import { getMeta, setMeta } from '../../store/meta';
import { stmt } from '../../store/statements';
import type { WritableDb } from '../../store/types';

/** Reports taken within this of now are all kept. */
export const POSITIONS_HORIZON_MS = 3_600_000;
/** Reports older than this are dropped, newest or not: a hall ignores them when applied (1 day). */
export const POSITIONS_DROP_MS = HISTORY_HORIZON_MS;

/** The lowest seq that may still hold a position item (meta), so a run reads from there. */
const FLOOR_KEY = 'hub_positions_floor';

export interface CompactResult {
  /** Position items looked at. */
  readonly items: number;
  readonly deletedItems: number;
  readonly rewrittenItems: number;
  readonly droppedReports: number;
  readonly keptReports: number;
}

interface Report {
  readonly personId: string;
  readonly at: number;
}

function _reports(body: string): Report[] | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed === null || typeof parsed !== 'object') return null;
    const reports = (parsed as { reports?: unknown }).reports;
    if (!Array.isArray(reports)) return null;
    for (const r of reports)
      if (
        r === null ||
        typeof r !== 'object' ||
        typeof (r as { personId?: unknown }).personId !== 'string' ||
        typeof (r as { at?: unknown }).at !== 'number'
      )
        return null;
    return reports as Report[];
  } catch {
    return null;
  }
}

/**
 * One compaction run, in one transaction. Reads the feed from the floor (the lowest seq a
 * position item may still have) through the primary key, so a run costs about the last day of
 * feed, not its whole history. A malformed item (the hall quarantines it) is left as it is.
 */
export function compactPositionItems(
  db: WritableDb,
  opts: { readonly now: number; readonly horizonMs?: number; readonly dropMs?: number },
): CompactResult {
  const horizonAt = opts.now - (opts.horizonMs ?? POSITIONS_HORIZON_MS);
  const dropAt = opts.now - (opts.dropMs ?? POSITIONS_DROP_MS);
  return db.transaction((): CompactResult => {
    const floor = Number(getMeta(db, FLOOR_KEY) ?? '0') || 0;
    const top = (stmt(db, 'SELECT coalesce(max(seq), 0) FROM hub_feed').pluck().get() as number) ?? 0;
    const rows = stmt(
      db,
      "SELECT seq, body FROM hub_feed WHERE seq >= ? AND kind = 'positions' ORDER BY seq",
    ).all(floor) as { seq: number; body: string }[];
    const items = rows.map((r) => ({ seq: r.seq, body: r.body, reports: _reports(r.body) }));
    // Each person's newest report: the latest `at`, a later seq (and place) on a tie.
    const newest = new Map<string, { at: number; seq: number; i: number }>();
    for (const it of items) {
      if (!it.reports) continue;
      it.reports.forEach((r, i) => {
        const n = newest.get(r.personId);
        if (!n || r.at > n.at || (r.at === n.at && (it.seq > n.seq || (it.seq === n.seq && i > n.i))))
          newest.set(r.personId, { at: r.at, seq: it.seq, i });
      });
    }
    let deletedItems = 0;
    let rewrittenItems = 0;
    let droppedReports = 0;
    let keptReports = 0;
    let lowest: number | null = null;
    const del = stmt(db, 'DELETE FROM hub_feed WHERE seq = ?');
    const upd = stmt(db, 'UPDATE hub_feed SET body = ? WHERE seq = ?');
    for (const it of items) {
      if (!it.reports || it.seq === top) {
        lowest ??= it.seq;
        keptReports += it.reports?.length ?? 0;
        continue;
      }
      const kept = it.reports.filter((r, i) => {
        if (r.at < dropAt) return false;
        if (r.at >= horizonAt) return true;
        const n = newest.get(r.personId);
        return n !== undefined && n.seq === it.seq && n.i === i;
      });
      droppedReports += it.reports.length - kept.length;
      keptReports += kept.length;
      if (kept.length === 0) {
        del.run(it.seq);
        deletedItems++;
        continue;
      }
      lowest ??= it.seq;
      if (kept.length < it.reports.length) {
        const body = JSON.parse(it.body) as Record<string, unknown>;
        upd.run(JSON.stringify({ ...body, reports: kept }), it.seq);
        rewrittenItems++;
      }
    }
    // The next run starts at the oldest item still holding positions (or after today's top).
    setMeta(db, FLOOR_KEY, String(lowest ?? top + 1));
    return { items: items.length, deletedItems, rewrittenItems, droppedReports, keptReports };
  })();
}
