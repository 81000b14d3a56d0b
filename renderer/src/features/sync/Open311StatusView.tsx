/**
 * The Open311 connector's status (open311.status): pulls, cursor, the window it waits on (kept,
 * with why and the next try), what it noticed about the server, deliveries, recent log lines.
 */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatCount } from '../../platform/format/numbers';
import { formatDateTime } from '../../platform/format/time';
import { useAuth } from '../auth';

export function Open311StatusView() {
  const { t } = useTranslation();
  const auth = useAuth();
  const q = useQuery('open311.status', {});
  const pull = useMutation('open311.pullNow');
  if (q.error?.code === 'forbidden') return null;
  const s = q.data;
  const problem = pull.error ? errorText(pull.error, t) : null;
  // On success the status is refreshed as stale; after a failure too, to show what the pull left.
  const pullNow = () => pull.run({}).catch(q.refetch);
  return (
    <section
      className="sync-open311-status"
      aria-labelledby="open311-status-title"
      data-testid="open311-status"
    >
      <h3 id="open311-status-title">{t('sync.open311.statusTitle')}</h3>
      {q.error && !s && (
        <div className="error-box" role="alert">
          {t('sync.open311.unavailable', { error: errorText(q.error, t) })}
        </div>
      )}
      {s && !s.configured && <p className="muted">{t('sync.open311.notConfigured')}</p>}
      {s && s.configured && (
        <>
          <dl className="sync-fields">
            <dt>{t('sync.open311.lastPull')}</dt>
            <dd>{s.lastPullAt ? formatDateTime(s.lastPullAt) : '—'}</dd>
            <dt>{t('sync.open311.lastSuccess')}</dt>
            <dd>{s.lastSuccessAt ? formatDateTime(s.lastSuccessAt) : '—'}</dd>
            <dt>{t('sync.open311.cursor')}</dt>
            <dd>{s.cursor.windowStart ? formatDateTime(s.cursor.windowStart) : '—'}</dd>
            <dt>{t('sync.status.lastError')}</dt>
            <dd className={s.lastError ? 'sync-error-text' : undefined}>{s.lastError ?? '—'}</dd>
          </dl>
          {s.waiting && (
            <div className="sync-open311-waiting" role="status" data-testid="open311-waiting">
              <strong>
                {t('sync.open311.waiting.title', {
                  from: formatDateTime(s.waiting.from),
                  to: formatDateTime(s.waiting.to),
                })}
              </strong>
              <p>{s.waiting.reason}</p>
              <p className="muted">
                {t('sync.open311.waiting.detail', {
                  n: formatCount(s.waiting.failures),
                  since: formatDateTime(s.waiting.since),
                  next: s.waiting.nextAttemptAt ? formatDateTime(s.waiting.nextAttemptAt) : '—',
                })}
              </p>
            </div>
          )}
          {s.notices.length > 0 && (
            <ul className="sync-open311-notices" data-testid="open311-notices">
              {s.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <p>
            {t('sync.open311.totals', {
              pulled: formatCount(s.pulledTotal),
              created: formatCount(s.createdTotal),
              quarantined: formatCount(s.quarantinedTotal),
            })}
          </p>
          <p data-testid="open311-deliveries">
            {t('sync.open311.deliveries', {
              pending: formatCount(s.deliveries.pending),
              failed: formatCount(s.deliveries.failed),
              sent: formatCount(s.deliveries.sent),
            })}
          </p>
          {auth?.user.role === 'admin' && (
            <button type="button" className="btn" disabled={pull.busy} onClick={() => void pullNow()}>
              {t('sync.open311.pullNow')}
            </button>
          )}
          {problem && (
            <div className="error-box" role="alert">
              {problem}
            </div>
          )}
          <h4>{t('sync.open311.log')}</h4>
          {s.log.length === 0 ? (
            <p className="muted">{t('sync.open311.noLog')}</p>
          ) : (
            <ol className="sync-log">
              {s.log.map((l, i) => (
                <li key={`${l.at}-${i}`} data-level={l.level}>
                  <span className="nowrap muted">{formatDateTime(l.at)}</span> {l.message}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
