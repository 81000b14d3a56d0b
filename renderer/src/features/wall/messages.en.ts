/** wall strings, English: the same keys as messages.zh.ts. */
import type { Catalogue } from '../../platform/i18n/catalogue';
import type { wallZh } from './messages.zh';

export const wallEn: Catalogue<typeof wallZh> = {
  wall: {
    mode: 'Wall mode',
    modeOn: 'Wall mode',
    modeOff: 'Leave wall mode',
    modeHint: 'Wall mode hides controls and masks names and phone numbers (Alt+W)',
    carousel: 'Carousel',
    carouselOff: 'Off',
    carouselEvery: 'Every {{n}} s',
    carouselPaused: 'Carousel paused',
    alarm: {
      banner: 'Urgent order: {{title}}',
      bannerMore: 'and {{n}} more',
    },
  },
};
