/** 分析研判: this month's orders by status as a bar chart (data counted by the core). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthStats } from '../../../../shared/contract/index';
import { STATUSES } from '../../../../shared/features/orders/order';
import { useEChart, type EChartOption } from '../../platform/charts/use-echart';
import { remPx } from '../../platform/format/use-now';
import { MonthCounters, StatsFrame } from '../stats';
import './analysis.css';

export function AnalysisPanel() {
  return (
    <StatsFrame testId="panel-analysis">
      {(s) => (
        <>
          <MonthCounters stats={s} />
          <StatusChart stats={s} />
        </>
      )}
    </StatsFrame>
  );
}

function StatusChart({ stats }: { stats: MonthStats }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    // ECharts sizes are pixels: derive them from the root font size so 4K stays readable.
    const fs = Math.round(remPx() * 0.95);
    return {
      backgroundColor: 'transparent',
      textStyle: { fontSize: fs },
      grid: { left: fs * 3, right: fs * 1.5, top: fs * 1.5, bottom: fs * 2.5 },
      tooltip: { trigger: 'axis', textStyle: { fontSize: fs } },
      xAxis: {
        type: 'category',
        data: STATUSES.map((s) => t(`orderStatus.${s}`)),
        axisLabel: { fontSize: fs, interval: 0 },
      },
      yAxis: { type: 'value', axisLabel: { fontSize: fs }, minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: STATUSES.map((s) => stats.byStatus[s] ?? 0),
          itemStyle: { color: '#3da0ff' },
          barMaxWidth: fs * 4,
          label: { show: true, position: 'top', fontSize: fs, color: '#e6edf7' },
        },
      ],
    };
    // i18n.language: labels change with the language.
  }, [stats, t, i18n.language]);
  const ref = useEChart(option);
  return (
    <div className="chart-box">
      <h3>{t('stats.byStatus')}</h3>
      <div className="chart" ref={ref} data-testid="status-chart" />
    </div>
  );
}
