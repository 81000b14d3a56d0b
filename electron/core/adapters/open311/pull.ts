/**
 * The pull: GET services (to name unmapped codes), then requests.json in start/end windows with
 * paging, then servicerequestupdates.
 *
 * A window is done only when it was read whole: the cursor moves with it, in the same
 * transaction as its items. A request that fails is tried again at once (twice, after short
 * pauses: a 503 or a cut-off body is usually gone a moment later); a window that still cannot be
 * read stops the pull with an Open311WindowError naming it — the connector keeps it and tries
 * again after a growing pause, for days if need be. Nothing is ever skipped.
 *
 * Servers that ignore parts of the query are detected and said so: a page 2 equal to page 1
 * (paging ignored: the window is narrowed, and widened again once it reads whole); items far
 * outside the asked dates (the window ignored: the whole list is read once per pull, and the
 * connector slows down). A pull makes at most MAX_GETS_PER_PULL requests.
 */
import type { Open311Settings } from '../../../../shared/features/open311/contract';
import { readOpen311ApiKey, readOpen311State, type Open311Quirks } from '../../features/open311';
import { applyRequests, applyUpdates, type BatchResult } from './apply';
import { log, writeState, type ConnectorContext } from './context';
import { formatOpen311Date, parseOpen311Date } from './dates';
import { describeOpen311Error, Open311Cancelled, Open311WindowError, technicalDetail } from './errors';
import { open311Url, recordsOf, request, type HttpResult } from './http';
import { Open311ResponseError, type ParsedBody, type RawRecord } from './parse';
import { ServiceRecord } from './records';

const DAY = 86_400_000;
const MAX_PAGES = 200;
const MAX_WINDOWS_PER_PULL = 50;
/** Requests per pull, all windows together: a server that defeats every other guard cannot make us loop. */
export const MAX_GETS_PER_PULL = 300;
const MIN_WINDOW_MS = 60_000;
/** A first page this long from a server that ignores `page` may be cut off at its limit. */
const TRUNCATION_SUSPECT = 20;
/** Items this far outside the asked window (beyond any clock or time-zone error) mean the window is ignored. */
const DATE_SLACK_MS = DAY;
/** Pauses between the tries of one request (3 tries in all). */
const RETRY_PAUSES_MS = [500, 2_000] as const;

export interface PullSummary {
  readonly windows: number;
  readonly pages: number;
  readonly records: number;
  readonly gets: number;
  readonly created: number;
  readonly statusEvents: number;
  readonly quarantined: number;
  readonly unplaced: number;
  readonly conflicts: number;
  /** The server ignores the date window: the connector should pull less often. */
  readonly slowDown: boolean;
}

interface PullRun {
  readonly ctx: ConnectorContext;
  readonly settings: Open311Settings;
  gets: number;
  charsetNote: string | null;
}

function _sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function _get(
  run: PullRun,
  resource: string,
  params: Record<string, string | number | null>,
): Promise<HttpResult> {
  const { ctx, settings } = run;
  const url = open311Url(settings.endpoint as string, resource, settings.format, {
    jurisdiction_id: settings.jurisdictionId,
    ...params,
  });
  run.gets++;
  const res = await request(
    ctx.fetch,
    url,
    { method: 'GET', headers: { accept: 'application/json, text/xml' } },
    ctx.signal,
  );
  if (res.charsetNote) run.charsetNote = res.charsetNote;
  return res;
}

/**
 * One GET, parsed, tried up to three times. `pass` statuses are returned as they are (404 past
 * the last page, 400/404/501 of a server without the updates extension).
 */
async function _fetch(
  run: PullRun,
  resource: string,
  params: Record<string, string | number | null>,
  pass: readonly number[] = [],
): Promise<{ status: number; body: ParsedBody | null }> {
  const pauses = run.ctx.retryPausesMs ?? RETRY_PAUSES_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await _get(run, resource, params);
      if (pass.includes(res.status)) return { status: res.status, body: null };
      return { status: res.status, body: recordsOf(res) };
    } catch (err) {
      if (run.ctx.signal?.aborted || err instanceof Open311Cancelled) throw err;
      const pause = pauses[attempt];
      if (pause === undefined) throw err;
      log(
        run.ctx,
        'info',
        `GET ${resource} 第 ${attempt + 1} 次失败，${pause / 1000} 秒后重试：${describeOpen311Error(err)} (${technicalDetail(err)})`,
      );
      await _sleep(pause, run.ctx.signal);
    }
  }
}

