/** stats strings, Simplified Chinese: 分析研判, 评估反馈 and the wall's 三率. Spread into the catalogue by renderer/src/messages.ts. */
export const statsZh = {
  stats: {
    monthTitle: '{{month}} 本月概况',
    received: '受理',
    closed: '结案',
    open: '在办',
    overdue: '超期（当前）',
    rates: '三率',
    response: '响应率',
    resolution: '解决率',
    satisfaction: '满意率',
    composite: '综合得分',
    valid: '有效回访 {{n}} 件',
    noRate: '—',
    byStatus: '本月工单状态分布',
  },
} as const;
