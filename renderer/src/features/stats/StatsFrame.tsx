import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthStats } from '../../../../shared/contract/index';
import { errorText } from '../../platform/api/error-text';
import { useMonthStats } from './use-month-stats';
import './stats.css';

/** Loading / error / content frame shared by the three stats panels, with the later-release note. */
export function StatsFrame({ testId, children }: { testId: string; children: (s: MonthStats) => ReactNode }) {
  const { t } = useTranslation();
  const s = useMonthStats();
  return (
    <section className="stats-panel" data-testid={testId}>
      <h2>{t('stats.monthTitle', { month: s.month })}</h2>
      {s.error && !s.data && (
        <div className="error-box">
          {t('app.errorPrefix')}
          {errorText(s.error, t)}{' '}
          <button type="button" className="btn" onClick={s.refetch}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {!s.data && !s.error && <div className="state-box">{t('app.loading')}</div>}
      {s.data && children(s.data)}
      <p className="later-note">{t('app.laterRelease')}</p>
    </section>
  );
}
