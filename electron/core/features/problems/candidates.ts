/** problems.candidates: 一类事 clusters of the last 30 / 90 days, ranked as 每月一题 candidates. */
import { addDays } from '../../../../shared/features/analysis/dates';
import { clusterCandidates, type ProblemCandidate } from '../../../../shared/features/problems/cluster';
import { chinaMidnight } from '../../../../shared/kernel/calendar';
import { chinaDate } from '../../../../shared/kernel/china-time';
import { maskAddress } from '../../../../shared/kernel/masking';
import type { Handler } from '../../runtime/context';
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

export const problemsCandidates: Handler<'problems.candidates'> = (input, call, env) => {
  const t0 = performance.now();
  const to = input.to ?? chinaDate(env.now());
  const from = addDays(to, -(input.days - 1));
  const prevFrom = addDays(from, -input.days);
  const fromMs = chinaMidnight(from);
  const toMs = chinaMidnight(addDays(to, 1));
  const orders = ordersBetween(env.db, chinaMidnight(prevFrom), toMs);
  const candidates = clusterCandidates(orders, {
    grain: input.grain,
    from: fromMs,
    to: toMs,
    days: input.days,
  });
  return {
    grain: input.grain,
    days: input.days,
    from,
    to,
    prevFrom,
    orders: orders.length,
    ms: Math.round(performance.now() - t0),
    candidates: candidates.map((c) => _masked(c, call)),
  };
};
