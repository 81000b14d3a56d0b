/**
 * The 吹哨报到 alarm seen from every panel (and the wall): a red bar while a summoned unit has
 * gone 超时 without anyone acknowledging it. Clicking it opens 指挥调度, where the whistle view
 * is one click away.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import './whistle.css';

export function WhistleAlarmBanner({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const alarms = useQuery('whistle.alarms', {});
  const pending = alarms.data ?? [];
  const first = pending[0];
  if (!first) return null;
  return (
    <button
      type="button"
      className="alarm-banner whistle-alarm-banner"
      data-testid="whistle-alarm-banner"
      role="alert"
      onClick={onOpen}
    >
      <span className="alarm-icon" aria-hidden="true">
        ⚠
      </span>
      <span className="alarm-banner-text">
        {t('whistleDesk.alarm.banner', { unit: first.unitName, title: first.title })}
        {pending.length > 1 && ` ${t('whistleDesk.alarm.more', { n: pending.length })}`}
      </span>
    </button>
  );
}
