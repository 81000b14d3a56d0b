/**
 * The outage banner: while the link to the upstream platform is down (or degraded) it says that
 * work continues here and how many records will upload, with 立即重试 (sync.retryNow).
 * Mounted by App.tsx under the header; renders nothing while online, off or unknown.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../platform/api/client';
import { formatCount } from '../../platform/format/numbers';
import { formatClock } from '../../platform/format/time';
import { useWall } from '../wall/wall-context';
import { useSyncStatus } from './use-sync-status';
import './sync.css';
import { caughtErrorText } from '../../platform/api/error-text';

export function SyncBanner() {
  const { t } = useTranslation();
  const { wall } = useWall();
  const { status, refetch } = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!status || (status.state !== 'offline' && status.state !== 'degraded')) return null;
  const n = formatCount(status.outboxPending);
  const text =
    status.state === 'offline'
      ? t('sync.banner.offline', {
          since: status.offlineSince ? formatClock(status.offlineSince).slice(0, 5) : '--:--',
          n,
        })
      : t('sync.banner.degraded', { n });
  const retry = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call('sync.retryNow', {});
    } catch (err) {
      setProblem(
        t('sync.banner.retryFailed', {
          error: caughtErrorText(err, t),
        }),
      );
    } finally {
      setBusy(false);
      refetch();
    }
  };
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
          disabled={busy}
          onClick={() => void retry()}
        >
          {busy ? t('sync.banner.retrying') : t('sync.banner.retry')}
        </button>
      )}
    </div>
  );
}
