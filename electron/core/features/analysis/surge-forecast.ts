/** analysis.surge and analysis.forecast: windows of the day rollup shaped by the pure rules. */
import { addDays, addMonths } from '../../../../shared/features/analysis/dates';
import {
  backtest,
  BACKTEST_ORIGINS,
  FORECAST_WEEKS,
  seriesOf,
  weekdayMeanForecast,
} from '../../../../shared/features/analysis/forecast';
import {
  SURGE_MIN_EXCESS,
  SURGE_RATIO,
  surges,
  type SurgeInput,
} from '../../../../shared/features/analysis/surge';
import { chinaDate } from '../../../../shared/kernel/china-time';
import type { Handler } from '../../runtime/context';
import { dailyByCategory, firstDay, windowCells } from './queries';
import { runningPlaybooks } from './playbooks';
import { daysBetween } from '../../../../shared/features/analysis/dates';

type Acc = { last7: number; prior28: number; ly7: number; lyPrior28: number };

export const analysisSurge: Handler<'analysis.surge'> = (input, _call, env) => {
  const to = input.to ?? chinaDate(env.now());
  const from = addDays(to, -6);
  const priorFrom = addDays(to, -34);
  const lyTo = addMonths(to, -12);
  const lyFrom = addDays(lyTo, -6);
  const lyPriorFrom = addDays(lyTo, -34);
  const acc = new Map<string, Acc>();
  let hasLastYear = false;
  const add = (key: string, f: keyof Acc, n: number) => {
    const a = acc.get(key) ?? { last7: 0, prior28: 0, ly7: 0, lyPrior28: 0 };
    a[f] += n;
    acc.set(key, a);
  };
  for (const r of windowCells(env.db, [priorFrom, to], [lyPriorFrom, lyTo])) {
    const thisYear = r.day >= priorFrom;
    if (!thisYear) hasLastYear = true;
    const f: keyof Acc = thisYear
      ? r.day >= from
        ? 'last7'
        : 'prior28'
      : r.day >= lyFrom
        ? 'ly7'
        : 'lyPrior28';
    add(`${r.category}|`, f, r.n);
    if (r.community) add(`${r.category}|${r.community}`, f, r.n);
  }
  const first = firstDay(env.db);
  const priorDays =
    first === null ? 0 : Math.max(0, Math.min(28, daysBetween(first < priorFrom ? priorFrom : first, from)));
  const inputs: SurgeInput[] = [...acc].map(([k, a]) => {
    const [category, community] = k.split('|') as [string, string];
    return {
      category,
      community,
      last7: a.last7,
      prior28: a.prior28,
      priorDays,
      lastYear7: a.ly7,
      lastYearPrior28: a.lyPrior28,
      hasLastYear,
    };
  });
  // A running playbook's threshold applies to its watch categories (at the first level, where the
  // rollup counts: watching 04.01 供暖 lowers the ratio for 04 公共服务).
  const watched = new Map<string, { category: string; ratio: number; playbook: string }>();
  for (const p of runningPlaybooks(env.db, to))
    for (const code of p.watch) {
      const category = code.slice(0, 2);
      const prev = watched.get(category);
      if (!prev || p.threshold < prev.ratio)
        watched.set(category, { category, ratio: p.threshold, playbook: p.name });
    }
  const ratioFor = (c: string) => Math.min(SURGE_RATIO, watched.get(c)?.ratio ?? SURGE_RATIO);
  return {
    from,
    to,
    ratio: SURGE_RATIO,
    minExcess: SURGE_MIN_EXCESS,
    watched: [...watched.values()],
    rows: surges(inputs, ratioFor),
  };
};

export const analysisForecast: Handler<'analysis.forecast'> = (input, _call, env) => {
  const start = input.from ?? chinaDate(env.now());
  const last = addDays(start, -1);
  // Enough history for every backtest origin: 26 weekly origins, the 30-day horizon, 4 weeks.
  const first = addDays(last, -(7 * BACKTEST_ORIGINS + 30 + 7 * FORECAST_WEEKS + 7));
  const byCat = new Map<string, Map<string, number>>([['', new Map()]]);
  for (const r of dailyByCategory(env.db, first, last)) {
    const m = byCat.get(r.category) ?? new Map<string, number>();
    m.set(r.day, (m.get(r.day) ?? 0) + r.n);
    byCat.set(r.category, m);
    const all = byCat.get('') as Map<string, number>;
    all.set(r.day, (all.get(r.day) ?? 0) + r.n);
  }
  const t0 = performance.now();
  const rows = [...byCat]
    .map(([category, daily]) => {
      const series = seriesOf(daily, first, last);
      // Leading days before the store's first order are not history.
      const firstNonZero = series.findIndex((n) => n > 0);
      const hist = firstNonZero < 0 ? [] : series.slice(firstNonZero);
      const f30 = weekdayMeanForecast(hist, 30);
      const round = (x: number) => Math.round(x * 10) / 10;
      return {
        category,
        daily7: f30.slice(0, 7).map(round),
        next7: round(f30.slice(0, 7).reduce((a, b) => a + b, 0)),
        next30: round(f30.reduce((a, b) => a + b, 0)),
        backtest7: backtest(hist, 7),
        backtest30: backtest(hist, 30),
        size: hist.reduce((a, b) => a + b, 0),
      };
    })
    .sort((a, b) => (a.category === '' ? -1 : b.category === '' ? 1 : b.size - a.size))
    .map(({ size: _size, ...r }) => r);
  const historyDays = (() => {
    const all = seriesOf(byCat.get('') as Map<string, number>, first, last);
    const i = all.findIndex((n) => n > 0);
    return i < 0 ? 0 : all.length - i;
  })();
  return { from: start, historyDays, rows, backtestMs: Math.round((performance.now() - t0) * 10) / 10 };
};
