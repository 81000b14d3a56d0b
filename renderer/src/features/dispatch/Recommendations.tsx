/**
 * 推荐派单: the top candidate units for an order that waits for a unit (待派单, or 退单审核中 where
 * it may need a new one), as orders.recommend ranks them. Display only: dispatching is a later
 * issue. Reasons are the core's short Chinese phrases (domain data, like unit names).
 */
import type { UnitRecommendation } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import type { Translate } from './event-summary';

const FACTORS = ['responsibility', 'grid', 'distance', 'load', 'skills'] as const;

export function Recommendations({ orderId, t }: { orderId: string; t: Translate }) {
  const q = useQuery('orders.recommend', { orderId, limit: 5 });
  return (
    <section className="recommend" aria-label={t('recommend.title')} data-testid="recommendations">
      <h3>{t('recommend.title')}</h3>
      <p className="muted recommend-hint">{t('recommend.hint')}</p>
      {q.error && !q.data && (
        <div className="error-box" data-testid="recommend-error">
          {t('app.errorPrefix')}
          {errorText(q.error, t)}
        </div>
      )}
      {!q.data && !q.error && <div className="state-box">{t('app.loading')}</div>}
      {q.data && q.data.candidates.length === 0 && (
        <p className="muted" data-testid="recommend-empty">
          {t('recommend.empty')}
        </p>
      )}
      {q.data && q.data.candidates.length > 0 && (
        <ol className="recommend-list">
          {q.data.candidates.map((c) => (
            <Candidate key={c.unitId} c={c} t={t} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Candidate({ c, t }: { c: UnitRecommendation; t: Translate }) {
  const breakdown = FACTORS.map((f) => `${t(`recommend.factor.${f}`)} ${c.factors[f].toFixed(2)}`).join(
    ' · ',
  );
  return (
    <li data-testid="recommendation" data-unit-id={c.unitId} title={breakdown}>
      <div className="rec-head">
        <span className="rec-name">{c.name}</span>
        <span className="rec-kind">{t(`recommend.unitKind.${c.kind}`)}</span>
        <span className="rec-score">{t('recommend.score', { score: Math.round(c.score * 100) })}</span>
      </div>
      <div className="rec-reasons">{c.reasons.join(' · ')}</div>
    </li>
  );
}
