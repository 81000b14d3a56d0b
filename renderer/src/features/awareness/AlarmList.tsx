/**
 * 紧急工单告警: open P0/P1 orders waiting for a duty officer's acknowledgement (who and when is
 * recorded by the core), and the ones acknowledged in the last day.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmItem } from '../../../../shared/features/awareness/contract';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatClock, formatShortDateTime } from '../../platform/format/time';
import { useAuth } from '../auth';
import { useReference } from '../reference';
import { alarmSound, useSoundEnabled } from '../wall';

/** A title that opens its order on the desk when `onOpen` is given (not on a public wall). */
function AlarmTitle({ a, onOpen, hint }: { a: AlarmItem; onOpen?: (orderId: string) => void; hint: string }) {
  if (!onOpen)
    return (
      <span className="alarm-title" title={a.title}>
        {a.title}
      </span>
    );
  return (
    <span
      className="alarm-title"
      role="button"
      tabIndex={0}
      data-testid="alarm-open"
      title={`${a.title} · ${hint}`}
      style={{ cursor: 'pointer', textDecoration: 'underline', textUnderlineOffset: '0.2em' }}
      onClick={() => onOpen(a.orderId)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        onOpen(a.orderId);
      }}
    >
      {a.title}
    </span>
  );
}

/** `onOpenOrder`: a click on an alarm's title opens that order on the dispatch desk, selected. */
export function AlarmList({ onOpenOrder }: { onOpenOrder?: (orderId: string) => void } = {}) {
  const { t } = useTranslation();
  const alarms = useQuery('awareness.alarms', {});
  const auth = useAuth();
  const ref = useReference();
  const sound = useSoundEnabled();
  const ack = useMutation('awareness.acknowledgeAlarm');
  /** The alarm being acknowledged (its button says 确认中…). */
  const [acking, setAcking] = useState<string | null>(null);
  const canAck = auth ? roleAtLeast(auth.user.role, 'officer') : false;
  const pending = alarms.data?.pending ?? [];
  const done = alarms.data?.acknowledged ?? [];

  // The push refreshes every wall; this one need not wait for it (the mutation makes the alarms stale).
  const acknowledge = async (a: AlarmItem) => {
    setAcking(a.orderId);
    try {
      await ack.run({ orderId: a.orderId });
    } catch {
      // Shown below the title (ack.error).
    } finally {
      setAcking(null);
    }
  };
  const error = ack.error ? errorText(ack.error, t) : null;
  // The desk's own sentence (the desk's catalogue is part of the app's).
  const openHint = t('desk.openOnDesk');

  return (
    <section
      className={`aw-box aw-alarms${pending.length > 0 ? ' alarming' : ''}`}
      data-testid="aw-alarms"
      aria-labelledby="aw-alarms-title"
    >
      <h3 id="aw-alarms-title">
        {t('awareness.alarm.title')}{' '}
        <span className={pending.length > 0 ? 'alarm-count' : 'muted'} data-testid="alarm-pending-count">
          {pending.length > 0
            ? t('awareness.alarm.pending', { n: pending.length })
            : t('awareness.alarm.none')}
        </span>
        <button
          type="button"
          className={`btn sound-btn${sound ? ' on' : ''}`}
          data-testid="alarm-sound"
          aria-pressed={sound}
          onClick={() => void alarmSound.enable()}
        >
          {sound ? t('awareness.alarm.soundOn') : t('awareness.alarm.soundEnable')}
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
            <AlarmTitle a={a} hint={openHint} {...(onOpenOrder ? { onOpen: onOpenOrder } : {})} />
            <span className="alarm-meta">
              {ref.communityName(a.communityCode)} · {formatShortDateTime(a.receivedAt)}
            </span>
            <button
              type="button"
              className="btn ack-btn"
              data-testid="alarm-ack"
              disabled={!canAck || acking === a.orderId}
              title={canAck ? undefined : t('awareness.alarm.needOfficer')}
              onClick={() => void acknowledge(a)}
            >
              {acking === a.orderId ? t('awareness.alarm.acknowledging') : t('awareness.alarm.acknowledge')}
            </button>
          </li>
        ))}
        {done.slice(0, pending.length > 0 ? 2 : 4).map((a) => (
          <li key={a.orderId} className="alarm done" data-testid="alarm-done" data-order={a.orderId}>
            <span className={`pill urg-${a.urgency}`}>{t(`urgency.${a.urgency}`)}</span>
            <AlarmTitle a={a} hint={openHint} {...(onOpenOrder ? { onOpen: onOpenOrder } : {})} />
            <span className="alarm-meta" data-testid="alarm-ack-by">
              ✓{' '}
              {t('awareness.alarm.ackBy', {
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
