/** 类别 × 社区 热力 over the chosen month(s) of the cube; a cell drills down to its orders. */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisCube } from '../../../../shared/contract/index';
import { useEChart, type EChartClick, type EChartOption } from '../../platform/charts/use-echart';
import type { DeskDrill } from '../dispatch';
import { useReference } from '../reference';
import { COLORS, fontPx } from './chart-style';
import { monthsDates } from './ranges';

/** Communities shown as columns (the largest; the rest are in the Pareto). */
const MAX_COMMUNITIES = 16;

export function CubeHeat({
  cube,
  onDrill,
}: {
  cube: AnalysisCube;
  onDrill?: (d: Omit<DeskDrill, 'seq'>) => void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  const [month, setMonth] = useState('');
  const shown = month && cube.months.includes(month) ? month : '';
  const { cats, comms, data, max } = useMemo(() => {
    const cats = cube.pareto.map((p) => p.category).reverse(); // largest at the top
    // Orders outside every community cannot be filtered on the desk: they stay in the Pareto only.
    const comms = cube.communities
      .filter((c) => c.community !== '')
      .slice(0, MAX_COMMUNITIES)
      .map((c) => c.community);
    const ci = new Map(cats.map((c, i) => [c, i]));
    const mi = new Map(comms.map((c, i) => [c, i]));
    const sums = new Map<string, number>();
    for (const c of cube.cells) {
      if (shown && c.month !== shown) continue;
      if (!ci.has(c.category) || !mi.has(c.community)) continue;
      const k = `${c.category}|${c.community}`;
      sums.set(k, (sums.get(k) ?? 0) + c.n);
    }
    const data: Array<[number, number, number]> = [];
    let max = 1;
    for (const [k, n] of sums) {
      const [cat, comm] = k.split('|') as [string, string];
      data.push([mi.get(comm) ?? 0, ci.get(cat) ?? 0, n]);
      max = Math.max(max, n);
    }
    return { cats, comms, data, max };
  }, [cube, shown]);

  const option = useMemo<EChartOption>(() => {
    const fs = fontPx(0.8);
    const commName = (c: string) => (c ? ref.communityName(c) : t('analysis.noCommunity'));
    return {
      backgroundColor: 'transparent',
      textStyle: { fontSize: fs },
      grid: { left: fs * 6, right: fs, top: fs, bottom: fs * 5 },
      tooltip: { position: 'top', textStyle: { fontSize: fs } },
      xAxis: {
        type: 'category',
        data: comms.map(commName),
        axisLabel: { fontSize: fs, interval: 0, rotate: 35 },
      },
      yAxis: { type: 'category', data: cats.map((c) => ref.categoryName(c)), axisLabel: { fontSize: fs } },
      visualMap: {
        show: false,
        min: 0,
        max,
        inRange: { color: ['#14263d', '#1f5fa8', COLORS.current, '#ffd666', '#ff7a45'] },
      },
      series: [{ type: 'heatmap', data, label: { show: true, fontSize: fs * 0.9, color: COLORS.text } }],
    };
  }, [cats, comms, data, max, ref, t, i18n.language]);

  const onClick = useCallback(
    (e: EChartClick) => {
      const cell = data[e.dataIndex];
      if (!cell || !onDrill) return;
      const community = comms[cell[0]] ?? '';
      const category = cats[cell[1]] ?? '';
      const d = shown ? monthsDates(shown, shown) : monthsDates(cube.from, cube.to);
      onDrill({
        label: t('analysis.cube.drill', {
          category: ref.categoryName(category),
          community: community ? ref.communityName(community) : t('analysis.noCommunity'),
          ...d,
        }),
        category,
        ...(community ? { community } : {}),
        ...d,
      });
    },
    [data, comms, cats, shown, cube, onDrill, ref, t],
  );
  const chartRef = useEChart(option, onClick);
  return (
    <div className="chart-box an-cube">
      <div className="an-head">
        <h3>{t('analysis.cube.title')}</h3>
        <label>
          {t('analysis.months')}
          <select value={shown} onChange={(e) => setMonth(e.target.value)} data-testid="cube-month">
            <option value="">{t('analysis.allMonths')}</option>
            {cube.months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="chart" ref={chartRef} data-testid="cube-chart" data-points={data.length} />
    </div>
  );
}
