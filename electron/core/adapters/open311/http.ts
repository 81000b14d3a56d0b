/**
 * HTTP for the connector: GET/POST with a timeout and a size cap. The body is decoded by what it
 * is, not only by what the server says it is: a label is often wrong (a UTF-8 body declared
 * ISO-8859-1 turns every Chinese character into mojibake), so valid UTF-8 with non-ASCII bytes
 * is read as UTF-8, a body invalid in its declared charset is tried as UTF-8 and GB18030, and
 * each such repair is reported (`charsetNote`) for the log and the status.
 */
import { looksLikeHtml, Open311ResponseError, parseBody, type ParsedBody } from './parse';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const MAX_BODY_BYTES = 20 * 1024 * 1024;
export const OPEN311_TIMEOUT_MS = 20_000;

export interface HttpResult {
  readonly status: number;
  readonly text: string;
  /** Set when the body was not in the charset its header named (what was done about it, Chinese). */
  readonly charsetNote: string | null;
}

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

function _strict(label: string, buf: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

function _hasHighBytes(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) if ((buf[i] as number) >= 0x80) return true;
  return false;
}

/** Decodes a body; exported for the unit tests of the charset rules. */
export function decodeBody(
  bytes: ArrayBuffer | Uint8Array,
  contentType: string | null,
): { text: string; note: string | null } {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const declared = /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
  const isUtf8Label = declared === null || UTF8.has(declared);
  if (!_hasHighBytes(buf)) return { text: new TextDecoder('utf-8').decode(buf), note: null };
  // Non-ASCII bytes that form valid UTF-8 are UTF-8 in practice (Latin-1 or GBK text is almost
  // never valid UTF-8 by chance): a label that says otherwise is wrong.
  const utf8 = _strict('utf-8', buf);
  if (utf8 !== null) {
    const note = isUtf8Label
      ? null
      : `服务器声明字符集为 ${declared}，但内容是 UTF-8，已按 UTF-8 读取（中文不会变成乱码）`;
    return { text: utf8, note };
  }
  if (!isUtf8Label && declared !== null) {
    const asDeclared = _strict(declared, buf);
    if (asDeclared !== null) return { text: asDeclared, note: null };
  }
  const gb = _strict('gb18030', buf);
  if (gb !== null) {
    return {
      text: gb,
      note: `服务器声明字符集为 ${declared ?? 'UTF-8（默认）'}，但内容不是有效的该编码，已按 GB18030 读取`,
    };
  }
  return {
    text: new TextDecoder('utf-8').decode(buf),
    note: `服务器返回的内容既不是有效的 ${declared ?? 'UTF-8'} 也不是 GB18030，无法识别的字节已替换为 �`,
  };
}

export async function request(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  signal?: AbortSignal,
): Promise<HttpResult> {
  const timeout = AbortSignal.timeout(OPEN311_TIMEOUT_MS);
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
  const body = decodeBody(buf, res.headers.get('content-type'));
  return { status: res.status, text: body.text, charsetNote: body.note };
}

/** A 2xx body parsed into records; anything else becomes an Open311ResponseError naming the status. */
export function recordsOf(res: Pick<HttpResult, 'status' | 'text'>): ParsedBody {
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
