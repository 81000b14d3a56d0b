/** The header's 答复模板 entry (admins only) and its dialog, loaded on first use. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';

const TemplatesDialog = lazy(() => import('./TemplatesDialog'));

export function TemplatesButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  if (auth?.user.role !== 'admin') return null;
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="templates-open"
        aria-haspopup="dialog"
        title={t('templates.openHint')}
        onClick={() => setOpen(true)}
      >
        {t('templates.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <TemplatesDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
