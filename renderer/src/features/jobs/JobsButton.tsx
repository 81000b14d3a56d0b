/**
 * The header's 导出任务 entry (every signed-in user, not on a wall): says how many run, opens the
 * jobs dialog. Every 导出 button opens the same dialog (jobs-open.ts).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { useQuery } from '../../platform/api/use-query';
import { setJobsOpen, useJobsOpen } from './jobs-open';

const JobsDialog = lazy(() => import('./JobsDialog'));

function SignedInJobsButton() {
  const { t } = useTranslation();
  const open = useJobsOpen();
  const jobs = useQuery('jobs.list', {});
  const running = jobs.data?.filter((j) => j.status === 'running' || j.status === 'queued').length ?? 0;
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="jobs-open"
        data-running={running}
        aria-haspopup="dialog"
        title={t('jobs.openHint')}
        onClick={() => setJobsOpen(true)}
      >
        {running > 0 ? t('jobs.openRunning', { n: running }) : t('jobs.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <JobsDialog onClose={() => setJobsOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

export function JobsButton() {
  const auth = useAuth();
  if (!auth) return null;
  return <SignedInJobsButton />;
}
