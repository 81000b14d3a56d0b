/**
 * The catalogue's shared part, Simplified Chinese (the hall's default language): the app frame
 * (app, tabs, status bar, language), the order vocabulary several features show (status,
 * urgency, event types, roles), error texts and durations. Each feature adds its own
 * (renderer/src/features/<f>/messages.zh.ts); renderer/src/messages.ts lists them.
 */
import { REASONS, type Reason } from '../../../../shared/kernel/api-error';
import { EVENT_NAMES, STATUS_LABELS } from '../../../../shared/features/orders/labels';
import { ROLE_LABELS } from '../../../../shared/kernel/roles';

/** The core's sentence for every reason, in i18next's `{{name}}` placeholder syntax. */
const REASON_SENTENCES = Object.fromEntries(
  Object.entries(REASONS).map(([reason, r]) => [reason, r.message.replace(/\{(\w+)\}/g, '{{$1}}')]),
) as Record<Reason, string>;

export const sharedZh = {
  app: {
    title: '街道综合指挥中心',
    demo: '模拟数据',
    demoHint: '当前显示的是模拟街道的演示数据，并非真实工单',
    laterRelease: '本面板的完整功能将在后续版本中提供。',
    loading: '加载中…',
    retry: '重试',
    errorPrefix: '出错了：',
  },
  tabs: {
    awareness: '态势感知',
    analysis: '分析研判',
    dispatch: '指挥调度',
    evaluation: '评估反馈',
    hint: '快捷键 Alt+{{n}} 或 F{{n}}',
  },
  status: {
    connection: {
      online: '在线',
      offline: '离线',
      reconnecting: '重连中',
      connecting: '连接中',
    },
    connectionLabel: '连接',
    store: '库容量',
    orders: '工单 {{n}}',
    outbox: '待同步 {{n}}',
    clock: '北京时间',
    language: '语言',
  },
  lang: { zh: '中文', en: 'English' },
  role: ROLE_LABELS,
  orderStatus: STATUS_LABELS,
  urgency: { P0: '特急', P1: '紧急', P2: '一般', P3: '疑难' },
  eventType: { ...EVENT_NAMES, urged_remind: '催办', urged_supervise: '督办' },
  errors: {
    invalid_input: '输入有误',
    not_found: '未找到',
    forbidden: '没有权限',
    conflict: '数据已被他人更新',
    rejected: '操作不被流程允许',
    unavailable: '服务暂不可用，请检查连接后重试',
    internal: '系统内部错误',
    /** One sentence per reason of the core (shared/kernel/api-error.ts REASONS), `{name}` → `{{name}}`. */
    reason: REASON_SENTENCES,
  },
  duration: {
    remaining: '剩余 {{value}}',
    overdueBy: '超期 {{value}}',
    d: '{{count}}天',
    h: '{{count}}小时',
    m: '{{count}}分',
    lessThanMinute: '不足1分',
  },
  /** Definitions shown on hover wherever the figure appears: one sentence, every screen. */
  definitions: {
    overdue:
      '超期：尚未办结（待派单、待签收、处置中、退单审核中）且已超过街道内部办结时限的工单数，按当前时刻统计，不限受理月份。',
  },
} as const;
