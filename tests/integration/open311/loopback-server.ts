/**
 * A loopback Open311 GeoReport v2 server (node:http) that follows the published spec — GET
 * services, GET requests with start_date/end_date and page/page_size, GET/POST
 * servicerequestupdates (the extension: a POST changes the request's status and shows up in
 * GET servicerequestupdates under the id the server gives it, as real servers do), errors as a
 * list — with switchable quirks from /work/shared/docs/DATA.md and issue 12 (a maintenance page
 * with status 200, a server ignoring page and dates, a mislabelled charset, a flaky server with
 * 503s, cut-off bodies and delay, a held answer) so the connector can be tested against each.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopRequest {
  readonly service_request_id?: string | number;
  readonly token?: string;
  readonly status: string;
  readonly status_notes?: string | null;
  readonly service_name?: string;
  readonly service_code?: string | number;
  readonly description?: string | null;
  readonly address?: string;
  /** Epoch ms; serialised per the date quirk. */
  readonly requested: number;
  readonly updated: number;
  readonly lat?: unknown;
  readonly long?: unknown;
  readonly media_url?: unknown;
  /** Extra raw fields (wrong types etc.), written as given. */
  readonly extra?: Record<string, unknown>;
}

export interface LoopUpdate {
  readonly update_id: string;
  readonly service_request_id: string;
  readonly status: string;
  readonly updated: number;
  readonly description?: string;
}

export interface Quirks {
  /** ms: 2026-…T…:..:...123Z · plain: no milliseconds, Z · offset: +08:00 · naive: no offset · plus0000: +0000 */
  dates?: 'ms' | 'plain' | 'offset' | 'naive' | 'plus0000';
  /** Server-side cap on page_size (real servers: 20–50). */
  pageLimit?: number;
  /** After the last page: an empty list (spec-like), the last page again, or 404. */
  pastEnd?: 'empty' | 'repeat' | '404';
  /** Ignores page and always returns the first `pageLimit` items. */
  ignorePaging?: boolean;
  /** Requests answer HTML with status 500 this many times. */
  html500?: number;
  /** Requests answer {code, description} (an object, not a list) with 400 this many times. */
  errorObject?: number;
  bom?: boolean;
  /** XML: this root name instead of service_requests. */
  xmlRoot?: string;
  /** Returns items newest first whatever was asked. */
  reverse?: boolean;
  /** POST servicerequestupdates fails this many times (HTTP 500 with an errors list). */
  failPosts?: number;
  /** 404 for GET servicerequestupdates (the extension not offered). */
  noUpdates?: boolean;
  /** 400 when jurisdiction_id is present but empty. */
  rejectEmptyJurisdiction?: boolean;
  /** Ignore end_date/start_date and return everything (some servers). */
  ignoreDates?: boolean;
  /**
   * GET requests answer an HTML maintenance page with status 200 (a proxy in front of the real
   * server): while `until` (Date.now()) has not passed, and/or for the next `count` requests.
   */
  maintenance200?: { until?: number; count?: number };
  /** The charset named in Content-Type (the body stays UTF-8): a mislabelled server. */
  charset?: string;
  /**
   * A flaky server: each GET waits `delayMs`, then answers 503 with probability p503, or sends
   * only part of its body (the connection cut) with probability pTruncate.
   */
  flaky?: { p503: number; pTruncate: number; delayMs: number; rnd?: () => number };
  /** Every GET of requests waits for this before answering (a slow answer held by the test). */
  hold?: () => Promise<void>;
  /** POST servicerequestupdates does not change the request nor list the update (an older server). */
  noEcho?: boolean;
}

export interface PostedUpdate {
  readonly [field: string]: string;
}

export interface LoopbackOpen311 {
  readonly url: string;
  readonly requests: LoopRequest[];
  readonly updates: LoopUpdate[];
  readonly posted: PostedUpdate[];
  /** Every path+query the server saw. */
  readonly hits: string[];
  /** What the flaky quirk did. */
  readonly flakyStats: { served503: number; truncated: number; ok: number };
  quirks: Quirks;
  close(): Promise<void>;
}

export const SERVICES = [
  {
    service_code: '001',
    service_name: '道路破损',
    description: 'Pothole',
    metadata: false,
    type: 'realtime',
    group: 'street',
  },
  {
    service_code: '002',
    service_name: '垃圾堆放',
    description: 'Rubbish',
    metadata: false,
    type: 'realtime',
    group: 'sanitation',
  },
  {
    service_code: '099',
    service_name: '未映射类型',
    description: 'Unmapped',
    metadata: false,
    type: 'realtime',
    group: 'other',
  },
];

