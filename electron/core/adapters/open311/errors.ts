/**
 * What a person reads when a pull or a post fails: a Chinese sentence that says what happened
 * (not `terminated` or `The operation was aborted due to timeout`), while the technical detail
 * goes to the log line. The connector adds what the hall does about it (the window kept, the
 * next try).
 */
import { OPEN311_TIMEOUT_MS } from './http';
import { Open311ResponseError } from './parse';

/** A pull was cancelled because the settings changed under it (nothing of it is written). */
export class Open311Cancelled extends Error {
  constructor() {
    super('配置已更改，本轮拉取已取消');
    this.name = 'Open311Cancelled';
  }
}

/** A date window (or the updates pull) that could not be read whole; it is kept and retried. */
export class Open311WindowError extends Error {
  constructor(
    readonly what: 'requests' | 'updates',
    readonly from: number,
    readonly to: number,
    override readonly cause: unknown,
  ) {
    super(describeOpen311Error(cause));
    this.name = 'Open311WindowError';
  }
}

function _code(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** The raw error, for the log: name, message and the cause's code. */
export function technicalDetail(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = _code(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${err.name}: ${err.message}${cause}${code ? ` [${code}]` : ''}`;
}

/** What happened, in Chinese, for a person. */
export function describeOpen311Error(err: unknown): string {
  if (err instanceof Open311WindowError) return err.message;
  if (err instanceof Open311ResponseError) {
    const m = err.message;
    if (/HTML 页面/.test(m)) {
      const title = /\):\s*(.+)$/.exec(m)?.[1];
      const status = err.httpStatus !== null ? `HTTP ${err.httpStatus}` : 'HTTP';
      return `Open311 服务器返回了网页而不是数据（${status}${title ? `，页面标题“${title}”` : ''}），多半正在维护或出错`;
    }
    if (/JSON 无法解析|XML 无法解析/.test(m))
      return `Open311 服务器的应答不完整或格式错误（${m.slice(0, 120)}），可能是传输中断`;
    return `Open311 服务器报告错误：${m.slice(0, 200)}`;
  }
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  const code = _code(err);
  if (name === 'TimeoutError' || /aborted due to timeout/i.test(message))
    return `Open311 服务器 ${OPEN311_TIMEOUT_MS / 1000} 秒内没有应答（超时）`;
  if (message === 'terminated' || code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE')
    return '与 Open311 服务器的连接在传输中断开，收到的内容不完整';
  if (code === 'ECONNREFUSED') return 'Open311 服务器拒绝连接（服务未启动或地址、端口有误）';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return '找不到 Open311 服务器的地址（域名无法解析，可能断网或地址有误）';
  if (
    code === 'ETIMEDOUT' ||
    code === 'ENETUNREACH' ||
    code === 'EHOSTUNREACH' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  )
    return '无法连到 Open311 服务器（网络不通或对方无应答）';
  if (code && /CERT|SSL|TLS/i.test(code)) return 'Open311 服务器的 HTTPS 证书无效或不受信任';
  if (name === 'AbortError') return '请求已取消';
  return '与 Open311 服务器通信失败（未知原因，详见日志）';
}
