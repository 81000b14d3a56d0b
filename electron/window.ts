/**
 * Electron windows and the app:// protocol that serves the built renderer. Vite emits
 * `crossorigin` module scripts, which file:// refuses; a privileged standard scheme behaves like
 * an https origin instead, and lets every response carry our CSP.
 */
import { readFile } from 'node:fs/promises';
import { BrowserWindow, protocol, session, type WebContents } from 'electron';
import { securityHeaders } from './core/host/csp';
import { mimeType } from './core/host/mime';
import { resolveStatic } from './core/host/static-files';
import {
  APP_HOST,
  APP_SCHEME,
  ELECTRON_CSP,
  isAllowedRequestUrl,
  mainWindowOptions,
  mayNavigate,
  startUrl,
  type ShellArgs,
} from './window-policy';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
    },
  ]);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(ELECTRON_CSP), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The app:// request handler, exported for tests: resolves inside rendererDir or refuses. */
export function createAppProtocolHandler(rendererDir: string) {
  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return textResponse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const found = await resolveStatic(rendererDir, url.pathname);
    if (found.kind === 'forbidden') return textResponse(403, 'Forbidden');
    if (found.kind === 'not_found') return textResponse(404, 'Not found');
    // TODO(hosts): stream and serve ranges once large basemap files (PMTiles) are read through app://.
    const body = await readFile(found.path);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        ...securityHeaders(ELECTRON_CSP),
        'Content-Type': mimeType(found.path),
        'Content-Length': String(body.length),
        'Cache-Control': 'no-cache',
      },
    });
  };
}

export function installAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

/** Session-wide rules: no remote content, no permissions (camera, geolocation, notifications…). */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}

/** Blocks navigation, new windows and <webview> on a webContents. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window.open at all: not even to the system browser, so a compromised page cannot launch URLs.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(preload: string, args: ShellArgs): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preload, args));
  lockDownContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl(args));
  return win;
}