/** GET services: logs service codes the mapping table does not cover (their requests will be quarantined). */
export async function checkServices(ctx: ConnectorContext, settings: Open311Settings): Promise<number> {
  const run: PullRun = { ctx, settings, gets: 0, charsetNote: null };
  const { body } = await _fetch(run, 'services', {});
  const records = body?.records ?? [];
  const mapped = new Set(settings.serviceMap.map((m) => m.serviceCode));
  const unmapped: string[] = [];
  for (const raw of records) {
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
  return records.length;
}

function _idsKey(records: readonly RawRecord[]): string {
  return records
    .map((r) => String(r['service_request_id'] ?? r['token'] ?? JSON.stringify(r).slice(0, 80)))
    .join('|');
}

interface WindowRead {
  readonly records: RawRecord[];
  readonly pages: number;
  /** The server may have cut the window off (paging ignored with a long first page, or too many pages). */
  readonly maybeTruncated: boolean;
  /** Page 2 came back equal to a long page 1. */
  readonly pagingIgnored: boolean;
  /** Items came back far outside the asked dates. */
  readonly datesIgnored: boolean;
  /** The pull's request budget ran out inside this window: it was not read whole. */
  readonly cutShort: boolean;
}

/** True when neither date of the item is anywhere near [from, to]. */
function _outside(r: RawRecord, from: number, to: number, offset: number): boolean {
  const dates = [r['updated_datetime'], r['requested_datetime']]
    .map((d) => parseOpen311Date(d, offset).ms)
    .filter((d): d is number => d !== null);
  if (dates.length === 0) return false;
  return dates.every((d) => d < from - DATE_SLACK_MS || d > to + DATE_SLACK_MS);
}

async function _readWindow(run: PullRun, from: number, to: number): Promise<WindowRead> {
  const { ctx, settings } = run;
  const records: RawRecord[] = [];
  const seen = new Set<string>();
  let prevKey: string | null = null;
  let firstLen = 0;
  let datesIgnored = false;
  const done = (pages: number, extra: Partial<WindowRead> = {}): WindowRead => ({
    records,
    pages,
    maybeTruncated: false,
    pagingIgnored: false,
    datesIgnored,
    cutShort: false,
    ...extra,
  });
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { status, body } = await _fetch(
      run,
      'requests',
      {
        start_date: formatOpen311Date(from),
        end_date: formatOpen311Date(to),
        page,
        page_size: settings.pageSize,
      },
      [404],
    );
    if (status === 404 || !body) {
      // Past the end (or, on page 1, "nothing found" on servers that answer empty with 404).
      if (page > 1) log(ctx, 'info', `第 ${page} 页返回 404，视为末页`);
      else
        log(ctx, 'info', `窗口 ${formatOpen311Date(from)} – ${formatOpen311Date(to)} 返回 404，视为没有记录`);
      return done(page);
    }
    if (page === 1 && body.format === 'xml' && body.root !== 'service_requests') {
      log(ctx, 'info', `XML 根元素是 <${body.root ?? '?'}> 而不是 <service_requests>，照常读取`);
    }
    if (body.records.length === 0) return done(page);
    if (!datesIgnored && body.records.some((r) => _outside(r, from, to, settings.naiveOffsetMinutes)))
      datesIgnored = true;
    const key = _idsKey(body.records);
    if (key === prevKey) {
      const ignored = page === 2 && firstLen >= TRUNCATION_SUSPECT;
      log(ctx, 'info', `第 ${page} 页与上一页相同（服务器忽略分页或在末页后重复），视为末页`);
      return done(page, { maybeTruncated: ignored, pagingIgnored: ignored });
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
      return done(page);
    }
    if (run.gets >= MAX_GETS_PER_PULL) return done(page, { cutShort: true });
  }
  log(ctx, 'warn', `窗口超过 ${MAX_PAGES} 页，缩小窗口重读`);
  return done(MAX_PAGES, { maybeTruncated: true });
}

