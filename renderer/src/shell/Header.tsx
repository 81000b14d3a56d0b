import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/use-query';

export function Header() {
  const { t } = useTranslation();
  const info = useQuery('system.info', {});
  const ref = useQuery('reference.snapshot', {});
  const street = ref.data?.street;
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
    </header>
  );
}
