/**
 * HTTP for the connector: GET/POST with a timeout and a size cap, decoding the body by the
 * charset the server names (some send GBK or Latin-1; a byte-order mark is dropped).
 */
import { looksLikeHtml, Open311ResponseError, parseBody, type ParsedBody } from './parse';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

export interface HttpResult {
  readonly status: number;
  readonly text: string;
}

function _decode(buf: ArrayBuffer, contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(buf);
    } catch {
      // An unknown label: fall back to UTF-8 below.
    }
  }
  return new TextDecoder('utf-8').decode(buf);
}

export async function request(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  signal?: AbortSignal,
): Promise<HttpResult> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const res = await fetchImpl(url, {
    ...init,
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw new Open311ResponseError(`响应过大 (${declared} 字节)`, res.status);
  }
  const buf = await res.arrayBuffer();
  if (buf.byteLength > MAX_BODY_BYTES)
    throw new Open311ResponseError(`响应过大 (${buf.byteLength} 字节)`, res.status);
  return { status: res.status, text: _decode(buf, res.headers.get('content-type')) };
}

/** A 2xx body parsed into records; anything else becomes an Open311ResponseError naming the status. */
export function recordsOf(res: HttpResult): ParsedBody {
  if (res.status >= 200 && res.status < 300) return parseBody(res.text, res.status);
  if (looksLikeHtml(res.text)) parseBody(res.text, res.status); // throws, naming the HTML page
  try {
    parseBody(res.text, res.status);
  } catch (err) {
    if (err instanceof Open311ResponseError)
      throw new Open311ResponseError(`HTTP ${res.status}: ${err.message}`, res.status);
    throw err;
  }
  throw new Open311ResponseError(`HTTP ${res.status}`, res.status);
}

export function open311Url(
  endpoint: string,
  resource: string,
  format: 'json' | 'xml',
  params: Readonly<Record<string, string | number | null | undefined>>,
): string {
  const base = endpoint.replace(/\/+$/, '');
  const u = new URL(`${base}/${resource}.${format}`);
  for (const [k, v] of Object.entries(params)) {
    // An empty jurisdiction_id= is refused by some servers: leave blank parameters out.
    if (v !== null && v !== undefined && String(v) !== '') u.searchParams.set(k, String(v));
  }
  return u.toString();
}