function _date(ms: number, style: Quirks['dates']): string {
  const iso = new Date(ms).toISOString();
  switch (style) {
    case 'plain':
      return iso.replace(/\.\d{3}Z$/, 'Z');
    case 'offset':
      return new Date(ms + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
    case 'plus0000':
      return iso.replace(/\.\d{3}Z$/, '+0000');
    case 'naive':
      return iso.replace(/\.\d{3}Z$/, '');
    default:
      return iso;
  }
}

function _xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function _toXml(root: string, item: string, rows: ReadonlyArray<Record<string, unknown>>): string {
  const body = rows
    .map((r) => {
      const fields = Object.entries(r)
        .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]))
        .map(([k, v]) =>
          v === null || v === undefined ? `<${k}/>` : `<${k}>${_xmlEscape(String(v))}</${k}>`,
        )
        .join('');
      return `<${item}>${fields}</${item}>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>\n${body}\n</${root}>`;
}

function _wire(r: LoopRequest, style: Quirks['dates']): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...(r.service_request_id !== undefined ? { service_request_id: r.service_request_id } : {}),
    ...(r.token !== undefined ? { token: r.token } : {}),
    status: r.status,
    status_notes: r.status_notes ?? null,
    service_name: r.service_name ?? null,
    service_code: r.service_code ?? null,
    description: r.description ?? null,
    agency_responsible: null,
    service_notice: null,
    requested_datetime: r.requested === 0 ? '1970-01-01T00:00:00Z' : _date(r.requested, style),
    updated_datetime: _date(r.updated, style),
    expected_datetime: null,
    address: r.address ?? null,
    address_id: null,
    zipcode: null,
    lat: r.lat ?? null,
    long: r.long ?? null,
    ...(r.media_url !== undefined ? { media_url: r.media_url } : {}),
  };
  return { ...out, ...(r.extra ?? {}) };
}

function _readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function _parseSpecDate(s: string | null): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

