/**
 * Who may reach the browser-mode host, and with what: a static token (Authorization: Bearer,
 * ?token= or the hall_token cookie set when a wall display first opens `/?token=…`) grants its
 * role; a loopback caller gets the host's loopbackRole — by default none, so they see the login
 * screen. Everyone else needs a token, a session cookie alone is not enough from another machine.
 * The account session (the HttpOnly hall_session cookie) is passed on unresolved: the core's gate
 * resolves it, and a live session's account decides the caller's role.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
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
  private readonly entries: Array<{ digest: Buffer; role: Role; fp: string }>;
  constructor(tokens: Readonly<Record<string, Role>>) {
    this.entries = Object.entries(tokens).map(([t, role]) => ({
      digest: createHash('sha256').update(t).digest(),
      role,
      fp: tokenFingerprint(t),
    }));
  }
  get size(): number {
    return this.entries.length;
  }
  /** Compares digests in constant time so response timing does not leak token prefixes. */
  lookup(token: string): { role: Role; fp: string } | null {
    const d = createHash('sha256').update(token).digest();
    let found: { role: Role; fp: string } | null = null;
    for (const e of this.entries) if (timingSafeEqual(d, e.digest)) found = { role: e.role, fp: e.fp };
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

/** The token presented with a request, in order of precedence; '' counts as none. */
function presentedToken(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1] ?? '';
  }
  const q = url.searchParams.get('token');
  if (q !== null) return q;
  return readCookie(req, TOKEN_COOKIE);
}

export function identify(
  req: IncomingMessage,
  url: URL,
  tokens: TokenTable,
  loopbackRole: Role | null,
): Caller {
  const session = readCookie(req, SESSION_COOKIE) || null;
  const token = presentedToken(req, url);
  if (token !== null) {
    const hit = token === '' ? null : tokens.lookup(token);
    // A wrong token is refused even from loopback: a typo must not silently grant loopbackRole.
    if (!hit)
      return { ok: false, status: 401, reason: 'token_invalid', message: reasonMessage('token_invalid') };
    return { ok: true, role: hit.role, actor: `token:${hit.fp}`, via: 'token', session };
  }
  if (isLoopbackAddress(req.socket.remoteAddress)) {
    return {
      ok: true,
      role: loopbackRole,
      actor: loopbackRole ? `local:${loopbackRole}` : 'anonymous',
      via: 'loopback',
      session,
    };
  }
  return { ok: false, status: 401, reason: 'token_required', message: reasonMessage('token_required') };
}

/**
 * Defence against DNS rebinding and cross-site requests to a loopback host: a browser page on
 * another site must not borrow the loopback role. Host must name this machine (for loopback
 * callers without a token) and Origin, when sent, must be the Host itself.
 */
export function sameOriginRequest(req: IncomingMessage, via: CallerVia): boolean {
  const host = req.headers.host;
  if (!host) return false;
  if (via === 'loopback') {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    if (
      !['localhost', '127.0.0.1', '[::1]'].includes(name ?? '') &&
      !/^127\.\d+\.\d+\.\d+$/.test(name ?? '')
    ) {
      return false;
    }
  }
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    return (o.protocol === 'http:' || o.protocol === 'https:') && o.host === host;
  } catch {
    return false;
  }
}
