/** awareness strings, Simplified Chinese: 态势感知 (counters, 三率, alarms, live feed). Spread into the catalogue by renderer/src/messages.ts. */
export const awarenessZh = {
  awareness: {
    kpi: {
      title: '今日态势',
      received: '今日受理',
      dispatched: '今日派遣',
      inProgress: '处置中',
      finished: '今日办结',
      overdue: '超期',
      warning: '预警',
      vsYesterday: '较昨日同时段',
      vsYesterdayNow: '较昨日此时',
      now: '当前',
      same: '持平',
    },
    rates: {
      title: '本月三率',
      target: '目标',
      vsLastMonth: '较上月',
      actual: '本月',
      noData: '本月暂无有效回访',
    },
    feed: {
      title: '实时动态',
      empty: '暂无动态',
    },
    alarm: {
      title: '紧急工单告警',
      pending: '待确认 {{n}} 件',
      none: '无待确认告警',
      acknowledge: '确认',
      acknowledging: '确认中…',
      acknowledged: '已确认',
      ackBy: '{{who}} 于 {{time}} 确认',
      needOfficer: '需要值班员及以上权限',
      soundOn: '声音已开启',
      soundEnable: '点击启用声音',
      recent: '最近已确认',
    },
    map: '态势地图',
  },
} as const;
