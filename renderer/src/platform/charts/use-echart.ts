/**
 * The one React hook that owns an ECharts instance: init on mount, resize with its box,
 * dispose on unmount. Charts only draw data computed elsewhere (store / shared).
 * Imports are tree-shaken from 'echarts/core'; register only what the app uses.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  PieChart,
  LineChart,
  ScatterChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

/** What a click on a mark reports (a drill-down reads `seriesIndex` and `dataIndex`). */
export interface EChartClick {
  readonly seriesIndex: number;
  readonly dataIndex: number;
}

/**
 * The element a chart draws in carries its instance as `hallChart`, so an e2e test can find the
 * pixel of a mark (convertToPixel) and click it like a person.
 */
export type ChartElement = HTMLDivElement & { hallChart?: echarts.ECharts };

export function useEChart(option: EChartOption | null, onClick?: (e: EChartClick) => void) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  });

  useEffect(() => {
    const el = ref.current as ChartElement | null;
    if (!el) return;
    const chart = echarts.init(el, 'dark', { renderer: 'canvas' });
    chartRef.current = chart;
    el.hallChart = chart;
    chart.on('click', (p) => {
      const e = p as { seriesIndex?: number; dataIndex?: number };
      if (e.seriesIndex !== undefined && e.dataIndex !== undefined)
        clickRef.current?.({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex });
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      delete el.hallChart;
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (option && chartRef.current) chartRef.current.setOption(option, { notMerge: true });
  }, [option]);

  return ref;
}
