/**
 * The urgent-order alarm seen from every panel: a red bar while P0/P1 orders wait for
 * acknowledgement, and the beep (when sound is enabled). Clicking it opens 态势感知.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { useAlarmSound } from './use-alarm-sound';
import './wall.css';

export function usePendingAlarms(): number {
  const alarms = useQuery('awareness.alarms', {});
  return alarms.data?.pending.length ?? 0;
}

export function AlarmBanner({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const alarms = useQuery('awareness.alarms', {});
  const pending = alarms.data?.pending ?? [];
  useAlarmSound(pending.length);
  const first = pending[0];
  if (!first) return null;
  return (
    <button type="button" className="alarm-banner" data-testid="alarm-banner" role="alert" onClick={onOpen}>
      <span className="alarm-icon" aria-hidden="true">
        ⚠
      </span>
      <span className={`pill urg-${first.urgency}`}>{t(`urgency.${first.urgency}`)}</span>
      <span className="alarm-banner-text">
        {t('wall.alarm.banner', { title: first.title })}
        {pending.length > 1 && ` ${t('wall.alarm.bannerMore', { n: pending.length })}`}
      </span>
    </button>
  );
}
