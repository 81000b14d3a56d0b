/**
 * Who may reach the browser-mode host, and with what: a static token (Authorization: Bearer, the
 * hall_token cookie, or `?token=` on a page load, which sets that cookie for a wall display)
 * grants its role — a `wall` token is a viewer the host marks as a public wall (masked, never more
 * than a viewer even if someone signs in at it); a loopback caller gets the host's loopbackRole —
 * by default none, so they see the login screen. Everyone else needs a token, a session cookie
 * alone is not enough from another machine. The account session (the HttpOnly hall_session
 * cookie) is passed on unresolved: the core's gate resolves it.
 *
 * Every request, whoever sends it, must name this host in `Host` (DNS rebinding) and, when it
 * sends an `Origin`, that origin must be exactly `http://<Host>`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { reasonMessage, type Role } from '../../../../shared/contract/index';

export const TOKEN_COOKIE = 'hall_token';
/** The account session: HttpOnly, SameSite=Strict, Path=/; set on auth.login/auth.setup. */
const SESSION_COOKIE = 'hall_session';
/** A session lasts one shift; the cookie no longer than the session. */
const SESSION_COOKIE_MAX_AGE_S = 12 * 60 * 60;

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_COOKIE_MAX_AGE_S}`;
}
export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
/** A wall display keeps its token for a month; opening `/?token=…` again renews it. */
const TOKEN_COOKIE_MAX_AGE_S = 30 * 24 * 60 * 60;
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${TOKEN_COOKIE_MAX_AGE_S}`;
}

/** What a static token grants: a role, or `wall` (a viewer that is a public wall display). */
export type TokenGrant = Role | 'wall';

export type CallerVia = 'loopback' | 'token';

export type Caller =
  | {
      readonly ok: true;
      /** null: not logged in; only public procedures are allowed. */
      readonly role: Role | null;
      readonly actor: string;
      readonly via: CallerVia;
      /** The hall_session cookie, unresolved (passed to the core's gate, never sent back). */
      readonly session: string | null;
      /** A wall token: the core masks and caps this caller at viewer whoever signs in. */
      readonly wall: boolean;
      /** On this machine without a token: may run first-run setup. */
      readonly local: boolean;
      /** The caller's address, for login throttling. */
      readonly address: string;
    }
  | {
      readonly ok: false;
      readonly status: 401;
      readonly reason: 'token_invalid' | 'token_required';
      readonly message: string;
    };

/** The core's answer for a session token (Core.resolveSession). */
export type SessionResolver = (token: string) => Promise<{ role: Role; actor: string } | null>;

export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  if (addr === '::1') return true;
  const v4 = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** True for an address only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackBind(bind: string): boolean {
  return bind === 'localhost' || isLoopbackAddress(bind);
}

/** A token's fingerprint names the caller in the audit trail without storing the secret. */
function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 8);
}

export class TokenTable {
  private readonly entries: Array<{ digest: Buffer; role: Role; wall: boolean; fp: string }>;
  constructor(tokens: Readonly<Record<string, TokenGrant>>) {
    this.entries = Object.entries(tokens).map(([t, grant]) => ({
      digest: createHash('sha256').update(t).digest(),
      role: grant === 'wall' ? 'viewer' : grant,
      wall: grant === 'wall',
      fp: tokenFingerprint(t),
    }));
  }
  get size(): number {
    return this.entries.length;
  }
  /** Compares digests in constant time so response timing does not leak token prefixes. */
  lookup(token: string): { role: Role; wall: boolean; fp: string } | null {
    const d = createHash('sha256').update(token).digest();
    let found: { role: Role; wall: boolean; fp: string } | null = null;
    for (const e of this.entries)
      if (timingSafeEqual(d, e.digest)) found = { role: e.role, wall: e.wall, fp: e.fp };
    return found;
  }
}

