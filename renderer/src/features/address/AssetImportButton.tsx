/** The header's 部件导入 entry (admins only) and its dialog, loaded on first use. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';

const AssetImportDialog = lazy(() => import('./AssetImportDialog'));

export function AssetImportButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  if (auth?.user.role !== 'admin') return null;
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="asset-import-open"
        aria-haspopup="dialog"
        title={t('address.assetImport.openHint')}
        onClick={() => setOpen(true)}
      >
        {t('address.assetImport.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <AssetImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
