/** 类别帕累托: orders per category, largest first, with the cumulative share; a bar drills down. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisCube } from '../../../../shared/contract/index';
import { useEChart, type EChartClick, type EChartOption } from '../../platform/charts/use-echart';
import type { DeskDrill } from '../dispatch';
import { useReference } from '../reference';
import { COLORS, fontPx } from './chart-style';
import { monthsDates } from './ranges';

export function ParetoChart({
  cube,
  community,
  onDrill,
}: {
  cube: AnalysisCube;
  community: string;
  onDrill?: (d: Omit<DeskDrill, 'seq'>) => void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  const vital = cube.pareto.filter((p) => p.vital).length;
  const option = useMemo<EChartOption>(() => {
    const fs = fontPx();
    return {
      backgroundColor: 'transparent',
      textStyle: { fontSize: fs },
      grid: { left: fs * 3, right: fs * 3, top: fs * 2, bottom: fs * 4.5 },
      tooltip: { trigger: 'axis', textStyle: { fontSize: fs } },
      xAxis: {
        type: 'category',
        data: cube.pareto.map((p) => ref.categoryName(p.category)),
        axisLabel: { fontSize: fs, interval: 0, rotate: cube.pareto.length > 6 ? 30 : 0 },
      },
      yAxis: [
        {
          type: 'value',
          name: t('analysis.pareto.count'),
          minInterval: 1,
          axisLabel: { fontSize: fs },
          nameTextStyle: { fontSize: fs },
        },
        {
          type: 'value',
          name: t('analysis.pareto.cum'),
          min: 0,
          max: 100,
          axisLabel: { fontSize: fs, formatter: '{value}%' },
          nameTextStyle: { fontSize: fs },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: t('analysis.pareto.count'),
          type: 'bar',
          data: cube.pareto.map((p) => ({
            value: p.n,
            itemStyle: { color: p.vital ? COLORS.vital : COLORS.trivial },
          })),
          barMaxWidth: fs * 3,
        },
        {
          name: t('analysis.pareto.cum'),
          type: 'line',
          yAxisIndex: 1,
          data: cube.pareto.map((p) => Math.round(p.cumShare * 1000) / 10),
          itemStyle: { color: COLORS.cum },
          lineStyle: { color: COLORS.cum, width: 2 },
          symbolSize: fs * 0.6,
        },
      ],
    };
  }, [cube, ref, t, i18n.language]);

  const onClick = useCallback(
    (e: EChartClick) => {
      const p = cube.pareto[e.dataIndex];
      if (!p || !onDrill) return;
      const d = monthsDates(cube.from, cube.to);
      onDrill({
        label: t('analysis.pareto.drill', { category: ref.categoryName(p.category), ...d }),
        category: p.category,
        ...d,
        ...(community ? { community } : {}),
      });
    },
    [cube, community, onDrill, ref, t],
  );
  const chartRef = useEChart(option, onClick);
  return (
    <div className="chart-box an-pareto">
      <h3>{t('analysis.pareto.title', { from: cube.from, to: cube.to })}</h3>
      <p className="an-sub">
        {cube.pareto.length > 0 ? t('analysis.pareto.vital', { n: vital }) : t('analysis.empty')}
      </p>
      <div
        className="chart"
        ref={chartRef}
        data-testid="pareto-chart"
        data-points={cube.pareto.length}
        data-categories={cube.pareto.map((p) => p.category).join(',')}
      />
    </div>
  );
}
