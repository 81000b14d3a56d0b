/**
 * 热点分布: order density per place cell (about 50 m) and repeat points — the same place and
 * category N times in the window — on longitude/latitude axes. A click asks the core for that
 * cell's orders (analysis.spotOrders) and opens exactly them on the desk.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisHotspot } from '../../../../shared/contract/index';
import { ApiError, call } from '../../platform/api/client';
import { errorText } from '../../platform/api/error-text';
import { useEChart, type EChartClick, type EChartOption } from '../../platform/charts/use-echart';
import type { DeskDrill } from '../dispatch';
import { useReference } from '../reference';
import { COLORS, fontPx } from './chart-style';

export function HotspotChart({
  hot,
  days,
  onDrill,
}: {
  hot: AnalysisHotspot;
  days: number;
  onDrill?: (d: Omit<DeskDrill, 'seq'>) => void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  const [error, setError] = useState<string | null>(null);
  const max = useMemo(() => hot.cells.reduce((m, c) => Math.max(m, c.n), 1), [hot]);
  const option = useMemo<EChartOption>(() => {
    const fs = fontPx(0.8);
    const sq = Math.max(4, fs * 0.55);
    return {
      backgroundColor: 'transparent',
      textStyle: { fontSize: fs },
      grid: { left: fs * 4.5, right: fs, top: fs * 2.2, bottom: fs * 2 },
      legend: {
        top: 0,
        data: [t('analysis.hotspot.density'), t('analysis.hotspot.repeat', { n: hot.minRepeat })],
        textStyle: { fontSize: fs, color: COLORS.text },
      },
      tooltip: { textStyle: { fontSize: fs } },
      xAxis: { type: 'value', scale: true, axisLabel: { fontSize: fs * 0.85 }, splitLine: { show: false } },
      yAxis: { type: 'value', scale: true, axisLabel: { fontSize: fs * 0.85 }, splitLine: { show: false } },
      visualMap: {
        show: false,
        seriesIndex: 0,
        dimension: 2,
        min: 1,
        max,
        inRange: { color: ['#1f5fa8', COLORS.current, '#ffd666', '#ff7a45'] },
      },
      series: [
        {
          name: t('analysis.hotspot.density'),
          type: 'scatter',
          symbol: 'rect',
          symbolSize: sq,
          data: hot.cells.map((c) => [c.lng, c.lat, c.n]),
          tooltip: { formatter: (p: { value: number[] }) => t('analysis.hotspot.tip', { n: p.value[2] }) },
        },
        {
          name: t('analysis.hotspot.repeat', { n: hot.minRepeat }),
          type: 'scatter',
          symbolSize: (v: number[]) => sq * 1.6 + Math.sqrt(v[2] ?? 0) * fs * 0.5,
          itemStyle: { color: 'rgba(255,77,79,0.35)', borderColor: COLORS.repeat, borderWidth: 2 },
          label: {
            show: true,
            formatter: (p: { value: number[] }) => String(p.value[2]),
            color: COLORS.text,
            fontSize: fs * 0.85,
          },
          data: hot.repeats.map((r) => [r.lng, r.lat, r.n]),
          tooltip: {
            formatter: (p: { dataIndex: number }) => {
              const r = hot.repeats[p.dataIndex];
              return r ? `${ref.categoryName(r.category)} · ${t('analysis.hotspot.tip', { n: r.n })}` : '';
            },
          },
          z: 3,
        },
      ],
    };
  }, [hot, max, ref, t, i18n.language]);

  const onClick = useCallback(
    (e: EChartClick) => {
      if (!onDrill) return;
      const r = e.seriesIndex === 1 ? hot.repeats[e.dataIndex] : undefined;
      const c = e.seriesIndex === 0 ? hot.cells[e.dataIndex] : r;
      if (!c) return;
      const label = r
        ? t('analysis.hotspot.repeatDrill', { category: ref.categoryName(r.category), n: r.n })
        : t('analysis.hotspot.cellDrill', { from: hot.from, to: hot.to });
      setError(null);
      call('analysis.spotOrders', {
        cx: c.cx,
        cy: c.cy,
        from: hot.from,
        to: hot.to,
        ...(r ? { category: r.category } : {}),
      }).then(
        (res) => {
          if (res.ids.length > 0) onDrill({ label, ids: res.ids });
        },
        (err: unknown) => setError(err instanceof ApiError ? errorText(err, t) : String(err)),
      );
    },
    [hot, onDrill, ref, t],
  );
  const chartRef = useEChart(option, onClick);
  return (
    <div className="chart-box an-hotspot">
      <h3>{t('analysis.hotspot.title', { days })}</h3>
      <p className="an-sub" data-testid="hotspot-rule">
        {hot.repeats.length > 0
          ? t('analysis.hotspot.rule', { n: hot.minRepeat, days, count: hot.repeats.length })
          : t('analysis.hotspot.none', { days })}
      </p>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <div
        className="chart"
        ref={chartRef}
        data-testid="hotspot-chart"
        data-points={hot.cells.length}
        data-repeats={hot.repeats.length}
      />
    </div>
  );
}
