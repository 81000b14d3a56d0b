import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsDialog } from '../accounts/AccountsDialog';
import { useQuery } from '../api/use-query';
import { useAuth } from '../auth/auth-context';

export function Header() {
  const { t } = useTranslation();
  const info = useQuery('system.info', {});
  const ref = useQuery('reference.snapshot', {});
  const street = ref.data?.street;
  const auth = useAuth();
  const [accountsOpen, setAccountsOpen] = useState(false);
  const isAdmin = auth?.user.role === 'admin';
  return (
    <header className="header">
      <h1>{t('app.title')}</h1>
      {street && (
        <span className="street" data-testid="street-name">
          {street.city} {street.district} · {street.name}
        </span>
      )}
      {info.data?.demo && (
        <span className="demo-badge" data-testid="demo-badge" title={t('app.demoHint')}>
          {t('app.demo')}
        </span>
      )}
      {auth && (
        <div className="header-user" data-testid="header-user">
          <span className="user-name" data-testid="user-name" title={auth.user.username}>
            {auth.user.displayName}
          </span>
          <span className="pill user-role" data-testid="user-role">
            {t(`role.${auth.user.role}`)}
          </span>
          {isAdmin && (
            <button
              type="button"
              className="btn"
              data-testid="open-accounts"
              aria-haspopup="dialog"
              title={t('accounts.openHint')}
              onClick={() => setAccountsOpen(true)}
            >
              {t('accounts.open')}
            </button>
          )}
          {auth.session && (
            <button type="button" className="btn" data-testid="logout" onClick={() => void auth.logout()}>
              {t('auth.logout')}
            </button>
          )}
        </div>
      )}
      {auth && isAdmin && accountsOpen && (
        <AccountsDialog currentUser={auth.user.username} onClose={() => setAccountsOpen(false)} />
      )}
    </header>
  );
}
