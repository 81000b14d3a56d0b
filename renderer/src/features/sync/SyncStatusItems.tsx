/**
 * The sync part of the status bar: 上级平台 state (colour + text), the honest 待同步 count and
 * 最近同步 N 分钟前, with the last error in the tooltip. The state is a button that opens the
 * 同步 dialog; on the wall it stays visible but inert.
 */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../platform/api/error-text';
import { formatCount } from '../../platform/format/numbers';
import { formatDateTime } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import { useWall } from '../wall';
import { agoText } from './sync-format';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

export interface SyncStatusItemsProps {
  /** Outbox length from system.info, shown until sync.status answers. */
  readonly fallbackPending: number | null;
  readonly onOpen: () => void;
}

export function SyncStatusItems({ fallbackPending, onOpen }: SyncStatusItemsProps) {
  const { t } = useTranslation();
  const { wall } = useWall();
  const { status, display, error } = useSyncStatus();
  const now = useNow(30_000);
  const stateText = t(`sync.state.${display}`);
  const lastError = status?.lastError ?? (error ? errorText(error, t) : null);
  const tooltip = [
    t('sync.tooltip.state', { state: stateText }),
    status?.lastSuccessAt ? `${t('sync.status.lastSuccess')}: ${formatDateTime(status.lastSuccessAt)}` : null,
    lastError ? t('sync.tooltip.lastError', { error: lastError }) : t('sync.tooltip.noError'),
    wall ? null : t('sync.tooltip.open'),
  ]
    .filter(Boolean)
    .join('\n');
  const pending = status?.outboxPending ?? fallbackPending;
  return (
    <>
      <button
        type="button"
        className="sync-state"
        data-state={display}
        data-testid="sync-state"
        title={tooltip}
        aria-label={`${t('sync.label')}：${stateText}`}
        aria-haspopup="dialog"
        tabIndex={wall ? -1 : 0}
        onClick={wall ? undefined : onOpen}
      >
        <span className="sync-dot" aria-hidden="true" />
        {t('sync.label')} {stateText}
      </button>
      {pending !== null && (
        <span data-testid="outbox-pending" className={pending > 0 ? 'sync-pending has' : 'sync-pending'}>
          {t('sync.pending', { n: formatCount(pending) })}
        </span>
      )}
      {status && status.state !== 'off' && (
        <span
          data-testid="sync-last"
          title={status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : undefined}
        >
          {status.lastSuccessAt
            ? t('sync.lastSync', {
                ago: agoText(status.lastSuccessAt, Math.max(now, status.lastSuccessAt), t),
              })
            : t('sync.neverSynced')}
        </span>
      )}
      {status && status.openConflicts > 0 && (
        <span className="sync-conflicts" data-testid="sync-conflict-count">
          {t('sync.conflictsBadge', { n: formatCount(status.openConflicts) })}
        </span>
      )}
    </>
  );
}
