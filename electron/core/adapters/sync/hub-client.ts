/**
 * The hall's HTTP client of the hub protocol (fetch, loopback or LAN). Every request carries the
 * protocol version and a timeout; failures are classified so the engine can tell "offline"
 * (nothing gets through) from "degraded" (the hub answers, but with errors).
 */
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PullResponse,
  ROUTES,
  type InfoResponse,
  type PushResponse,
  type RegisterResponse,
} from '../../../../shared/features/sync/protocol';

export type SyncErrorKind = 'network' | 'http' | 'auth' | 'protocol' | 'bad_response';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
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

/** Why the hub could not be reached, as a sentence (the raw code in brackets for the log reader). */
export function unreachableText(err: unknown, timeoutMs: number): string {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  const code = _code(err);
  let why: string;
  if (name === 'TimeoutError' || /aborted due to timeout/i.test(message))
    why = `上级平台 ${Math.round(timeoutMs / 1000)} 秒内没有应答（超时）`;
  else if (code === 'ECONNREFUSED') why = '上级平台拒绝连接（服务未启动，或地址、端口有误）';
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    why = '找不到上级平台的地址（域名无法解析，可能断网）';
  else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || message === 'terminated' || code === 'EPIPE')
    why = '与上级平台的连接在传输中断开';
  else if (
    code === 'ETIMEDOUT' ||
    code === 'ENETUNREACH' ||
    code === 'EHOSTUNREACH' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  )
    why = '网络不通，连不到上级平台';
  else why = '网络异常';
  return `无法连接上级平台：${why}${code ? ` [${code}]` : ''}`;
}

export interface HubClientOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

const UTF8 = new TextEncoder();

function _url(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

async function _request(
  opts: HubClientOptions,
  path: string,
  init: { method: string; token?: string | null; body?: string | Uint8Array<ArrayBuffer> },
): Promise<string> {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(_url(opts.baseUrl, path), {
      method: init.method,
      headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    throw new SyncError('network', unreachableText(err, opts.timeoutMs));
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw new SyncError('network', unreachableText(err, opts.timeoutMs));
  }
  if (res.ok) return text;
  let message = `上级平台返回 ${res.status}`;
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message = `${message}: ${body.error.message.slice(0, 300)}`;
  } catch {
    // Not our hub's JSON error (a proxy's page): the status alone says enough.
  }
  if (res.status === 426) throw new SyncError('protocol', message, res.status);
  if (res.status === 401 || res.status === 403) throw new SyncError('auth', message, res.status);
  // Registration refused: the node name belongs to a hall whose token we do not hold.
  if (res.status === 409 && path === ROUTES.register) throw new SyncError('auth', message, res.status);
  throw new SyncError('http', message, res.status);
}

function _json<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new SyncError('bad_response', `上级平台的${what}应答不是有效的 JSON`);
  }
}

export function createHubClient(opts: HubClientOptions) {
  return {
    /**
     * Registers `node` with the hub's registration token. `proposed` is the node token this hall
     * chose (kept before the request), so a register whose answer was lost can be repeated: the
     * hub answers the same node and token again, and refuses anyone without it.
     */
    async register(registrationToken: string, node: string, proposed?: string): Promise<RegisterResponse> {
      const text = await _request(opts, ROUTES.register, {
        method: 'POST',
        token: registrationToken,
        body: JSON.stringify(proposed ? { node, token: proposed } : { node }),
      });
      const r = _json<Partial<RegisterResponse>>(text, '注册');
      if (typeof r.token !== 'string' || typeof r.hubNode !== 'string')
        throw new SyncError('bad_response', '上级平台的注册应答缺少令牌');
      return { node, token: r.token, hubNode: r.hubNode };
    },
    /** `eventsJson` is a ready JSON array (outboxEventsJson). */
    async push(token: string, knownSeq: number, eventsJson: string): Promise<PushResponse> {
      const text = await _request(opts, ROUTES.push, {
        method: 'POST',
        token,
        // Bytes, not a string: fetch would first scan a megabyte string for lone surrogates.
        body: UTF8.encode(`{"knownSeq":${knownSeq},"events":${eventsJson}}`),
      });
      const r = _json<PushResponse>(text, '推送');
      if (!Array.isArray(r.acked) || !Array.isArray(r.refused) || !Array.isArray(r.concurrent))
        throw new SyncError('bad_response', '上级平台的推送应答格式错误');
      return r;
    },
    async pull(token: string, after: number, limit: number): Promise<PullResponse> {
      const text = await _request(opts, `${ROUTES.pull}?after=${after}&limit=${limit}`, {
        method: 'GET',
        token,
      });
      const parsed = PullResponse.safeParse(_json<unknown>(text, '拉取'));
      if (!parsed.success) throw new SyncError('bad_response', '上级平台的拉取应答格式错误');
      return parsed.data;
    },
    async info(): Promise<InfoResponse> {
      const r = _json<Partial<InfoResponse>>(await _request(opts, ROUTES.info, { method: 'GET' }), '版本');
      if (typeof r.hubNode !== 'string' || typeof r.protocol !== 'number')
        throw new SyncError('bad_response', '上级平台的版本应答格式错误');
      return r as InfoResponse;
    },
    hintsUrl(token: string): string {
      const u = new URL(_url(opts.baseUrl, ROUTES.hints));
      u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
      u.searchParams.set('protocol', String(PROTOCOL_VERSION));
      u.searchParams.set('token', token);
      return u.toString();
    },
  };
}

export type HubClient = ReturnType<typeof createHubClient>;
