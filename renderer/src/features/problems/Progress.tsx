/** A topic's progress: a bar and its percentage. */
import { useTranslation } from 'react-i18next';

export function Progress({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <span className="pb-progress" data-testid="pb-progress" data-value={value}>
      <span className="pb-progress-bar">
        <span style={{ width: `${value}%` }} />
      </span>
      {t('problems.bank.progress', { p: value })}
    </span>
  );
}
