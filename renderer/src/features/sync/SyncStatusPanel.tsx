/** 状态 tab: every field of sync.status, and the Open311 connector's status when there is one. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../platform/api/error-text';
import { formatCount } from '../../platform/format/numbers';
import { formatDateTime } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import { Open311StatusView } from './Open311StatusView';
import { agoText } from './sync-format';
import { useSyncStatus } from './use-sync-status';

export function SyncStatusPanel() {
  const { t } = useTranslation();
  const { status, display, error } = useSyncStatus();
  const now = useNow(30_000);
  const when = (ms: number | null) =>
    ms ? `${formatDateTime(ms)}（${agoText(ms, Math.max(now, ms), t)}）` : '—';
  return (
    <div className="sync-status-panel">
      {error && !status && (
        <div className="error-box" role="alert" data-testid="sync-status-unavailable">
          {t('sync.status.unavailable', { error: errorText(error, t) })}
        </div>
      )}
      <dl className="sync-fields" data-testid="sync-status-fields">
        <dt>{t('sync.status.state')}</dt>
        <dd>
          <span className="sync-state-text" data-state={display} data-testid="sync-status-state">
            <span className="sync-dot" aria-hidden="true" />
            {t(`sync.state.${display}`)}
          </span>
        </dd>
        {status && (
          <>
            <dt>{t('sync.status.hub')}</dt>
            <dd className="mono">{status.hubUrl ?? t('sync.status.none')}</dd>
            <dt>{t('sync.status.outbox')}</dt>
            <dd>{formatCount(status.outboxPending)}</dd>
            <dt>{t('sync.status.lastSuccess')}</dt>
            <dd>{when(status.lastSuccessAt)}</dd>
            {status.offlineSince && (
              <>
                <dt>{t('sync.status.offlineSince')}</dt>
                <dd>{when(status.offlineSince)}</dd>
              </>
            )}
            <dt>{t('sync.status.nextAttempt')}</dt>
            <dd>{status.nextAttemptAt ? formatDateTime(status.nextAttemptAt) : '—'}</dd>
            <dt>{t('sync.status.cursor')}</dt>
            <dd>{formatCount(status.cursor)}</dd>
            <dt>{t('sync.status.openConflicts')}</dt>
            <dd>{formatCount(status.openConflicts)}</dd>
            <dt>{t('sync.status.quarantined')}</dt>
            <dd>{formatCount(status.quarantined)}</dd>
            <dt>{t('sync.status.lastError')}</dt>
            <dd className={status.lastError ? 'sync-error-text' : undefined}>{status.lastError ?? '—'}</dd>
          </>
        )}
      </dl>
      <Open311StatusView />
    </div>
  );
}