/** Pulls requests window by window up to now. Throws Open311WindowError for a window it could not read whole. */
export async function pullRequests(ctx: ConnectorContext, settings: Open311Settings): Promise<PullSummary> {
  const now = ctx.now();
  const st = readOpen311State(ctx.db);
  const run: PullRun = { ctx, settings, gets: 0, charsetNote: null };
  let quirks: Open311Quirks = { ...st.quirks };
  let windows = 0;
  let pages = 0;
  let total = 0;
  const acc = { created: 0, statusEvents: 0, quarantined: 0, unplaced: 0, conflicts: 0 };
  const orderIds = new Set<string>();
  let start = st.windowStart ?? settings.since ?? now - 7 * DAY;
  const full = settings.windowDays * DAY;
  let span = Math.min(full, st.spanMs ?? full);
  while (start < now && windows < MAX_WINDOWS_PER_PULL) {
    if (run.gets >= MAX_GETS_PER_PULL) {
      log(ctx, 'warn', `本轮已发出 ${run.gets} 次请求（上限），其余窗口留到下一轮，已读取的不会丢失`);
      break;
    }
    let end = quirks.ignoresDates ? now : Math.min(start + span, now);
    const from = Math.max(0, start - settings.overlapMinutes * 60_000);
    let read: WindowRead;
    try {
      read = await _readWindow(run, from, end);
    } catch (err) {
      if (ctx.signal?.aborted || err instanceof Open311Cancelled) throw err;
      throw new Open311WindowError('requests', from, end, err);
    }
    if (read.cutShort) {
      log(ctx, 'warn', `本轮已发出 ${run.gets} 次请求（上限），这个窗口留到下一轮重读，已读取的不会丢失`);
      break;
    }
    if (read.datesIgnored) {
      if (!quirks.ignoresDates)
        log(
          ctx,
          'warn',
          '服务器不按 start_date/end_date 筛选（返回了窗口之外的请求）：改为每轮读取它给出的整个列表，并放慢拉取频率',
        );
      quirks = { ...quirks, ignoresDates: true };
      // What came back is the server's whole list: it covers everything up to now.
      end = now;
    }
    if (read.pagingIgnored && !quirks.ignoresPaging) {
      log(ctx, 'warn', '服务器忽略 page 参数（第 2 页与第 1 页相同）：改用更小的日期窗口逐段读取');
      quirks = { ...quirks, ignoresPaging: true };
    }
    if (read.maybeTruncated && !quirks.ignoresDates && end - start > MIN_WINDOW_MS) {
      span = Math.max(MIN_WINDOW_MS, Math.floor((end - start) / 2));
      log(
        ctx,
        'warn',
        `服务器不分页且可能截断了结果 (${read.records.length} 条)，窗口缩小为 ${Math.round(span / 60_000)} 分钟重读`,
      );
      continue;
    }
    let cappedAt = quirks.cappedAt;
    if (read.maybeTruncated && quirks.ignoresDates) {
      if (cappedAt !== read.records.length)
        log(
          ctx,
          'error',
          `服务器既不分页也不按日期筛选，每次只返回前 ${read.records.length} 条：其余请求无法从该服务器读取，请联系对方修复接口`,
        );
      cappedAt = read.records.length;
    } else if (read.maybeTruncated) {
      log(ctx, 'warn', `窗口已缩至 1 分钟仍可能被截断，可能漏单`);
    } else if (quirks.ignoresDates) cappedAt = null;
    quirks = { ...quirks, cappedAt, charsetNote: run.charsetNote ?? quirks.charsetNote };
    const q = quirks;
    const spanNow = span;
    const r: BatchResult = applyRequests(ctx, settings, read.records, () => ({
      windowStart: end,
      spanMs: spanNow < full ? spanNow : null,
      quirks: q,
    }));
    windows++;
    pages += read.pages;
    total += read.records.length;
    acc.created += r.created;
    acc.statusEvents += r.statusEvents;
    acc.quarantined += r.quarantined;
    acc.unplaced += r.unplaced;
    acc.conflicts += r.conflicts;
    for (const id of r.orderIds) orderIds.add(id);
    start = end;
    // A window read whole at a narrowed span: widen again, so one dense hour does not slow every later day.
    if (!read.maybeTruncated && span < full) span = Math.min(full, span * 2);
  }
  if (run.charsetNote) log(ctx, 'warn', run.charsetNote);
  if (orderIds.size) ctx.hint({ topic: 'orders.changed', orderIds: [...orderIds] });
  return { windows, pages, records: total, gets: run.gets, ...acc, slowDown: quirks.ignoresDates };
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
  const run: PullRun = { ctx, settings, gets: 0, charsetNote: null };
  let res: { status: number; body: ParsedBody | null };
  try {
    res = await _fetch(
      run,
      'servicerequestupdates',
      {
        start_date: formatOpen311Date(from),
        end_date: formatOpen311Date(now),
        api_key: readOpen311ApiKey(ctx.db),
      },
      [400, 404, 501],
    );
  } catch (err) {
    if (ctx.signal?.aborted || err instanceof Open311Cancelled) throw err;
    const e =
      err instanceof Open311ResponseError
        ? new Open311ResponseError(`servicerequestupdates: ${err.message}`, err.httpStatus)
        : err;
    throw new Open311WindowError('updates', from, now, e);
  }
  if (!res.body) {
    log(ctx, 'info', `服务器不支持 servicerequestupdates (HTTP ${res.status})，只拉取请求状态`);
    writeState(ctx, { updatesUnsupported: true });
    return null;
  }
  const r = applyUpdates(ctx, settings, res.body.records, { updatesStart: now });
  if (r.orderIds.length) ctx.hint({ topic: 'orders.changed', orderIds: [...r.orderIds] });
  return r;
}
