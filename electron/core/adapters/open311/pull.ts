/**
 * The pull: GET services (to name unmapped codes), then requests.json in start/end windows with
 * paging, then servicerequestupdates. The cursor moves only with a fully read window, in the same
 * transaction as its items, and never stalls: a page past the end that repeats the last page or
 * answers 404 ends the window; a window a server truncates without paging is halved; a window
 * that keeps failing is skipped after MAX_WINDOW_FAILURES with an error line and a quarantine row.
 */
import type { Open311Settings } from '../../../../shared/features/open311/contract';
import { readOpen311ApiKey, readOpen311State, writeOpen311State } from '../../features/open311';
import { recordQuarantine } from '../../features/sync';
import { applyRequests, applyUpdates, type BatchResult } from './apply';
import { log, type ConnectorContext } from './context';
import { formatOpen311Date } from './dates';
import { open311Url, recordsOf, request } from './http';
import { Open311ResponseError, type RawRecord } from './parse';
import { ServiceRecord } from './records';

const DAY = 86_400_000;
const MAX_PAGES = 200;
const MAX_WINDOWS_PER_PULL = 50;
const MIN_WINDOW_MS = 60_000;
/** A first page this long from a server that ignores `page` may be cut off at its limit. */
const TRUNCATION_SUSPECT = 20;
export const MAX_WINDOW_FAILURES = 5;

export interface PullSummary {
  readonly windows: number;
  readonly pages: number;
  readonly records: number;
  readonly created: number;
  readonly statusEvents: number;
  readonly quarantined: number;
}

async function _get(
  ctx: ConnectorContext,
  settings: Open311Settings,
  resource: string,
  params: Record<string, string | number | null>,
) {
  const url = open311Url(settings.endpoint as string, resource, settings.format, {
    jurisdiction_id: settings.jurisdictionId,
    ...params,
  });
  return request(
    ctx.fetch,
    url,
    { method: 'GET', headers: { accept: 'application/json, text/xml' } },
    ctx.signal,
  );
}

/** GET services: logs service codes the mapping table does not cover (their requests will be quarantined). */
export async function checkServices(ctx: ConnectorContext, settings: Open311Settings): Promise<number> {
  const body = recordsOf(await _get(ctx, settings, 'services', {}));
  const mapped = new Set(settings.serviceMap.map((m) => m.serviceCode));
  const unmapped: string[] = [];
  for (const raw of body.records) {
    const s = ServiceRecord.safeParse(raw);
    if (s.success && s.data.service_code && !mapped.has(s.data.service_code))
      unmapped.push(`${s.data.service_code}${s.data.service_name ? ` (${s.data.service_name})` : ''}`);
  }
  if (unmapped.length) {
    log(
      ctx,
      'info',
      `上游有 ${unmapped.length} 个服务类型未映射: ${unmapped.slice(0, 10).join(', ')}${unmapped.length > 10 ? ' …' : ''}`,
    );
  }
  return body.records.length;
}

function _idsKey(records: readonly RawRecord[]): string {
  return records
    .map((r) => String(r['service_request_id'] ?? r['token'] ?? JSON.stringify(r).slice(0, 80)))
    .join('|');
}

interface WindowRead {
  readonly records: RawRecord[];
  readonly pages: number;
  /** Paging looked ignored and the first page was long: the server may have cut the window off. */
  readonly maybeTruncated: boolean;
}

async function _readWindow(
  ctx: ConnectorContext,
  settings: Open311Settings,
  from: number,
  to: number,
): Promise<WindowRead> {
  const records: RawRecord[] = [];
  const seen = new Set<string>();
  let prevKey: string | null = null;
  let firstLen = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await _get(ctx, settings, 'requests', {
      start_date: formatOpen311Date(from),
      end_date: formatOpen311Date(to),
      page,
      page_size: settings.pageSize,
    });
    if (res.status === 404) {
      // Past the end (or, on page 1, "nothing found" on servers that answer empty with 404).
      if (page > 1) log(ctx, 'info', `第 ${page} 页返回 404，视为末页`);
      else
        log(ctx, 'info', `窗口 ${formatOpen311Date(from)} – ${formatOpen311Date(to)} 返回 404，视为没有记录`);
      return { records, pages: page, maybeTruncated: false };
    }
    const body = recordsOf(res);
    if (page === 1 && body.format === 'xml' && body.root !== 'service_requests') {
      log(ctx, 'info', `XML 根元素是 <${body.root ?? '?'}> 而不是 <service_requests>，照常读取`);
    }
    if (body.records.length === 0) return { records, pages: page, maybeTruncated: false };
    const key = _idsKey(body.records);
    if (key === prevKey) {
      log(ctx, 'info', `第 ${page} 页与上一页相同（服务器忽略分页或在末页后重复），视为末页`);
      return { records, pages: page, maybeTruncated: page === 2 && firstLen >= TRUNCATION_SUSPECT };
    }
    prevKey = key;
    if (page === 1) firstLen = body.records.length;
    let fresh = 0;
    for (const r of body.records) {
      const id = String(r['service_request_id'] ?? r['token'] ?? '');
      const k = id ? `${id}@${String(r['updated_datetime'] ?? '')}` : `${records.length}`;
      if (!seen.has(k)) fresh++;
      seen.add(k);
      records.push(r);
    }
    if (fresh === 0) {
      log(ctx, 'info', `第 ${page} 页没有新记录，视为末页`);
      return { records, pages: page, maybeTruncated: false };
    }
  }
  log(ctx, 'warn', `窗口超过 ${MAX_PAGES} 页，剩余部分留到下一轮`);
  return { records, pages: MAX_PAGES, maybeTruncated: true };
}

