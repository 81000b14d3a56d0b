/** The ranking table of one level: rank, movement against last month, the three rates and the composite. */
import { useTranslation } from 'react-i18next';
import type { EvalLevel, EvaluationScores, ScoreRow } from '../../../../shared/contract/index';
import { formatCount } from '../../platform/format/numbers';
import { percent } from '../../platform/format/time';
import { useReference } from '../reference';

export function useKeyName(level: EvalLevel): (key: string) => string {
  const ref = useReference();
  const { t } = useTranslation();
  return (key) => {
    if (!key) return t('evaluation.ranking.unassigned');
    if (level === 'unit') return ref.unitName(key);
    if (level === 'community') return ref.communityName(key);
    if (level === 'grid') return ref.gridName(key);
    return ref.person(key)?.name ?? key;
  };
}

function Move({ row }: { readonly row: ScoreRow }) {
  const { t } = useTranslation();
  if (row.rank === null) return null;
  if (row.prevRank === null) return <span className="move new">{t('evaluation.ranking.new')}</span>;
  const d = row.prevRank - row.rank;
  if (d > 0) return <span className="move up">▲ {t('evaluation.ranking.up', { n: d })}</span>;
  if (d < 0) return <span className="move down">▼ {t('evaluation.ranking.down', { n: -d })}</span>;
  return <span className="move same">{t('evaluation.ranking.same')}</span>;
}

export function Ranking({
  scores,
  onRow,
}: {
  readonly scores: EvaluationScores;
  readonly onRow?: ((row: ScoreRow) => void) | undefined;
}) {
  const { t } = useTranslation();
  const name = useKeyName(scores.level);
  const target = scores.settings.targets.composite;
  if (scores.rows.length === 0) return <p className="muted">{t('evaluation.ranking.none')}</p>;
  return (
    <div className="eval-scroll">
      <table className="data-table eval-ranking" data-testid="eval-ranking">
        <thead>
          <tr>
            <th>{t('evaluation.ranking.rank')}</th>
            <th>{t('evaluation.ranking.move')}</th>
            <th>{t('evaluation.ranking.name')}</th>
            <th className="num">{t('evaluation.ranking.valid')}</th>
            <th className="num">{t('evaluation.ranking.response')}</th>
            <th className="num">{t('evaluation.ranking.resolution')}</th>
            <th className="num">{t('evaluation.ranking.satisfaction')}</th>
            <th className="num">{t('evaluation.ranking.composite')}</th>
            <th className="num">{t('evaluation.ranking.vsLast')}</th>
          </tr>
        </thead>
        <tbody>
          {scores.rows.map((r) => {
            const c = r.rates.composite;
            const below = c !== null && c < target;
            const delta = c !== null && r.prevComposite !== null ? (c - r.prevComposite) * 100 : null;
            return (
              <tr
                key={r.key}
                data-testid="eval-row"
                data-key={r.key}
                className={onRow ? 'clickable' : undefined}
                tabIndex={onRow ? 0 : undefined}
                onClick={onRow ? () => onRow(r) : undefined}
                onKeyDown={onRow ? (e) => e.key === 'Enter' && onRow(r) : undefined}
              >
                <td className="rank">{r.rank ?? '—'}</td>
                <td>
                  <Move row={r} />
                </td>
                <td className="name">{name(r.key)}</td>
                <td className="num">{formatCount(r.counts.valid)}</td>
                <td className="num">{percent(r.rates.response) ?? '—'}</td>
                <td className="num">{percent(r.rates.resolution) ?? '—'}</td>
                <td className="num">{percent(r.rates.satisfaction) ?? '—'}</td>
                <td
                  className={`num composite${below ? ' below' : ''}`}
                  title={below ? t('evaluation.ranking.belowTarget') : undefined}
                >
                  {c === null ? '—' : (c * 100).toFixed(1)}
                </td>
                <td className={`num ${delta === null ? '' : delta >= 0 ? 'pos' : 'neg'}`}>
                  {delta === null ? '—' : `${delta >= 0 ? '+' : ''}${delta.toFixed(1)}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
