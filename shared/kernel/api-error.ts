/**
 * The one error every transport returns. A caller decides by `reason` (machine-readable, stable);
 * `message` is the Chinese sentence a person reads, written once per reason in REASONS below.
 * `code` is the coarse class a transport maps to a status (HTTP 4xx/5xx).
 */

export const ERROR_CODES = [
  'invalid_input', // the input failed validation; `field` names it
  'not_found',
  'forbidden', // not logged in, or the caller's role is too low
  'conflict', // someone else changed the record first
  'rejected', // the rules refuse this (lifecycle, policy); `message` says why
  'unavailable', // the core is not ready, or a part of it is not running
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Every reason the core gives, with its class and its sentence. `{name}` in a sentence is filled
 * from `params`; a sentence that is only `{why}` carries a rule's own explanation (the reducer's).
 */
export const REASONS = {
  // The way in
  invalid_input: { code: 'invalid_input', message: '{why}' },
  unknown_procedure: { code: 'not_found', message: '未知的接口: {proc}' },
  login_required: { code: 'forbidden', message: '请先登录' },
  role_required: {
    code: 'forbidden',
    message: '{action}需要{roleLabel}及以上权限',
    // Sent besides the sentence's: the role id and the procedure, for a translated UI and the log.
    extra: ['role', 'proc', 'actionType'],
  },
  token_invalid: { code: 'forbidden', message: '访问令牌无效' },
  token_required: { code: 'forbidden', message: '来自其他计算机的请求需要访问令牌' },
  cross_site: { code: 'forbidden', message: '拒绝跨站请求' },
  local_only: { code: 'forbidden', message: '该操作只能在本机进行' },
  // Accounts and sign-in
  bad_credentials: { code: 'forbidden', message: '用户名或密码错误' },
  account_disabled: { code: 'forbidden', message: '该账号已停用，请联系管理员' },
  login_locked: { code: 'forbidden', message: '登录失败次数过多，请 {minutes} 分钟后再试' },
  login_throttled: { code: 'forbidden', message: '尝试过于频繁，请 {seconds} 秒后再试' },
  already_set_up: { code: 'rejected', message: '管理员账号已经创建，请直接登录' },
  self_change: { code: 'rejected', message: '不能停用自己的账号' },
  username_taken: { code: 'conflict', message: '用户名已存在: {username}' },
  account_not_found: { code: 'not_found', message: '账号不存在: {username}' },
  // Orders
  order_not_found: { code: 'not_found', message: '工单不存在: {orderId}' },
  stale_version: { code: 'conflict', message: '该工单已被他人更新，请刷新后重试' },
  lifecycle_refused: { code: 'rejected', message: '{why}' },
  event_id_reused: { code: 'invalid_input', message: 'eventId 已用于其他工单' },
  bad_cursor: { code: 'invalid_input', message: '无效的分页游标' },
  unknown_reference: { code: 'invalid_input', message: '{what}不存在: {id}' },
  not_an_alarm: { code: 'rejected', message: '只有特急(P0)、紧急(P1)工单需要确认告警' },
  order_locked: {
    code: 'conflict',
    message: '{name} 正在处理该工单（{since} 起），请稍后再试或请指挥长解除',
    extra: ['holder', 'sinceMs'],
  },
  emergency_category: {
    code: 'rejected',
    message: '该类事项应由 {service} 处置，请引导群众拨打 {service}，本中心不予受理',
  },
  staff_only_category: { code: 'rejected', message: '该事项分类仅用于网格、物联或主动发现，群众渠道不可选' },
  permission_required: {
    code: 'forbidden',
    message: '需要“{permission}”权限',
    extra: ['permissionId', 'proc'],
  },
  // Reference data, map, files
  no_reference: { code: 'unavailable', message: '基础数据尚未导入' },
  file_refused: { code: 'invalid_input', message: '{why}' },
  upload_not_found: { code: 'not_found', message: '上传不存在或已过期，请重新开始' },
  basemap_not_found: { code: 'not_found', message: '没有名为 {name} 的底图' },
  // Sync
  sync_off: { code: 'unavailable', message: '本进程未运行同步引擎' },
  record_not_found: { code: 'not_found', message: '记录不存在: {id}' },
  already_handled: { code: 'conflict', message: '该记录已由他人处理，请刷新' },
  // 吹哨报到 (issue 15)
  whistle_not_found: { code: 'not_found', message: '吹哨记录不存在: {id}' },
  whistle_closed: { code: 'rejected', message: '该吹哨已结束，不能再变更' },
  not_summoned: { code: 'rejected', message: '该单位不在本次吹哨的召集名单中' },
  report_far_from_site: {
    code: 'invalid_input',
    message: '报到位置距集合地点 {distance} 米，超过 {radius} 米，请填写原因',
  },
  report_needs_position: { code: 'invalid_input', message: '请填写报到位置，或说明无法定位的原因' },
  // 现场力量 (field force positions)
  field_outside_street: {
    code: 'invalid_input',
    message: '位置不在本街道范围内（经度 {lng}，纬度 {lat}），请检查定位设备',
  },
  field_not_field_person: { code: 'rejected', message: '{name}不是网格员或双报到党员，不能上报位置' },
  field_time_future: {
    code: 'invalid_input',
    message: '定位时间比当前时间晚 {minutes} 分钟以上，请检查设备时钟',
  },
  // 台账导入 (issue 14)
  import_has_errors: {
    code: 'rejected',
    message: '台账有 {rows} 行未通过检查，请修正文件，或选择跳过这些行后再导入',
  },
  import_running: { code: 'conflict', message: '已有台账正在导入，请等它完成或取消后再试' },
  // 后台任务 (issue 16)
  job_kind_unknown: { code: 'invalid_input', message: '未知的任务类型: {kind}' },
  job_not_found: { code: 'not_found', message: '任务不存在: {id}' },
  job_not_ready: { code: 'rejected', message: '任务尚未完成，暂无文件可下载' },
  job_finished: { code: 'rejected', message: '任务已结束，不能取消' },
  // 每月一题 (issue 16)
  problem_not_found: { code: 'not_found', message: '每月一题不存在: {id}' },
  problem_stale: { code: 'conflict', message: '该题目已被他人更新，请刷新后重试' },
  problem_closed: { code: 'rejected', message: '该题目已结题，不能再修改' },
  // 单位账号 (issue 15)
  unit_scope: { code: 'forbidden', message: '该事项不涉及本单位，单位账号无权查看或处理' },
  member_scope: { code: 'forbidden', message: '党员账号只能查看和办理派给本人的任务' },
  // 城市部件 on the map (issue 14)
  asset_not_found: { code: 'not_found', message: '城市部件不存在: {code}' },
  // Everything else
  unavailable: { code: 'unavailable', message: '{why}' },
  busy: { code: 'unavailable', message: '系统繁忙，请稍后重试' },
  internal: { code: 'internal', message: '系统内部错误，详情已记录在日志中' },
} as const satisfies Record<
  string,
  { readonly code: ErrorCode; readonly message: string; readonly extra?: readonly string[] }
