/** Readable lock lines: "2 分钟前", and what the holder is doing. Pure (t is injected). */
import { EVENT_NAMES } from '../../../../shared/features/orders/labels';
import type { Translate } from '../../platform/i18n/translate';

/** "刚刚" under a minute, then minutes, then hours. */
export function agoLabel(ms: number, t: Translate): string {
  const min = Math.floor(Math.max(0, ms) / 60_000);
  if (min < 1) return t('desk.lock.justNow');
  if (min < 60) return t('desk.lock.minutesAgo', { n: min });
  return t('desk.lock.hoursAgo', { n: Math.floor(min / 60) });
}

/** The lock's purpose (an event type) as the timeline names it; '' for none, as sent for anything else. */
export function lockPurposeLabel(purpose: string, t: Translate): string {
  if (purpose === '') return '';
  return Object.prototype.hasOwnProperty.call(EVENT_NAMES, purpose) ? t(`eventType.${purpose}`) : purpose;
}
