/**
 * Turns an Open311 response body into records: JSON (arrays, a wrapped array, one object) or
 * the flat XML shapes; GeoReport errors (a list, or an object where a list was expected) become
 * an Open311ResponseError; an HTML page (a proxy's or framework's error page) is named as such.
 * Field-level checks live in records.ts; this file only finds the records.
 */
import { parseXml, xmlRecords, XmlError, type FlatRecord } from './xml';

export type RawRecord = Readonly<Record<string, unknown>>;

export class Open311ResponseError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
    this.name = 'Open311ResponseError';
  }
}

export interface ParsedBody {
  readonly format: 'json' | 'xml';
  /** XML root name, or the JSON wrapper key; null for a bare JSON array. */
  readonly root: string | null;
  readonly records: readonly RawRecord[];
}

/** The spec's own examples write `"service_code":001`: leading-zero numbers become strings. */
function _repairJson(text: string): string {
  return text.replace(/([:[,]\s*)(-?0\d+)(?=\s*[,}\]])/g, '$1"$2"');
}

function _parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (first) {
    try {
      return JSON.parse(_repairJson(text)) as unknown;
    } catch {
      throw new Open311ResponseError(`JSON 无法解析: ${(first as Error).message}`, null);
    }
  }
}

function _isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function _looksLikeError(r: RawRecord): boolean {
  const keys = Object.keys(r);
  return keys.length > 0 && keys.every((k) => k === 'code' || k === 'description') && 'description' in r;
}

function _errorText(errors: readonly RawRecord[]): string {
  return errors
    .map((e) => `${String(e['code'] ?? '?')}: ${String(e['description'] ?? '').slice(0, 300)}`)
    .join('; ');
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.replace(/^\uFEFF/, ''));
}

/**
 * Parses a body. Throws Open311ResponseError for an error list/object, an HTML page or a body
 * that is neither JSON nor XML.
 */
export function parseBody(text: string, httpStatus: number | null = 200): ParsedBody {
  const src = text.replace(/^\uFEFF/, '').trim();
  if (src === '') return { format: 'json', root: null, records: [] };
  if (looksLikeHtml(src)) {
    const title = /<title>([^<]{0,120})<\/title>/i.exec(src)?.[1]?.trim();
    throw new Open311ResponseError(
      `上游返回了 HTML 页面而不是数据${httpStatus ? ` (HTTP ${httpStatus})` : ''}${title ? `: ${title}` : ''}`,
      httpStatus,
    );
  }
  if (src.startsWith('<')) return _fromXml(src, httpStatus);
  return _fromJson(src, httpStatus);
}

function _fromJson(src: string, httpStatus: number | null): ParsedBody {
  const v = _parseJson(src);
  let root: string | null = null;
  let list: unknown[];
  if (Array.isArray(v)) list = v;
  else if (_isObject(v)) {
    // {"errors":[…]} or {"code":…, "description":…}: errors as an object instead of a list.
    if (Array.isArray(v['errors'])) {
      throw new Open311ResponseError(
        `上游返回错误: ${_errorText(v['errors'].filter(_isObject))}`,
        httpStatus,
      );
    }
    if (_looksLikeError(v)) throw new Open311ResponseError(`上游返回错误: ${_errorText([v])}`, httpStatus);
    const wrapped = Object.entries(v).find(([, val]) => Array.isArray(val));
    if (wrapped && Object.keys(v).length <= 3) {
      root = wrapped[0];
      list = wrapped[1] as unknown[];
    } else list = [v];
  } else throw new Open311ResponseError('JSON 不是列表或对象', httpStatus);
  const records = list.filter(_isObject) as RawRecord[];
  if (records.length > 0 && records.every(_looksLikeError)) {
    throw new Open311ResponseError(`上游返回错误: ${_errorText(records)}`, httpStatus);
  }
  if (records.length < list.length) {
    // Non-object entries cannot be requests: keep them visible to the caller as records that fail checks.
    return {
      format: 'json',
      root,
      records: list.map((x) => (_isObject(x) ? x : { _invalid: x })) as RawRecord[],
    };
  }
  return { format: 'json', root, records };
}

function _fromXml(src: string, httpStatus: number | null): ParsedBody {
  let parsed: { root: string; records: FlatRecord[] };
  try {
    parsed = xmlRecords(parseXml(src));
  } catch (err) {
    if (err instanceof XmlError) throw new Open311ResponseError(`XML 无法解析: ${err.message}`, httpStatus);
    throw err;
  }
  if (parsed.root === 'errors' || parsed.root === 'error') {
    throw new Open311ResponseError(`上游返回错误: ${_errorText(parsed.records)}`, httpStatus);
  }
  if (parsed.records.length > 0 && parsed.records.every(_looksLikeError)) {
    throw new Open311ResponseError(`上游返回错误: ${_errorText(parsed.records)}`, httpStatus);
  }
  return { format: 'xml', root: parsed.root, records: parsed.records };
}