>;
export type Reason = keyof typeof REASONS;

/** The values a reason's error may carry: those of its sentence and its `extra` ones. */
export function reasonParamNames(reason: Reason): string[] {
  const def: { readonly message: string; readonly extra?: readonly string[] } = REASONS[reason];
  return [
    ...new Set([...[...def.message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''), ...(def.extra ?? [])]),
  ];
}

export function isReason(v: unknown): v is Reason {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(REASONS, v);
}

export type ReasonParams = Readonly<Record<string, string>>;

/** The error every transport returns, as plain data. */
export interface ApiErrorData {
  readonly code: ErrorCode;
  readonly reason: Reason;
  readonly message: string;
  /** Dotted path of the offending input field. */
  readonly field?: string;
  /** The values filled into the reason's sentence (a translated UI fills its own sentence). */
  readonly params?: ReasonParams;
}

/** A reason's sentence with `{name}` filled from params (a missing one stays visible as `{name}`). */
export function reasonMessage(reason: Reason, params: ReasonParams = {}): string {
  return REASONS[reason].message.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

export interface ApiErrorOptions {
  readonly field?: string;
  readonly params?: ReasonParams;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ErrorCode;
  readonly reason: Reason;
  readonly field?: string;
  readonly params?: ReasonParams;
  constructor(reason: Reason, opts: ApiErrorOptions = {}) {
    super(reasonMessage(reason, opts.params));
    this.name = 'ApiError';
    this.reason = reason;
    this.code = REASONS[reason].code;
    if (opts.field !== undefined) this.field = opts.field;
    if (opts.params !== undefined) this.params = opts.params;
  }
  /** A refusal whose sentence is a rule's own explanation (`{why}` reasons). */
  static why(reason: Reason, why: string, field?: string): ApiError {
    return new ApiError(reason, field === undefined ? { params: { why } } : { params: { why }, field });
  }
  toData(): ApiErrorData {
    return {
      code: this.code,
      reason: this.reason,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.params !== undefined ? { params: this.params } : {}),
    };
  }
  /** Rebuilds an error from the wire; an unknown reason (a newer core) reads as internal. */
  static fromData(d: Partial<ApiErrorData> & { readonly message?: string }): ApiError {
    const reason: Reason = isReason(d.reason) ? d.reason : 'internal';
    const params =
      d.params ?? (REASONS[reason].message === '{why}' ? { why: String(d.message ?? '') } : undefined);
    const e = new ApiError(reason, { ...(d.field ? { field: d.field } : {}), ...(params ? { params } : {}) });
    return e;
  }
}
