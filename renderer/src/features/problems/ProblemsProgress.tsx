/**
 * 每月一题 progress for the 点评会 report and meeting mode: the topics of the month (and any still
 * open), with progress, milestones done and the before/after figures.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { Figures } from './ProblemDetail';
import { Progress } from './Progress';
import './problems.css';

export function ProblemsProgress({ month, bare = false }: { month: string; bare?: boolean }) {
  const { t } = useTranslation();
  const q = useQuery('problems.list', {});
  const list = (q.data?.problems ?? []).filter((p) => p.month === month || p.status === 'open');
  return (
    <section className="pb-report" data-testid="problems-progress">
      {!bare && <h2>{t('problems.progressBox.title')}</h2>}
      {q.data && list.length === 0 && <p className="an-sub">{t('problems.progressBox.none')}</p>}
      {list.map((p) => (
        <div key={p.id} className="pb-report-item">
          <strong>{p.title}</strong>
          <span className="an-sub">
            {' '}
            {p.month} · {t(`problems.bank.${p.status}`)} · {p.milestones.filter((m) => m.done).length}/
            {p.milestones.length} {t('problems.bank.milestones')}
          </span>
          <Progress value={p.progress} />
          <Figures f={p.figures} has={p.hasCluster} />
        </div>
      ))}
    </section>
  );
}
