/** The running import's progress bar, its rows and, once there is a rate to go by, the time left. */
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../platform/format/numbers';
import { percentDone, type RunningImport } from './import-job';

export function ImportProgress({ job }: { readonly job: RunningImport }) {
  const { t } = useTranslation();
  const pct = percentDone(job);
  // Whole seconds under a minute, else minutes and seconds: 约 2 分 10 秒后完成.
  const s = job.msLeft === null ? null : Math.max(1, Math.round(job.msLeft / 1000));
  const left =
    s === null
      ? null
      : s < 60
        ? t('ledgerImport.seconds', { s })
        : t('ledgerImport.minutes', { m: Math.floor(s / 60), s: s % 60 });
  return (
    <div className="import-progress" role="status" data-testid="import-progress" data-done={job.done}>
      <progress max={100} value={pct} aria-label={t('ledgerImport.progressLabel')} />
      <span>
        {t('ledgerImport.running', { done: formatCount(job.done), total: formatCount(job.total) })}
        {left !== null && ` · ${t('ledgerImport.timeLeft', { left })}`}
      </span>
    </div>
  );
}
