/** 本月三率 against their targets: big numbers for reading from afar, bars with a target marker. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwarenessToday } from '../../../../shared/features/awareness/contract';
import { useEChart, type EChartOption } from '../../platform/charts/use-echart';
import { remPx } from '../../platform/format/use-now';
import { pct, rateDelta } from './awareness-format';

const KEYS = ['response', 'resolution', 'satisfaction'] as const;

export function RatesPanel({ today }: { today: AwarenessToday }) {
  const { t } = useTranslation();
  const rem = remPx();
  const option = useMemo((): EChartOption => {
    const names = KEYS.map((k) => t(`stats.${k}`));
    const actual = KEYS.map((k) => pct(today.rates[k]) ?? 0);
    const target = KEYS.map((k) => pct(today.targets[k]) ?? 0);
    return {
      backgroundColor: 'transparent',
      animation: false,
      grid: { left: rem * 5, right: rem * 3.5, top: rem * 0.5, bottom: rem * 1.6 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: '#9fb0c8', fontSize: rem * 0.8, formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#2a3d5c' } },
      },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisLabel: { color: '#e6edf7', fontSize: rem * 0.95 },
      },
      series: [
        {
          name: t('awareness.rates.actual'),
          type: 'bar',
          barWidth: '45%',
          data: actual.map((v, i) => ({
            value: v,
            itemStyle: { color: v >= (target[i] ?? 0) ? '#3ecf8e' : '#f5a623' },
          })),
          label: { show: true, position: 'right', color: '#e6edf7', fontSize: rem * 0.85, formatter: '{c}%' },
          z: 2,
        },
        {
          // The target as an outlined bar behind the actual one: the gap is the shortfall.
          name: t('awareness.rates.target'),
          type: 'bar',
          barWidth: '45%',
          barGap: '-100%',
          data: target,
          itemStyle: { color: 'transparent', borderColor: '#66b8ff', borderWidth: 2, borderType: 'dashed' },
          z: 1,
        },
      ],
    };
  }, [today, t, rem]);
  const ref = useEChart(option);
  return (
    <section className="aw-box aw-rates" data-testid="aw-rates" aria-labelledby="aw-rates-title">
      <h3 id="aw-rates-title">
        {t('awareness.rates.title')} <span className="muted">{today.month}</span>
      </h3>
      <div className="rate-rows">
        {KEYS.map((k) => {
          const v = pct(today.rates[k]);
          const target = pct(today.targets[k]) ?? 0;
          const d = rateDelta(today.rates[k], today.previousRates[k]);
          const below = v !== null && v < target;
          return (
            <div key={k} className="rate-row" data-testid={`rate-${k}`}>
              <div className="rate-label">{t(`stats.${k}`)}</div>
              <div className={`rate-value${below ? ' below' : ''}`}>
                {v === null ? '—' : `${v.toFixed(1)}%`}
              </div>
              <div className="rate-meta">
                {t('awareness.rates.target')} {target}%
                {d.dir !== null && (
                  <span className="rate-delta" data-dir={d.dir}>
                    {' · '}
                    {t('awareness.rates.vsLastMonth')} {d.text}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {today.rates.valid === 0 && <p className="muted">{t('awareness.rates.noData')}</p>}
      <div className="aw-rates-chart" ref={ref} role="img" aria-label={t('awareness.rates.title')} />
    </section>
  );
}
