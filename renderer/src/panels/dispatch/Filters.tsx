import { useTranslation } from 'react-i18next';
import { STATUSES, URGENCIES } from '../../../../shared/domain/order';
import type { OrderStatus, Urgency } from '../../../../shared/domain/order';
import { useReference } from '../../reference/use-reference';
import { EMPTY_FILTERS, MAX_QUERY_LENGTH, type FilterState } from './filters';

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  invalidRange: boolean;
}

export function Filters({ value, onChange, invalidRange }: Props) {
  const { t } = useTranslation();
  const ref = useReference();
  const topCategories = (ref.snapshot?.categories ?? []).filter((c) => c.level === 1);
  const communities = ref.snapshot?.communities ?? [];
  const set = <K extends keyof FilterState>(k: K, v: FilterState[K]) => onChange({ ...value, [k]: v });

  return (
    <form
      className="filters"
      role="search"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('filters.search')}
    >
      <label>
        {t('filters.search')}
        <input
          type="search"
          data-testid="search"
          value={value.q}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => set('q', e.target.value)}
        />
      </label>
      <label>
        {t('filters.status')}
        <select
          data-testid="filter-status"
          value={value.status}
          onChange={(e) => set('status', e.target.value as OrderStatus | '')}
        >
          <option value="">{t('filters.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`orderStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.category')}
        <select
          data-testid="filter-category"
          value={value.category}
          onChange={(e) => set('category', e.target.value)}
        >
          <option value="">{t('filters.all')}</option>
          {topCategories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.community')}
        <select
          data-testid="filter-community"
          value={value.community}
          onChange={(e) => set('community', e.target.value)}
        >
          <option value="">{t('filters.all')}</option>
          {communities.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.urgency')}
        <select
          data-testid="filter-urgency"
          value={value.urgency}
          onChange={(e) => set('urgency', e.target.value as Urgency | '')}
        >
          <option value="">{t('filters.all')}</option>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {u} {t(`urgency.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.receivedFrom')}
        <input
          type="date"
          data-testid="filter-from"
          value={value.from}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        {t('filters.receivedTo')}
        <input
          type="date"
          data-testid="filter-to"
          value={value.to}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="filter-overdue"
          checked={value.overdueOnly}
          onChange={(e) => set('overdueOnly', e.target.checked)}
        />
        {t('filters.overdueOnly')}
      </label>
      <button
        type="button"
        className="btn"
        data-testid="filter-reset"
        onClick={() => onChange(EMPTY_FILTERS)}
      >
        {t('filters.reset')}
      </button>
      {invalidRange && (
        <span className="filter-warning" role="alert" data-testid="invalid-range">
          {t('filters.invalidRange')}
        </span>
      )}
    </form>
  );
}
