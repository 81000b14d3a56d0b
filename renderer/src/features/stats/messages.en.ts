/** stats strings, English: the same keys as messages.zh.ts. */
import type { Catalogue } from '../../platform/i18n/catalogue';
import type { statsZh } from './messages.zh';

export const statsEn: Catalogue<typeof statsZh> = {
  stats: {
    monthTitle: '{{month}} this month',
    received: 'Received',
    closed: 'Closed',
    open: 'Open',
    overdue: 'Overdue (now)',
    rates: 'Three rates',
    response: 'Response',
    resolution: 'Resolution',
    satisfaction: 'Satisfaction',
    composite: 'Composite',
    valid: '{{n}} valid call-backs',
    noRate: '—',
    byStatus: 'Orders by status this month',
  },
};