export async function startLoopbackOpen311(
  init: { requests?: LoopRequest[]; quirks?: Quirks } = {},
): Promise<LoopbackOpen311> {
  const state = {
    requests: init.requests ?? [],
    updates: [] as LoopUpdate[],
    posted: [] as PostedUpdate[],
    hits: [] as string[],
    quirks: init.quirks ?? {},
  };
  const flakyStats = { served503: 0, truncated: 0, ok: 0 };
  const send = (res: ServerResponse, status: number, format: string, body: string): void => {
    const charset = state.quirks.charset ?? 'utf-8';
    const type = format === 'xml' ? `text/xml; charset=${charset}` : `application/json; charset=${charset}`;
    const bytes = Buffer.from((state.quirks.bom ? '\uFEFF' : '') + body, 'utf8');
    const f = state.quirks.flaky;
    if (
      f &&
      status === 200 &&
      res.req.method === 'GET' &&
      bytes.length > 2 &&
      (f.rnd ?? Math.random)() < f.pTruncate
    ) {
      // Announce the whole body, send half of it, cut the connection.
      flakyStats.truncated++;
      res.writeHead(status, { 'content-type': type, 'content-length': bytes.length });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      setTimeout(() => res.socket?.destroy(), 5);
      return;
    }
    if (f) flakyStats.ok++;
    res.writeHead(status, { 'content-type': type, 'content-length': bytes.length });
    res.end(bytes);
  };
  const sendError = (res: ServerResponse, status: number, format: string, description: string): void => {
    const errors = [{ code: status, description }];
    send(res, status, format, format === 'xml' ? _toXml('errors', 'error', errors) : JSON.stringify(errors));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://x');
      state.hits.push(`${req.method} ${u.pathname}${u.search}`);
      const m = /^\/open311\/v2\/([a-z]+)\.(json|xml)$/.exec(u.pathname);
      if (!m) {
        res.writeHead(404).end('not found');
        return;
      }
      const [, resource, format] = m as unknown as [string, string, 'json' | 'xml'];
      const q = state.quirks;
      if (q.flaky && req.method === 'GET') {
        await new Promise((r) => setTimeout(r, q.flaky?.delayMs ?? 0));
        if ((q.flaky.rnd ?? Math.random)() < q.flaky.p503) {
          flakyStats.served503++;
          res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '1' });
          res.end(
            '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>busy</body></html>',
          );
          return;
        }
      }
      if (
        q.rejectEmptyJurisdiction &&
        u.searchParams.has('jurisdiction_id') &&
        u.searchParams.get('jurisdiction_id') === ''
      ) {
        sendError(res, 400, format, 'jurisdiction_id provided but empty');
        return;
      }
      if (resource === 'services' && req.method === 'GET') {
        send(
          res,
          200,
          format,
          format === 'xml' ? _toXml('services', 'service', SERVICES) : JSON.stringify(SERVICES),
        );
        return;
      }
      if (resource === 'requests' && req.method === 'GET') {
        if (q.hold) await q.hold();
        const mt = q.maintenance200;
        if (mt && ((mt.until !== undefined && Date.now() < mt.until) || (mt.count ?? 0) > 0)) {
          if (mt.count) mt.count--;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(
            '<!DOCTYPE html><html><head><title>系统维护中 Scheduled maintenance</title></head><body><p>We will be back soon.</p></body></html>',
          );
          return;
        }
        if (q.html500 && q.html500 > 0) {
          q.html500--;
          res.writeHead(500, { 'content-type': 'text/html' });
          res.end(
            '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>',
          );
          return;
        }
        if (q.errorObject && q.errorObject > 0) {
          q.errorObject--;
          send(res, 400, format, JSON.stringify({ code: 400, description: 'start_date is invalid' }));
          return;
        }
        const from = q.ignoreDates ? null : _parseSpecDate(u.searchParams.get('start_date'));
        const to = q.ignoreDates ? null : _parseSpecDate(u.searchParams.get('end_date'));
        let rows = state.requests
          .filter((r) => (from === null || r.updated >= from) && (to === null || r.updated <= to))
          .sort((a, b) => a.updated - b.updated);
        if (q.reverse) rows = rows.reverse();
        const asked = Number(u.searchParams.get('page_size') ?? '1000');
        const size = Math.min(asked, q.pageLimit ?? 1000);
        const pages = Math.max(1, Math.ceil(rows.length / size));
        let page = q.ignorePaging ? 1 : Number(u.searchParams.get('page') ?? '1');
        if (page > pages) {
          if (q.pastEnd === '404') {
            sendError(res, 404, format, 'page not found');
            return;
          }
          if (q.pastEnd === 'repeat') page = pages;
          else rows = [];
        }
        const slice = rows.slice((page - 1) * size, page * size).map((r) => _wire(r, q.dates));
        send(
          res,
          200,
          format,
          format === 'xml'
            ? _toXml(q.xmlRoot ?? 'service_requests', 'request', slice)
            : JSON.stringify(slice),
        );
        return;
      }
      if (resource === 'servicerequestupdates' && req.method === 'GET') {
        if (q.noUpdates) {
          sendError(res, 404, format, 'not supported');
          return;
        }
        const from = _parseSpecDate(u.searchParams.get('start_date'));
        const to = _parseSpecDate(u.searchParams.get('end_date'));
        const rows = state.updates
          .filter((x) => (from === null || x.updated >= from) && (to === null || x.updated <= to))
          .map((x) => ({
            update_id: x.update_id,
            service_request_id: x.service_request_id,
            status: x.status.toLowerCase(),
            updated_datetime: _date(x.updated, q.dates),
            description: x.description ?? '',
          }));
        send(
          res,
          200,
          format,
          format === 'xml'
            ? _toXml('service_requests_updates', 'request_update', rows)
            : JSON.stringify(rows),
        );
        return;
      }
      if (resource === 'servicerequestupdates' && req.method === 'POST') {
        const form = Object.fromEntries(new URLSearchParams(await _readBody(req)));
        if (q.failPosts && q.failPosts > 0) {
          q.failPosts--;
          sendError(res, 500, format, 'database unavailable');
          return;
        }
        for (const f of ['service_request_id', 'status', 'description', 'updated_datetime']) {
          if (!form[f]) {
            sendError(res, 400, format, `${f} is required`);
            return;
          }
        }
        if (form['status'] !== form['status']?.toUpperCase()) {
          sendError(res, 400, format, 'status must be upper case');
          return;
        }
        state.posted.push(form);
        const updateId = `srv-${state.posted.length}`;
        if (!q.noEcho) {
          // As a real server: the request takes the posted status, and the update is listed.
          const at = Date.parse(form['updated_datetime'] ?? '') || Date.now();
          const i = state.requests.findIndex(
            (r) => String(r.service_request_id) === form['service_request_id'],
          );
          const target = state.requests[i];
          if (target)
            state.requests[i] = { ...target, status: String(form['status']).toLowerCase(), updated: at };
          state.updates.push({
            update_id: updateId,
            service_request_id: String(form['service_request_id']),
            status: String(form['status']).toLowerCase(),
            updated: at,
            description: form['description'] ?? '',
          });
        }
        const ack = [{ update_id: updateId }];
        send(
          res,
          200,
          format,
          format === 'xml' ? _toXml('service_request_updates', 'request_update', ack) : JSON.stringify(ack),
        );
        return;
      }
      sendError(res, 404, format, 'unknown method');
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/open311/v2`,
    requests: state.requests,
    updates: state.updates,
    posted: state.posted,
    hits: state.hits,
    flakyStats,
    get quirks() {
      return state.quirks;
    },
    set quirks(q: Quirks) {
      state.quirks = q;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
