/** 现场力量 strings, English (same keys as messages.zh.ts). */
import type { Catalogue } from '../../platform/i18n/catalogue';
import type { fieldZh } from './messages.zh';

export const fieldEn: Catalogue<typeof fieldZh> = {
  field: {
    role: { grid_worker: 'Grid worker', party_member: 'Party member' },
    age: { now: 'just now', minutes: '{{n}} min ago', hours: '{{n}} h ago' },
    rule: 'Latest position per person only; faded after {{fade}} min without an update, hidden after {{hide}} min',
    popup: { role: 'Role', age: 'Position updated', accuracy: 'Accuracy', accuracyValue: 'about {{m}} m' },
    near: {
      title: 'Field force near the site (within {{radius}} m)',
      none: 'No grid worker or party member on duty reported a position nearby',
      distance: '{{m}} m',
    },
    settings: {
      title: 'Field force display',
      fade: 'Fade after (min)',
      hide: 'Hide after (min)',
      save: 'Save',
      saved: 'Saved',
    },
  },
};
