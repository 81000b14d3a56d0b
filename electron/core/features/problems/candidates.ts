/** problems.candidates: 一类事 clusters of the last 30 / 90 days, ranked as 每月一题 candidates. */
import { addDays } from '../../../../shared/features/analysis/dates';
import { clusterCandidates, type ProblemCandidate } from '../../../../shared/features/problems/cluster';
import {
  CANDIDATES_REUSE_AFTER_MS,
  CANDIDATES_REUSE_MS,
  type ProblemCandidates,
} from '../../../../shared/features/problems/contract';
import { chinaMidnight } from '../../../../shared/kernel/calendar';
import { chinaDate } from '../../../../shared/kernel/china-time';
import { maskAddress } from '../../../../shared/kernel/masking';
import type { Handler } from '../../runtime/context';
import type { ReadableDb } from '../../store/types';
import { maskTextFor, mayseePersonalData, type MaskSubject } from '../../runtime/masking';
import { ordersBetween } from './queries';

/**
 * A wall or viewer sees the words and the place masked: numbers in any form and the first order's
 * citizen name in the label, the door of the place (the estate or road is enough).
 */
function _masked(c: ProblemCandidate, who: MaskSubject): ProblemCandidate {
  if (mayseePersonalData(who)) return c;
  const id = c.ids[0] ?? null;
  const place = (p: string) => maskTextFor(who, maskAddress(p), id);
  return {
    ...c,
    label: maskTextFor(who, c.label, id),
    place: c.signature.grain === 'spot' ? place(c.place) : c.place,
    reasons: c.reasons.map((r) => (r.code === 'spot' ? { ...r, place: place(r.place) } : r)),
  };
}

type Clustering = Omit<ProblemCandidates, 'reused'>;

/**
 * Slow clusterings kept per connection (each reader has its own): grain · days · last day →
 * the unmasked answer. A 1 M-order street reads ~130 k orders for 30 days and takes seconds;
 * the demo street takes a fraction of a second and is never kept.
 */
const kept = new WeakMap<ReadableDb, Map<string, Clustering>>();

function _cluster(
  db: ReadableDb,
  grain: 'spot' | 'community',
  days: number,
  to: string,
  now: number,
): Clustering {
  const t0 = performance.now();
  const from = addDays(to, -(days - 1));
  const prevFrom = addDays(from, -days);
  const fromMs = chinaMidnight(from);
  const toMs = chinaMidnight(addDays(to, 1));
  const orders = ordersBetween(db, chinaMidnight(prevFrom), toMs);
  const candidates = clusterCandidates(orders, { grain, from: fromMs, to: toMs, days });
  return {
    grain,
    days,
    from,
    to,
    prevFrom,
    orders: orders.length,
    ms: Math.round(performance.now() - t0),
    computedAt: now,
    candidates,
  };
}

export const problemsCandidates: Handler<'problems.candidates'> = (input, call, env) => {
  const now = env.now();
  const to = input.to ?? chinaDate(now);
  const key = `${input.grain}:${input.days}:${to}`;
  const mine = kept.get(env.db) ?? new Map<string, Clustering>();
  kept.set(env.db, mine);
  const last = mine.get(key);
  const reuse =
    last !== undefined &&
    now - last.computedAt < CANDIDATES_REUSE_MS &&
    last.computedAt >= (input.since ?? 0);
  const c = reuse ? last : _cluster(env.db, input.grain, input.days, to, now);
  if (!reuse) {
    if (mine.size > 8) mine.clear(); // yesterday's windows
    if (c.ms > CANDIDATES_REUSE_AFTER_MS) mine.set(key, c);
    else mine.delete(key);
  }
  return { ...c, reused: reuse, candidates: c.candidates.map((x) => _masked(x, call)) };
};
