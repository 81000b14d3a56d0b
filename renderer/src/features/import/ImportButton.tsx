/** The header's 导入台账 entry (commander and admin), and its dialog loaded on first use. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';

const ImportDialog = lazy(() => import('./ImportDialog'));

export function ImportButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  const role = auth?.user.role;
  if (role !== 'commander' && role !== 'admin') return null;
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="import-open"
        aria-haspopup="dialog"
        title={t('ledgerImport.openHint')}
        onClick={() => setOpen(true)}
      >
        {t('ledgerImport.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
