/** Handlers of analysis.*: rollup reads shaped by the pure domain in shared/features/analysis. */
import { CELL_DEG } from '../../../../shared/features/analysis/cells';
import { communityTotals, pareto } from '../../../../shared/features/analysis/cube';
import { addDays, monthEnd } from '../../../../shared/features/analysis/dates';
import { hotspotOf } from '../../../../shared/features/analysis/hotspot';
import { trendBuckets, trendReadFrom } from '../../../../shared/features/analysis/trend';
import { chinaMidnight } from '../../../../shared/kernel/calendar';
import { chinaDate } from '../../../../shared/kernel/china-time';
import type { Handler } from '../../runtime/context';
import { cubeCells, dailyCounts, placeCounts, spotOrderIds } from './queries';

const SPOT_LIMIT = 500;

export const analysisTrend: Handler<'analysis.trend'> = (input, _call, env) => {
  const daily = dailyCounts(env.db, trendReadFrom(input.from), input.to, input);
  return {
    grain: input.grain,
    from: input.from,
    to: input.to,
    category: input.category ?? null,
    community: input.community ?? null,
    buckets: trendBuckets(daily, input.grain, input.from, input.to),
  };
};

export const analysisCube: Handler<'analysis.cube'> = (input, _call, env) => {
  const cells = cubeCells(env.db, `${input.from}-01`, monthEnd(`${input.to}-01`), input);
  const months: string[] = [];
  for (let m = input.from; m <= input.to; m = addDays(monthEnd(`${m}-01`), 1).slice(0, 7)) months.push(m);
  const p = pareto(cells);
  return {
    from: input.from,
    to: input.to,
    months,
    total: p.reduce((s, r) => s + r.n, 0),
    pareto: p,
    communities: communityTotals(cells),
    cells,
  };
};

export const analysisHotspot: Handler<'analysis.hotspot'> = (input, _call, env) => {
  const to = input.to ?? chinaDate(env.now());
  const from = addDays(to, -(input.days - 1));
  const h = hotspotOf(placeCounts(env.db, from, to, input.category), input.minRepeat);
  return { from, to, minRepeat: input.minRepeat, cellDeg: CELL_DEG, ...h };
};

export const analysisSpotOrders: Handler<'analysis.spotOrders'> = (input, _call, env) => {
  const ids = spotOrderIds(
    env.db,
    chinaMidnight(input.from),
    chinaMidnight(addDays(input.to, 1)),
    input.cx,
    input.cy,
    input.category,
    SPOT_LIMIT + 1,
  );
  return { ids: ids.slice(0, SPOT_LIMIT), truncated: ids.length > SPOT_LIMIT };
};
