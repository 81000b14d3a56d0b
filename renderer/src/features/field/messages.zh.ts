/** 现场力量 strings, Simplified Chinese. Spread into the catalogue by renderer/src/messages.ts. */
export const fieldZh = {
  field: {
    role: { grid_worker: '网格员', party_member: '党员' },
    age: { now: '刚刚', minutes: '{{n}} 分钟前', hours: '{{n}} 小时前' },
    rule: '每人只显示最新位置；超过 {{fade}} 分钟未更新的变淡，超过 {{hide}} 分钟的不再显示',
    popup: { role: '身份', age: '位置更新', accuracy: '定位精度', accuracyValue: '约 {{m}} 米' },
    near: {
      title: '现场附近力量（{{radius}} 米内）',
      none: '附近暂无在岗网格员或党员的位置',
      distance: '{{m}} 米',
    },
    settings: {
      title: '现场力量显示',
      fade: '变淡（分钟）',
      hide: '隐藏（分钟）',
      save: '保存',
      saved: '已保存',
    },
  },
} as const;
