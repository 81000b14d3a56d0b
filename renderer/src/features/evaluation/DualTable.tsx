/**
 * 吹哨报到 双考核 on 评估反馈: per unit summoned (or owning a 会商纪要 task) in the month, its
 * 报到 on time / late / missed, tasks done on time and overdue, the 双考核分, and the 考核得分 it
 * gives the unit (综合分 × (1 − w) + 双考核分 × w) with the rank that score gives.
 */
import { useTranslation } from 'react-i18next';
import type { EvaluationDual } from '../../../../shared/contract/index';
import { percent } from '../../platform/format/time';

const pts = (v: number | null) => (v === null ? '—' : (v * 100).toFixed(1));

export function DualTable({ data }: { readonly data: EvaluationDual }) {
  const { t } = useTranslation();
  const w = Math.round(data.weight * 100);
  return (
    <div className="eval-dual" data-testid="eval-dual">
      <p className="muted eval-hint" data-testid="eval-dual-rule">
        {t('evaluation.dual.rule', { w, rest: 100 - w })}
      </p>
      {data.rows.length === 0 ? (
        <p className="muted">{t('evaluation.dual.none')}</p>
      ) : (
        <div className="eval-scroll">
          <table className="data-table eval-dual-table">
            <thead>
              <tr>
                <th>{t('evaluation.dual.unit')}</th>
                <th className="num">{t('evaluation.dual.summoned')}</th>
                <th className="num">{t('evaluation.dual.reports')}</th>
                <th className="num">{t('evaluation.dual.onTimeRate')}</th>
                <th className="num">{t('evaluation.dual.tasks')}</th>
                <th className="num">{t('evaluation.dual.taskRate')}</th>
                <th className="num">{t('evaluation.dual.dual')}</th>
                <th className="num">{t('evaluation.dual.composite')}</th>
                <th className="num">{t('evaluation.dual.assessed')}</th>
                <th className="num">{t('evaluation.dual.rank')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => {
                const move = r.rank !== null && r.assessedRank !== null ? r.rank - r.assessedRank : null;
                return (
                  <tr key={r.unitId} data-testid="eval-dual-row" data-unit={r.unitId}>
                    <td className="name" title={r.unitName}>
                      {r.unitName}
                    </td>
                    <td className="num">{r.summoned}</td>
                    <td className="num nowrap">
                      {r.reportedOnTime} / {r.reportedLate} /{' '}
                      <span className={r.missed > 0 ? 'neg' : undefined}>{r.missed}</span>
                    </td>
                    <td className="num">{percent(r.onTimeRate) ?? '—'}</td>
                    <td className="num">
                      {r.tasks === 0
                        ? '—'
                        : t('evaluation.dual.taskCount', { done: r.tasksDoneOnTime, n: r.tasks })}
                      {r.tasksOverdue > 0 && (
                        <span className="neg"> {t('evaluation.dual.overdue', { n: r.tasksOverdue })}</span>
                      )}
                    </td>
                    <td className="num">{percent(r.taskRate) ?? '—'}</td>
                    <td className="num composite">{pts(r.dual)}</td>
                    <td className="num">{pts(r.composite)}</td>
                    <td className="num composite" data-testid="eval-dual-assessed">
                      {pts(r.assessed)}
                    </td>
                    <td className="num">
                      {r.assessedRank ?? '—'}
                      {move !== null && move !== 0 && (
                        <span className={move > 0 ? 'pos' : 'neg'}>
                          {' '}
                          {move > 0 ? `▲${move}` : `▼${-move}`}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
