/**
 * The outage banner: while the link to the upstream platform is down (or degraded) it says that
 * work continues here and how many records will upload, with 立即重试 (sync.retryNow).
 * Mounted by App.tsx under the header; renders nothing while online, off or unknown.
 */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { formatCount } from '../../platform/format/numbers';
import { formatClock } from '../../platform/format/time';
import { useWall } from '../wall';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

export function SyncBanner() {
  const { t } = useTranslation();
  const { wall } = useWall();
  const { status, refetch } = useSyncStatus();
  const retryNow = useMutation('sync.retryNow');
  if (!status || (status.state !== 'offline' && status.state !== 'degraded')) return null;
  const n = formatCount(status.outboxPending);
  const text =
    status.state === 'offline'
      ? t('sync.banner.offline', {
          since: status.offlineSince ? formatClock(status.offlineSince).slice(0, 5) : '--:--',
          n,
        })
      : t('sync.banner.degraded', { n });
  const problem = retryNow.error
    ? t('sync.banner.retryFailed', { error: errorText(retryNow.error, t) })
    : null;
  // On success sync.status is refreshed as stale; after a failure too, to show the state it left.
  const retry = () => retryNow.run({}).catch(refetch);
  return (
    <div className="sync-banner" data-state={status.state} role="status" data-testid="sync-banner">
      <span className="sync-banner-icon" aria-hidden="true" />
      <span className="sync-banner-text">{text}</span>
      {problem && <span className="sync-banner-problem">{problem}</span>}
      {!wall && (
        <button
          type="button"
          className="btn"
          data-testid="sync-retry"
          disabled={retryNow.busy}
          onClick={() => void retry()}
        >
          {retryNow.busy ? t('sync.banner.retrying') : t('sync.banner.retry')}
        </button>
      )}
    </div>
  );
}
