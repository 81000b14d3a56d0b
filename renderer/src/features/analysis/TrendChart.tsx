/** 受理量趋势: this period with last year and last month; a click drills down to that bucket's orders. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisTrend } from '../../../../shared/contract/index';
import { useEChart, type EChartClick, type EChartOption } from '../../platform/charts/use-echart';
import type { DeskDrill } from '../dispatch';
import { COLORS, fontPx } from './chart-style';

export function TrendChart({
  trend,
  onDrill,
}: {
  trend: AnalysisTrend;
  onDrill?: (d: Omit<DeskDrill, 'seq'>) => void;
}) {
  const { t, i18n } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const fs = fontPx();
    const line = (name: string, data: number[], color: string, dashed: boolean) => ({
      name,
      type: 'line',
      data,
      smooth: false,
      symbolSize: fs * 0.6,
      lineStyle: { color, width: dashed ? 1.5 : 3, type: dashed ? 'dashed' : 'solid' },
      itemStyle: { color },
    });
    return {
      backgroundColor: 'transparent',
      textStyle: { fontSize: fs },
      grid: { left: fs * 3, right: fs, top: fs * 2.5, bottom: fs * 2.2 },
      legend: {
        top: 0,
        textStyle: { fontSize: fs, color: COLORS.text },
        itemWidth: fs * 1.5,
        itemHeight: fs * 0.7,
      },
      tooltip: { trigger: 'axis', textStyle: { fontSize: fs } },
      xAxis: {
        type: 'category',
        data: trend.buckets.map((b) => (trend.grain === 'month' ? b.key : b.key.slice(5))),
        axisLabel: { fontSize: fs },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fs } },
      series: [
        line(
          t('analysis.trend.current'),
          trend.buckets.map((b) => b.n),
          COLORS.current,
          false,
        ),
        line(
          t('analysis.trend.lastYear'),
          trend.buckets.map((b) => b.lastYear),
          COLORS.lastYear,
          true,
        ),
        line(
          t('analysis.trend.lastMonth'),
          trend.buckets.map((b) => b.lastMonth),
          COLORS.lastMonth,
          true,
        ),
      ],
    };
    // i18n.language: series names change with the language.
  }, [trend, t, i18n.language]);

  const onClick = useCallback(
    (e: EChartClick) => {
      const b = trend.buckets[e.dataIndex];
      if (!b || !onDrill) return;
      const [from, to] =
        e.seriesIndex === 1
          ? [b.lastYearFrom, b.lastYearTo]
          : e.seriesIndex === 2
            ? [b.lastMonthFrom, b.lastMonthTo]
            : [b.from, b.to];
      onDrill({
        label: t('analysis.trend.drill', { from, to }),
        from,
        to,
        ...(trend.category ? { category: trend.category } : {}),
        ...(trend.community ? { community: trend.community } : {}),
      });
    },
    [trend, onDrill, t],
  );
  const ref = useEChart(option, onClick);
  const sum = (k: 'n' | 'lastYear' | 'lastMonth') => trend.buckets.reduce((s, b) => s + b[k], 0);
  return (
    <div className="chart-box an-trend">
      <h3>{t('analysis.trend.title')}</h3>
      <p className="an-sub" data-testid="trend-total">
        {t('analysis.trend.total', { n: sum('n'), ly: sum('lastYear'), lm: sum('lastMonth') })}
      </p>
      <div
        className="chart"
        ref={ref}
        data-testid="trend-chart"
        data-points={trend.buckets.length}
        data-total={sum('n')}
      />
    </div>
  );
}
