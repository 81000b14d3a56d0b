/** Small formatting helpers of the sync UI: "3 分钟前" and the state's display key. */
import type { TFunction } from 'i18next';
import type { SyncState } from '../../../../shared/features/sync/contract';

/** "刚刚" / "N 分钟前" / "N 小时前" / "N 天前". */
export function agoText(at: number, now: number, t: TFunction): string {
  const s = Math.max(0, now - at) / 1000;
  if (s < 60) return t('sync.ago.justNow');
  if (s < 3600) return t('sync.ago.minutes', { n: Math.floor(s / 60) });
  if (s < 86_400) return t('sync.ago.hours', { n: Math.floor(s / 3600) });
  return t('sync.ago.days', { n: Math.floor(s / 86_400) });
}

/** What the status bar shows: the engine's state, or why there is none. */
export type SyncDisplayState = SyncState | 'unavailable' | 'loading';
