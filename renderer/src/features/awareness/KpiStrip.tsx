/** The wall's header strip: today's six counters, each with its change against yesterday. */
import { useTranslation } from 'react-i18next';
import type { AwarenessToday, DayFigure } from '../../../../shared/features/awareness/contract';
import { formatCount } from '../../platform/format/numbers';
import { countDelta } from './awareness-format';

/** Flows count today so far against yesterday up to this time; stocks now against yesterday at this time. */
const ITEMS: ReadonlyArray<readonly [keyof AwarenessToday & string, string, 'flow' | 'stock']> = [
  ['received', '', 'flow'],
  ['dispatched', '', 'flow'],
  ['inProgress', '', 'stock'],
  ['finished', 'ok', 'flow'],
  ['overdue', 'danger', 'stock'],
  ['warning', 'warn', 'stock'],
];

export function KpiStrip({ today }: { today: AwarenessToday }) {
  const { t } = useTranslation();
  return (
    <div className="kpi-strip" data-testid="kpi-strip">
      {ITEMS.map(([key, tone, kind]) => {
        const f = today[key] as DayFigure;
        const d = countDelta(f.today, f.yesterday);
        return (
          <div
            key={key}
            className={`kpi${tone ? ` kpi-${tone}` : ''}`}
            data-testid={`kpi-${key}`}
            // 超期 is one definition on every screen; it is said where the figure is shown.
            title={key === 'overdue' ? t('definitions.overdue') : undefined}
          >
            <div className="kpi-label">{t(`awareness.kpi.${key}`)}</div>
            <div className="kpi-value" data-testid={`kpi-${key}-value`}>
              {formatCount(f.today)}
            </div>
            <div className="kpi-delta" data-dir={d.dir ?? 'none'}>
              {d.dir === null ? (
                t('awareness.kpi.now')
              ) : (
                <>
                  {t(kind === 'flow' ? 'awareness.kpi.vsYesterday' : 'awareness.kpi.vsYesterdayNow')}{' '}
                  <b>
                    {d.dir === 'up' ? '▲' : d.dir === 'down' ? '▼' : '＝'}{' '}
                    {d.dir === 'same' ? t('awareness.kpi.same') : d.text}
                  </b>
                </>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
