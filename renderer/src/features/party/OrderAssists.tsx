/**
 * 协办党员 on the dispatch desk's order detail (docs/PARTY.md): the members helping on the order,
 * each removable (with a reason, after a confirmation), and a picker that suggests 双报到 members of
 * the order's community or grid with fitting skills and free now — each with its reasons.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import { formatShortDateTime } from '../../platform/format/time';
import './party.css';

/** A fresh client event id: a retried call with it is recorded once (the core accepts [A-Za-z0-9_.:@-]). */
function newEventId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return `party-${c.randomUUID()}`;
  return `party-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

interface Props {
  readonly orderId: string;
  /** False when the order is not open (no member can be added or removed then). */
  readonly open: boolean;
}

export function OrderAssists({ orderId, open }: Props) {
  const { t } = useTranslation();
  const q = useQuery('party.assists', { orderId });
  const add = useMutation('party.assist');
  const remove = useMutation('party.unassist');
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const v = q.data;
  if (!v) return null;
  const onAdd = (memberId: string) => {
    void add
      .run({ orderId, expectedVersion: v.version, memberId, eventId: newEventId() })
      .then(() => setPicking(false))
      .catch(() => undefined);
  };
  const onRemove = (memberId: string) => {
    void remove
      .run({ orderId, expectedVersion: v.version, memberId, reason, eventId: newEventId() })
      .then(() => {
        setRemoving(null);
        setReason('');
      })
      .catch(() => undefined);
  };
  const error = add.error ?? remove.error;
  return (
    <section className="party-assists" data-testid="order-assists">
      <div className="party-assists-head">
        <h3>{t('party.assist.title')}</h3>
        {open && !picking && (
          <button
            type="button"
            className="btn small"
            onClick={() => setPicking(true)}
            data-testid="assist-open"
          >
            {t('party.assist.add')}
          </button>
        )}
      </div>
      {v.current.length === 0 && <p className="muted small">{t('party.assist.none')}</p>}
      <ul className="party-assist-list">
        {v.current.map((m) => (
          <li key={m.id} data-testid="assist-member" data-member-id={m.id}>
            <strong>{m.name}</strong>
            <span className="muted small">
              {t('party.assist.since', { time: formatShortDateTime(m.addedAt) })}
            </span>
            {open && removing !== m.id && (
              <button
                type="button"
                className="btn small"
                onClick={() => setRemoving(m.id)}
                data-testid="assist-remove"
              >
                {t('party.assist.remove')}
              </button>
            )}
            {removing === m.id && (
              <span className="party-assist-confirm" role="group" aria-label={t('party.assist.confirm')}>
                <span>{t('party.assist.confirm', { name: m.name })}</span>
                <input
                  value={reason}
                  placeholder={t('party.assist.reason')}
                  onChange={(e) => setReason(e.target.value)}
                  data-testid="assist-remove-reason"
                />
                <button
                  type="button"
                  className="btn small btn-danger"
                  disabled={remove.busy}
                  onClick={() => onRemove(m.id)}
                  data-testid="assist-remove-confirm"
                >
                  {t('party.assist.removeConfirm')}
                </button>
                <button type="button" className="btn small" onClick={() => setRemoving(null)}>
                  {t('party.assist.cancel')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {picking && (
        <div className="party-assist-picker" data-testid="assist-picker">
          <p className="muted small">
            {v.skills.length > 0
              ? t('party.assist.skills', { skills: v.skills.join('、') })
              : t('party.assist.noSkills')}
          </p>
          {v.suggestions.length === 0 && <p className="muted">{t('party.noSuggestion')}</p>}
          <ul className="party-assist-suggest">
            {v.suggestions.map((m) => (
              <li key={m.id} data-testid="assist-suggestion" data-member-id={m.id}>
                <div className="party-assist-main">
                  <strong>{m.name}</strong>
                  <span className="muted small">{m.skills.join('、') || '—'}</span>
                  <span className="party-assist-reasons small">
                    {m.reasons.join(' · ') || t('party.assist.noReason')}
                  </span>
                </div>
                <button
                  type="button"
                  className="btn small primary"
                  disabled={add.busy}
                  onClick={() => onAdd(m.id)}
                  data-testid="assist-add"
                >
                  {t('party.assist.pick')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn small" onClick={() => setPicking(false)}>
            {t('party.assist.cancel')}
          </button>
        </div>
      )}
      {error && <p className="form-error">{errorText(error, t)}</p>}
    </section>
  );
}
