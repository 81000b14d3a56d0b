/** 评估反馈: the month's three rates, composite score and valid call-backs. */
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../platform/format/numbers';
import { StatsFrame, ThreeRateCards } from '../stats';

export function EvaluationPanel() {
  const { t } = useTranslation();
  return (
    <StatsFrame testId="panel-evaluation">
      {(s) => (
        <>
          <ThreeRateCards stats={s} withComposite />
          <p className="muted">{t('stats.valid', { n: formatCount(s.rates.valid) })}</p>
        </>
      )}
    </StatsFrame>
  );
}
