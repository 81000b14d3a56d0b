/**
 * 并案: the order this one is merged into, found by its number or a search over titles and
 * addresses (orders.list full text). The order itself and orders already merged away are not
 * offered; the core checks the target again.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { formatShortDateTime } from '../../platform/format/time';

interface Props {
  readonly id: string;
  readonly orderId: string;
  readonly value: string;
  readonly invalid: boolean;
  readonly onChange: (intoOrderId: string) => void;
}

const DEBOUNCE_MS = 250;

export function MergeTargetPicker({ id, orderId, value, invalid, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = window.setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(h);
  }, [text]);
  const results = useQuery('orders.list', {
    ...(q ? { q } : {}),
    status: ['received', 'dispatched', 'in_progress', 'return_requested', 'replied', 'suspended'],
    limit: 8,
  });
  const rows = (results.data?.rows ?? []).filter((r) => r.id !== orderId);
  // A typed number that is not among the hits is still offered: the core says whether it exists.
  const typedId =
    /^[A-Za-z0-9_.:@-]{4,64}$/.test(q) && q !== orderId && !rows.some((r) => r.id === q) ? q : null;
  return (
    <div className="merge-picker" aria-invalid={invalid}>
      <input
        id={id}
        type="search"
        data-testid="merge-search"
        value={text}
        maxLength={100}
        placeholder={t('desk.merge.search')}
        onChange={(e) => setText(e.target.value)}
      />
      <ul className="merge-list" role="radiogroup" aria-label={t('desk.merge.results')}>
        {typedId && (
          <li>
            <label>
              <input
                type="radio"
                name={`${id}-target`}
                data-testid="merge-candidate"
                data-order-id={typedId}
                checked={value === typedId}
                onChange={() => onChange(typedId)}
              />
              <span>{t('desk.merge.byId', { id: typedId })}</span>
            </label>
          </li>
        )}
        {rows.map((r) => (
          <li key={r.id}>
            <label>
              <input
                type="radio"
                name={`${id}-target`}
                data-testid="merge-candidate"
                data-order-id={r.id}
                checked={value === r.id}
                onChange={() => onChange(r.id)}
              />
              <span className="merge-id">{r.id}</span>
              <span className="merge-title">{r.title}</span>
              <span className="muted">
                {t(`orderStatus.${r.status}`)} · {formatShortDateTime(r.receivedAt)}
              </span>
            </label>
          </li>
        ))}
        {results.data && rows.length === 0 && !typedId && <li className="muted">{t('desk.merge.none')}</li>}
      </ul>
    </div>
  );
}
