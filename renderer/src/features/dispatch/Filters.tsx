import { useTranslation } from 'react-i18next';
import { STATUSES, URGENCIES } from '../../../../shared/features/orders/order';
import type { OrderStatus, Urgency } from '../../../../shared/features/orders/order';
import { useReference } from '../reference';
import { EMPTY_FILTERS, MAX_QUERY_LENGTH, type FilterState } from './filter-state';

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  invalidRange: boolean;
}

interface FilterSelectProps {
  label: string;
  testId: string;
  value: string;
  allLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}

/** A labelled select whose empty value means "all". */
function FilterSelect({ label, testId, value, allLabel, options, onChange }: FilterSelectProps) {
  return (
    <label>
      {label}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
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
      <FilterSelect
        label={t('filters.status')}
        testId="filter-status"
        value={value.status}
        allLabel={t('filters.all')}
        options={STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
        onChange={(v) => set('status', v as OrderStatus | '')}
      />
      <FilterSelect
        label={t('filters.category')}
        testId="filter-category"
        value={value.category}
        allLabel={t('filters.all')}
        options={topCategories.map((c) => ({ value: c.code, label: c.name }))}
        onChange={(v) => set('category', v)}
      />
      <FilterSelect
        label={t('filters.community')}
        testId="filter-community"
        value={value.community}
        allLabel={t('filters.all')}
        options={communities.map((c) => ({ value: c.code, label: c.name }))}
        onChange={(v) => set('community', v)}
      />
      <FilterSelect
        label={t('filters.urgency')}
        testId="filter-urgency"
        value={value.urgency}
        allLabel={t('filters.all')}
        options={URGENCIES.map((u) => ({ value: u, label: `${u} ${t(`urgency.${u}`)}` }))}
        onChange={(v) => set('urgency', v as Urgency | '')}
      />
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
      <label className="check" title={t('definitions.overdue')}>
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
