/**
 * The header's 审计日志 entry (admins only), and its dialog loaded on first use. When the start-up
 * check (or the last 立即校验) found the hash chain broken, the button says so in red.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { useQuery } from '../../platform/api/use-query';

const AuditDialog = lazy(() => import('./AuditDialog'));

function AdminAuditButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const status = useQuery('audit.status', {});
  const broken = status.data?.check?.ok === false;
  return (
    <>
      <button
        type="button"
        className={broken ? 'btn btn-danger' : 'btn'}
        data-testid="audit-open"
        data-broken={broken ? '1' : '0'}
        aria-haspopup="dialog"
        title={broken ? t('audit.brokenHint') : t('audit.openHint')}
        onClick={() => setOpen(true)}
      >
        {broken ? t('audit.broken') : t('audit.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <AuditDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

export function AuditButton() {
  const auth = useAuth();
  if (auth?.user.role !== 'admin') return null;
  return <AdminAuditButton />;
}
