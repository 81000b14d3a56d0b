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
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new SyncError('network', `无法连接上级平台 (${cause})`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw new SyncError('network', `与上级平台的连接中断 (${(err as Error).message})`);
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
    async register(registrationToken: string, node: string): Promise<RegisterResponse> {
      const text = await _request(opts, ROUTES.register, {
        method: 'POST',
        token: registrationToken,
        body: JSON.stringify({ node }),
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
