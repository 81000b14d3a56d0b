/** The wall feature's public surface: 大屏模式, the carousel, the alarm bar and its tone. */
export { AlarmBanner, usePendingAlarms } from './AlarmBanner';
export { alarmSound } from './alarm-sound';
export {
  CAROUSEL_CHOICES,
  CAROUSEL_PANELS,
  nextCarouselPanel,
  readCarouselMs,
  saveCarouselMs,
  type CarouselPanel,
} from './carousel';
export type { WallLayout } from './layout';
export { useSoundEnabled } from './use-alarm-sound';
export { useCarousel } from './use-carousel';
export { useWallLayout, useWallMode } from './use-wall-mode';
export { useWall, WallContext, type WallState } from './wall-context';
