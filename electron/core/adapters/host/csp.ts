/**
 * The Content-Security-Policy of the renderer, one source for both hosts (Electron's app://
 * protocol and the browser-mode HTTP host), so the two cannot drift apart.
 */

export interface CspOptions {
  /**
   * Extra connect-src sources. Browser mode adds `ws://<host>` of the page's own origin: CSP 'self'
   * covers ws: only in newer browsers, so the WebSocket origin is listed explicitly.
   */
  readonly connect?: readonly string[];
  /**
   * Origins of an online basemap an administrator configured (map settings): allowed for fetch
   * (style, vector and raster tiles: MapLibre loads all of them with fetch) and images, and nothing
   * else. Anything but a plain http(s) origin is dropped.
   */
  readonly onlineMap?: readonly string[];
}

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** The origin of an online map URL (style or tile template), or null when it is not http(s). */
export function mapOrigin(url: string | null): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return ORIGIN.test(origin) ? origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(opts: CspOptions = {}): string {
  const online = (opts.onlineMap ?? []).filter((o) => ORIGIN.test(o));
  const connect = ["'self'", ...(opts.connect ?? []), ...online];
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // React and MapLibre set inline styles; no inline scripts are allowed.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...online],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    // MapLibre may start its worker from a blob: URL.
    'worker-src': ["'self'", 'blob:'],
    'child-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** Headers every renderer response carries, whatever the host. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
