/**
 * The header's 导入台账 entry (commander and admin), and its dialog loaded on first use. While an
 * import runs in the background (the dialog closed) it shows the percentage; once it has ended
 * unseen, that it has — a click opens the dialog on it.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { percentDone, useImportJob } from './import-job';

const ImportDialog = lazy(() => import('./ImportDialog'));

export function ImportButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const job = useImportJob();
  const [open, setOpen] = useState(false);
  const role = auth?.user.role;
  if (role !== 'commander' && role !== 'admin') return null;
  const label =
    job?.kind === 'running'
      ? t('ledgerImport.openRunning', { pct: percentDone(job) })
      : job
        ? t('ledgerImport.openDone')
        : t('ledgerImport.open');
  return (
    <>
      <button
        type="button"
        className={`btn${job && job.kind !== 'running' ? ' primary' : ''}`}
        data-testid="import-open"
        data-import={job?.kind ?? 'none'}
        aria-haspopup="dialog"
        title={t('ledgerImport.openHint')}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