/** Pulls requests window by window up to now. */
export async function pullRequests(ctx: ConnectorContext, settings: Open311Settings): Promise<PullSummary> {
  const now = ctx.now();
  let windows = 0;
  let pages = 0;
  let total = 0;
  const acc = { created: 0, statusEvents: 0, quarantined: 0 };
  const orderIds = new Set<string>();
  let start = readOpen311State(ctx.db).windowStart ?? settings.since ?? now - 7 * DAY;
  let span = settings.windowDays * DAY;
  while (start < now && windows < MAX_WINDOWS_PER_PULL) {
    const end = Math.min(start + span, now);
    const from = Math.max(0, start - settings.overlapMinutes * 60_000);
    let read: WindowRead;
    try {
      read = await _readWindow(ctx, settings, from, end);
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      const st = readOpen311State(ctx.db);
      const failures = (st.windowFailures ?? 0) + 1;
      if (failures < MAX_WINDOW_FAILURES) {
        writeOpen311State(ctx.db, { windowFailures: failures });
        throw err;
      }
      // Never stall on one poisoned window: skip it, visibly.
      const reason = `窗口 ${formatOpen311Date(from)} – ${formatOpen311Date(end)} 连续 ${failures} 次失败，已跳过`;
      log(ctx, 'error', `${reason}: ${(err as Error).message}`);
      ctx.db.transaction(() => {
        recordQuarantine(ctx.db, {
          source: 'open311',
          reason,
          payload: (err as Error).message,
          ref: formatOpen311Date(from),
          at: ctx.now(),
        });
        writeOpen311State(ctx.db, { windowStart: end, windowFailures: 0 });
      })();
      start = end;
      windows++;
      continue;
    }
    if (read.maybeTruncated && end - start > MIN_WINDOW_MS) {
      span = Math.max(MIN_WINDOW_MS, Math.floor((end - start) / 2));
      log(
        ctx,
        'warn',
        `服务器不分页且可能截断了结果 (${read.records.length} 条)，窗口缩小为 ${Math.round(span / 60_000)} 分钟重读`,
      );
      continue;
    }
    if (read.maybeTruncated) log(ctx, 'warn', `窗口已缩至 1 分钟仍可能被截断，可能漏单`);
    const r: BatchResult = applyRequests(ctx, settings, read.records, () => ({
      windowStart: end,
      windowFailures: 0,
    }));
    windows++;
    pages += read.pages;
    total += read.records.length;
    acc.created += r.created;
    acc.statusEvents += r.statusEvents;
    acc.quarantined += r.quarantined;
    for (const id of r.orderIds) orderIds.add(id);
    start = end;
    span = settings.windowDays * DAY;
  }
  if (orderIds.size) ctx.hint({ topic: 'orders.changed', orderIds: [...orderIds] });
  return { windows, pages, records: total, ...acc };
}

/** GET servicerequestupdates (the extension); a server without it answers 404/400 once and is left alone. */
export async function pullUpdates(
  ctx: ConnectorContext,
  settings: Open311Settings,
): Promise<BatchResult | null> {
  const st = readOpen311State(ctx.db);
  if (st.updatesUnsupported) return null;
  const now = ctx.now();
  const start = st.updatesStart ?? st.windowStart ?? settings.since ?? now - 7 * DAY;
  const from = Math.max(0, start - settings.overlapMinutes * 60_000);
  const res = await _get(ctx, settings, 'servicerequestupdates', {
    start_date: formatOpen311Date(from),
    end_date: formatOpen311Date(now),
    api_key: readOpen311ApiKey(ctx.db),
  });
  if (res.status === 404 || res.status === 400 || res.status === 501) {
    log(ctx, 'info', `服务器不支持 servicerequestupdates (HTTP ${res.status})，只拉取请求状态`);
    writeOpen311State(ctx.db, { updatesUnsupported: true });
    return null;
  }
  let records: readonly RawRecord[];
  try {
    records = recordsOf(res).records;
  } catch (err) {
    if (err instanceof Open311ResponseError)
      throw new Open311ResponseError(`servicerequestupdates: ${err.message}`, err.httpStatus);
    throw err;
  }
  const r = applyUpdates(ctx, settings, records, { updatesStart: now });
  if (r.orderIds.length) ctx.hint({ topic: 'orders.changed', orderIds: [...r.orderIds] });
  return r;
}
