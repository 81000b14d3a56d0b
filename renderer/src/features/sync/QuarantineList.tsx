/**
 * 隔离区 (admins): upstream items that failed validation, with the reason and the payload
 * excerpt shown as text in a <pre> (never as HTML), and 移出隔离区 behind a confirmation.
 */
import { useCallback, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineRow } from '../../../../shared/features/sync/contract';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatDateTime } from '../../platform/format/time';
import { QueryStatus } from '../../platform/ui/QueryStatus';
import { ConfirmBox } from './ConfirmBox';

export interface QuarantineListProps {
  readonly escClaim: MutableRefObject<(() => boolean) | null>;
}

export function QuarantineList({ escClaim }: QuarantineListProps) {
  const { t } = useTranslation();
  const [includeDismissed, setIncludeDismissed] = useState(false);
  const q = useQuery('sync.quarantine', { includeDismissed, limit: 200 });
  const [pending, setPending] = useState<{ row: QuarantineRow; opener: HTMLElement } | null>(null);
  const dismissItem = useMutation('sync.dismissQuarantine');
  const { reset } = dismissItem;

  const cancel = useCallback(() => {
    setPending((p) => {
      const el = p?.opener;
      requestAnimationFrame(() => el?.focus());
      return null;
    });
    reset();
  }, [reset]);

  const dismiss = async () => {
    if (!pending) return;
    try {
      await dismissItem.run({ id: pending.row.id });
      setPending(null);
    } catch {
      // Shown in the confirmation (dismissItem.error).
    }
  };

  const rows = q.data ?? [];
  return (
    <div className="sync-list" data-testid="sync-quarantine">
      <p className="muted">{t('sync.quarantine.intro')}</p>
      <div className="sync-list-tools">
        <label>
          <input
            type="checkbox"
            checked={includeDismissed}
            onChange={(e) => setIncludeDismissed(e.target.checked)}
          />{' '}
          {t('sync.quarantine.showDismissed')}
        </label>
      </div>
      <QueryStatus
        query={q}
        loading={false}
        empty={rows.length === 0}
        emptyText={t('sync.quarantine.empty')}
        emptyTestId="sync-quarantine-empty"
      />
      {pending && (
        <ConfirmBox
          title={t('sync.quarantine.dismiss')}
          text={t('sync.quarantine.confirmText')}
          confirmLabel={t('sync.quarantine.confirm')}
          cancelLabel={t('sync.quarantine.cancel')}
          busy={dismissItem.busy}
          error={dismissItem.error ? errorText(dismissItem.error, t) : null}
          escClaim={escClaim}
          onConfirm={() => void dismiss()}
          onCancel={cancel}
        />
      )}
      {rows.length > 0 && (
        <ul className="sync-quarantine-rows">
          {rows.map((r) => (
            <li key={r.id} className="sync-quarantine-row" data-testid="sync-quarantine-row">
              <div className="sync-quarantine-meta">
                <span className="pill">{t(`sync.quarantine.source.${r.source}`)}</span>
                <span className="nowrap muted">{formatDateTime(r.receivedAt)}</span>
                {r.hits > 1 && (
                  <span
                    className="pill"
                    data-testid="sync-quarantine-hits"
                    title={t('sync.quarantine.lastSeen', { at: formatDateTime(r.lastSeenAt) })}
                  >
                    {t('sync.quarantine.hits', { n: r.hits })}
                  </span>
                )}
                {r.ref && <span className="mono">{r.ref}</span>}
                <strong className="sync-reason">{r.reason}</strong>
                <span className="spacer" />
                {r.dismissedAt ? (
                  <span className="muted">{t('sync.quarantine.dismissed')}</span>
                ) : (
                  <button
                    type="button"
                    className="btn"
                    data-testid="sync-quarantine-dismiss"
                    disabled={pending !== null}
                    onClick={(e) => {
                      reset();
                      setPending({ row: r, opener: e.currentTarget });
                    }}
                  >
                    {t('sync.quarantine.dismiss')}
                  </button>
                )}
              </div>
              {/* Text only: React escapes it; the payload is never parsed as HTML. */}
              <pre className="sync-excerpt" aria-label={t('sync.quarantine.columns.excerpt')}>
                {r.excerpt}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