function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The token presented with a request, in order of precedence; '' counts as none. `?token=` is
 * taken only where `queryToken` allows it (a page load that sets the cookie), never on /api: a
 * token in a URL ends up in logs and histories.
 */
function presentedToken(req: IncomingMessage, url: URL, queryToken: boolean): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1] ?? '';
  }
  if (queryToken) {
    const q = url.searchParams.get('token');
    if (q !== null) return q;
  }
  return readCookie(req, TOKEN_COOKIE);
}

/** The caller's address as the core's login throttling counts it (IPv4-mapped IPv6 unwrapped). */
export function callerAddress(req: IncomingMessage): string {
  const a = req.socket.remoteAddress ?? '';
  return (a.startsWith('::ffff:') ? a.slice(7) : a).slice(0, 64);
}

export function identify(
  req: IncomingMessage,
  url: URL,
  tokens: TokenTable,
  loopbackRole: Role | null,
  opts: { readonly queryToken?: boolean } = {},
): Caller {
  const session = readCookie(req, SESSION_COOKIE) || null;
  // A token in an API or socket URL is refused outright: it would end up in logs and histories.
  if (opts.queryToken !== true && url.searchParams.has('token'))
    return { ok: false, status: 401, reason: 'token_invalid', message: reasonMessage('token_invalid') };
  const token = presentedToken(req, url, opts.queryToken === true);
  const address = callerAddress(req);
  if (token !== null) {
    const hit = token === '' ? null : tokens.lookup(token);
    // A wrong token is refused even from loopback: a typo must not silently grant loopbackRole.
    if (!hit)
      return { ok: false, status: 401, reason: 'token_invalid', message: reasonMessage('token_invalid') };
    return {
      ok: true,
      role: hit.role,
      actor: `token:${hit.fp}`,
      via: 'token',
      session,
      wall: hit.wall,
      local: false,
      address,
    };
  }
  if (isLoopbackAddress(req.socket.remoteAddress)) {
    return {
      ok: true,
      role: loopbackRole,
      actor: loopbackRole ? `local:${loopbackRole}` : 'anonymous',
      via: 'loopback',
      session,
      wall: false,
      local: true,
      address,
    };
  }
  return { ok: false, status: 401, reason: 'token_required', message: reasonMessage('token_required') };
}

/** Host names of this machine as a loopback caller may write them. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

/**
 * The host names a request may carry in `Host`: loopback names always (a loopback caller of a
 * LAN bind too); the bind address; for a wildcard bind (0.0.0.0, ::) every address of this
 * machine; and the names given with --allow-host (a DNS name the LAN uses for the hall PC).
 */
export function allowedHostNames(bind: string, extra: readonly string[] = []): Set<string> {
  const out = new Set<string>(LOOPBACK_NAMES);
  const add = (a: string): void => {
    const v = a.toLowerCase();
    out.add(v.includes(':') && !v.startsWith('[') ? `[${v}]` : v);
  };
  if (bind === '0.0.0.0' || bind === '::' || bind === '[::]') {
    for (const list of Object.values(networkInterfaces()))
      for (const i of list ?? []) add(i.address.replace(/%.*$/, ''));
  } else add(bind);
  for (const e of extra) add(e);
  return out;
}

function _hostName(host: string): string {
  const h = host.toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? '';
}

/**
 * Defence against DNS rebinding and cross-site requests: `Host` must name this machine (for every
 * caller: a session cookie or a token does not make a foreign Host acceptable), and `Origin`, when
 * sent, must be exactly `http://<Host>` (this host speaks only http).
 */
export function sameOriginRequest(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const host = req.headers.host;
  if (!host || !/^[A-Za-z0-9.\-:[\]]{1,260}$/.test(host)) return false;
  const name = _hostName(host);
  if (!allowed.has(name) && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    return o.protocol === 'http:' && o.host === host.toLowerCase() && origin === `http://${o.host}`;
  } catch {
    return false;
  }
}
