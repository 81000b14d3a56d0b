/**
 * 紧急工单告警: open P0/P1 orders waiting for a duty officer's acknowledgement (who and when is
 * recorded by the core), and the ones acknowledged in the last day.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../../../shared/contract/index';
import type { AlarmItem } from '../../../../shared/features/awareness/contract';
import { call } from '../../platform/api/client';
import { errorText } from '../../platform/api/error-text';
import { useQuery } from '../../platform/api/use-query';
import { useAuth } from '../auth/auth-context';
import { formatClock, formatShortDateTime } from '../../platform/format/time';
import { useReference } from '../reference/use-reference';
import { alarmSound } from '../wall/alarm-sound';
import { useSoundEnabled } from '../wall/use-alarm-sound';
import { ApiError } from '../../../../shared/kernel/proc';

export function AlarmList() {
  const { t } = useTranslation();
  const alarms = useQuery('awareness.alarms', {});
  const auth = useAuth();
  const ref = useReference();
  const sound = useSoundEnabled();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canAck = auth ? roleAtLeast(auth.user.role, 'officer') : false;
  const pending = alarms.data?.pending ?? [];
  const done = alarms.data?.acknowledged ?? [];

  const acknowledge = async (a: AlarmItem) => {
    setBusy(a.orderId);
    setError(null);
    try {
      await call('awareness.acknowledgeAlarm', { orderId: a.orderId });
      // The push refreshes every wall; this one need not wait for it.
      alarms.refetch();
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err, t) : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      className={`aw-box aw-alarms${pending.length > 0 ? ' alarming' : ''}`}
      data-testid="aw-alarms"
      aria-labelledby="aw-alarms-title"
    >
      <h3 id="aw-alarms-title">
        {t('wall.alarm.title')}{' '}
        <span className={pending.length > 0 ? 'alarm-count' : 'muted'} data-testid="alarm-pending-count">
          {pending.length > 0 ? t('wall.alarm.pending', { n: pending.length }) : t('wall.alarm.none')}
        </span>
        <button
          type="button"
          className={`btn sound-btn${sound ? ' on' : ''}`}
          data-testid="alarm-sound"
          aria-pressed={sound}
          onClick={() => void alarmSound.enable()}
        >
          {sound ? t('wall.alarm.soundOn') : t('wall.alarm.soundEnable')}
        </button>
      </h3>
      {error && (
        <div className="error-box" role="alert">
          {error}
        </div>
      )}
      <ul className="alarm-list">
        {pending.map((a) => (
          <li key={a.orderId} className="alarm pending" data-testid="alarm-pending" data-order={a.orderId}>
            <span className={`pill urg-${a.urgency}`}>{t(`urgency.${a.urgency}`)}</span>
            <span className="alarm-title" title={a.title}>
              {a.title}
            </span>
            <span className="alarm-meta">
              {ref.communityName(a.communityCode)} · {formatShortDateTime(a.receivedAt)}
            </span>
            <button
              type="button"
              className="btn ack-btn"
              data-testid="alarm-ack"
              disabled={!canAck || busy === a.orderId}
              title={canAck ? undefined : t('wall.alarm.needOfficer')}
              onClick={() => void acknowledge(a)}
            >
              {busy === a.orderId ? t('wall.alarm.acknowledging') : t('wall.alarm.acknowledge')}
            </button>
          </li>
        ))}
        {done.slice(0, pending.length > 0 ? 2 : 4).map((a) => (
          <li key={a.orderId} className="alarm done" data-testid="alarm-done" data-order={a.orderId}>
            <span className={`pill urg-${a.urgency}`}>{t(`urgency.${a.urgency}`)}</span>
            <span className="alarm-title" title={a.title}>
              {a.title}
            </span>
            <span className="alarm-meta" data-testid="alarm-ack-by">
              ✓{' '}
              {t('wall.alarm.ackBy', {
                who: a.acknowledgedByName ?? a.acknowledgedBy ?? '',
                time: a.acknowledgedAt === null ? '' : formatClock(a.acknowledgedAt),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
