/**
 * 推荐派单: the top candidate units for an order that waits for a unit (待派单, or 退单审核中 where
 * it may need a new one), as orders.recommend ranks them. For 待派单 one click on a row is 派单 to
 * that unit (through the undo window); the 派单 button of the action bar adds 协办 units and a
 * note. Reasons are the core's short Chinese phrases (domain data, like unit names).
 */
import type { UnitRecommendation } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import type { Translate } from './event-summary';
import { DutyLine } from './UnitDutyNote';

const FACTORS = ['responsibility', 'grid', 'distance', 'load', 'skills'] as const;

interface Props {
  readonly orderId: string;
  readonly t: Translate;
  /** Dispatch to a unit by one click; absent: the list is for reading (not allowed now, or locked). */
  readonly onPick?: ((unitId: string) => void) | undefined;
  /** Why the rows cannot be clicked now, when they cannot. */
  readonly note?: string | undefined;
}

export function Recommendations({ orderId, t, onPick, note }: Props) {
  const q = useQuery('orders.recommend', { orderId, limit: 5 });
  return (
    <section className="recommend" aria-label={t('recommend.title')} data-testid="recommendations">
      <h3>{t('recommend.title')}</h3>
      <p className="muted recommend-hint">
        {t('recommend.hint')}
        {onPick ? ` · ${t('desk.recommend.pickHint')}` : note ? ` · ${note}` : ''}
      </p>
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
            <Candidate key={c.unitId} c={c} t={t} onPick={onPick} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Candidate({
  c,
  t,
  onPick,
}: {
  c: UnitRecommendation;
  t: Translate;
  onPick: ((unitId: string) => void) | undefined;
}) {
  const breakdown = FACTORS.map((f) => `${t(`recommend.factor.${f}`)} ${c.factors[f].toFixed(2)}`).join(
    ' · ',
  );
  const body = (
    <>
      <div className="rec-head">
        <span className="rec-name">{c.name}</span>
        <span className="rec-kind">{t(`recommend.unitKind.${c.kind}`)}</span>
        <span className="rec-score">{t('recommend.score', { score: Math.round(c.score * 100) })}</span>
      </div>
      <div className="rec-reasons">{c.reasons.join(' · ')}</div>
      <DutyLine duty={c.duty} t={t} />
    </>
  );
  return (
    <li data-testid="recommendation" data-unit-id={c.unitId} title={breakdown}>
      {onPick ? (
        <button
          type="button"
          className="rec-pick"
          data-testid="recommendation-pick"
          aria-label={t('desk.recommend.pick', { unit: c.name })}
          onClick={() => onPick(c.unitId)}
        >
          {body}
          <span className="rec-action">{t('desk.recommend.pickShort')}</span>
        </button>
      ) : (
        body
      )}
    </li>
  );
}
