/** wall strings, Simplified Chinese: 大屏模式, the carousel and the alarm bar. Spread into the catalogue by renderer/src/messages.ts. */
export const wallZh = {
  wall: {
    mode: '大屏模式',
    modeOn: '进入大屏模式',
    modeOff: '退出大屏',
    modeHint: '大屏模式隐藏操作控件并脱敏姓名、电话（Alt+W 切换）',
    carousel: '轮播',
    carouselOff: '不轮播',
    carouselEvery: '每 {{n}} 秒',
    carouselPaused: '轮播已暂停',
    alarm: {
      banner: '紧急工单告警：{{title}}',
      bannerMore: '等 {{n}} 件',
    },
  },
} as const;
