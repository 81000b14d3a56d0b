/**
 * The Chinese names of the order vocabulary (PRODUCT.md glossary), defined once: the zh UI
 * (renderer/src/platform/i18n/zh.ts), the reducer's refusal reasons and the core's role refusals all use
 * these. Verb phrases for refusals ("不能申请退单") live with the reducer; these are the nouns.
 */
import type { OrderStatus } from './order';
import type { OrderEventType } from './order-events';

export const STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  received: '待派单',
  dispatched: '待签收',
  in_progress: '处置中',
  return_requested: '退单审核中',
  replied: '已办结',
  closed: '已结案',
  suspended: '挂账',
  merged: '已并案',
};

/** Names of the events as the timeline and menus show them. */
export const EVENT_NAMES: Readonly<Record<OrderEventType, string>> = {
  created: '受理',
  dispatched: '派单',
  signed: '签收',
  contacted: '联系群众',
  progressed: '过程反馈',
  replied: '办结反馈',
  verified: '核查',
  closed: '结案',
  return_requested: '退单申请',
  return_decided: '退单审核',
  extension_requested: '延期申请',
  extension_decided: '延期审批',
  urged: '催办/督办',
  suspended: '挂账',
  resumed: '解除挂账',
  merged: '并案',
  reopened: '重新打开',
  whistled: '吹哨',
  reported_in: '报到',
  callback_recorded: '回访',
  located: '定位',
  volunteer_assigned: '志愿派单',
  volunteer_accepted: '接单',
  volunteer_declined: '拒单',
  volunteer_rated: '评单',
  member_assist_added: '添加协办党员',
  member_assist_removed: '移除协办党员',
};
