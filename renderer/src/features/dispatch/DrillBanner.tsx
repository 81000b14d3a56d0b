/** The line above the orders list that says the list is a drill-down from 分析研判, and clears it. */
import { useTranslation } from 'react-i18next';
import type { DeskDrill } from './filter-state';

export function DrillBanner({
  drill,
  total,
  onClear,
}: {
  drill: DeskDrill;
  total: number;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="desk-drill" role="status" data-testid="desk-drill" data-total={total}>
      <span>{t('deskDrill.banner', { label: drill.label, n: total })}</span>
      <button type="button" onClick={onClear} data-testid="desk-drill-clear">
        {t('deskDrill.clear')}
      </button>
    </div>
  );
}
