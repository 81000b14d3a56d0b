import { useTranslation } from 'react-i18next';
import type { MonthStats } from '../../../../shared/contract/index';
import { formatCount } from '../../platform/format/numbers';
import { percent } from '../../platform/format/time';

export function MonthCounters({ stats }: { stats: MonthStats }) {
  const { t } = useTranslation();
  const items: [string, number, string?][] = [
    ['received', stats.received],
    ['open', stats.open],
    ['closed', stats.closed],
    ['overdue', stats.overdue, 'danger'],
  ];
  return (
    <div className="counters" data-testid="month-counters">
      {items.map(([k, v, cls]) => (
        <div
          key={k}
          className={`counter${cls ? ` ${cls}` : ''}`}
          data-testid={`counter-${k}`}
          // 超期 is a stock counted now, the same figure the wall shows: say so where it is shown.
          title={k === 'overdue' ? t('definitions.overdue') : undefined}
        >
          <div className="label">{t(`stats.${k}`)}</div>
          <div className="value">{formatCount(v)}</div>
        </div>
      ))}
    </div>
  );
}

export function ThreeRateCards({
  stats,
  withComposite = false,
}: {
  stats: MonthStats;
  withComposite?: boolean;
}) {
  const { t } = useTranslation();
  const r = stats.rates;
  const items: [string, number | null][] = [
    ['response', r.response],
    ['resolution', r.resolution],
    ['satisfaction', r.satisfaction],
  ];
  if (withComposite) items.push(['composite', r.composite]);
  return (
    <div className="counters" data-testid="three-rates">
      {items.map(([k, v]) => (
        <div key={k} className="counter rate">
          <div className="label">{t(`stats.${k}`)}</div>
          <div className="value">
            {k === 'composite'
              ? v === null
                ? t('stats.noRate')
                : (v * 100).toFixed(1)
              : (percent(v) ?? t('stats.noRate'))}
          </div>
        </div>
      ))}
    </div>
  );
}
