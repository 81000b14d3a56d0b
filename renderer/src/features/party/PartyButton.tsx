/** The header's 党群 entry (every signed-in user, not on a wall): opens the party dialog (lazily loaded). */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';

const PartyDialog = lazy(() => import('./PartyDialog'));

export function PartyButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  if (!auth) return null;
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="party-open"
        aria-haspopup="dialog"
        title={t('party.openHint')}
        onClick={() => setOpen(true)}
      >
        {t('party.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <PartyDialog role={auth.user.role} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
