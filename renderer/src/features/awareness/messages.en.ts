/** awareness strings, English: the same keys as messages.zh.ts. */
import type { Catalogue } from '../../platform/i18n/catalogue';
import type { awarenessZh } from './messages.zh';

export const awarenessEn: Catalogue<typeof awarenessZh> = {
  awareness: {
    kpi: {
      title: 'Today',
      received: 'Received today',
      dispatched: 'Dispatched today',
      inProgress: 'In progress',
      finished: 'Finished today',
      overdue: 'Overdue',
      warning: 'Warning',
      vsYesterday: 'vs. yesterday',
      vsYesterdayNow: 'vs. this time yesterday',
      now: 'now',
      same: 'same',
    },
    rates: {
      title: 'Three rates this month',
      target: 'Target',
      vsLastMonth: 'vs. last month',
      actual: 'This month',
      noData: 'No valid call-backs this month',
    },
    feed: {
      title: 'Live feed',
      empty: 'Nothing yet',
    },
    alarm: {
      title: 'Urgent-order alarms',
      pending: '{{n}} to acknowledge',
      none: 'No alarm waiting',
      acknowledge: 'Acknowledge',
      acknowledging: 'Acknowledging…',
      acknowledged: 'Acknowledged',
      ackBy: 'acknowledged by {{who}} at {{time}}',
      needOfficer: 'Needs a duty officer or above',
      soundOn: 'Sound on',
      soundEnable: 'Click to enable sound',
      recent: 'Recently acknowledged',
    },
    map: 'Situation map',
  },
};
