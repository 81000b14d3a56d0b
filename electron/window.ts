/**
 * Electron windows and the app:// protocol that serves the built renderer. Vite emits
 * `crossorigin` module scripts, which file:// refuses; a privileged standard scheme behaves like
 * an https origin instead, and lets every response carry our CSP.
 */
import { open } from 'node:fs/promises';
import { BrowserWindow, protocol, screen, session, type WebContents } from 'electron';
import { mayOpenPresenter, presenterWindowOptions, type DisplayArea } from './meeting-policy';
import { BasemapCatalog, builtinBasemapDir, type BasemapDirs } from './core/adapters/basemap/catalog';
import { answerBasemap, isBasemapPath } from './core/adapters/basemap/serve';
import { securityHeaders } from './core/adapters/host/csp';
import { mimeType } from './core/adapters/host/mime';
import { resolveStatic } from './core/adapters/host/static-files';
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

/** [start, end] of a single `bytes=` range, 'bad' when it cannot be served, null for the whole file. */
export function parseRange(header: string | null, size: number): [number, number] | 'bad' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end = size - 1;
  if (m[1] === '') start = Math.max(0, size - Number(m[2]));
  else {
    start = Number(m[1]);
    if (m[2] !== '') end = Math.min(end, Number(m[2]));
  }
  return start > end || start >= size ? 'bad' : [start, end];
}

/** A file, or the byte range the request asks for (PMTiles basemaps are read piecewise). */
async function fileResponse(
  request: Request,
  filePath: string,
  size: number,
  contentType: string,
  rangesAllowed: boolean,
): Promise<Response> {
  const headers: Record<string, string> = {
    ...securityHeaders(ELECTRON_CSP),
    'Content-Type': contentType,
    'Cache-Control': 'no-cache',
    'Accept-Ranges': 'bytes',
  };
  const range = rangesAllowed ? parseRange(request.headers.get('range'), size) : null;
  if (range === 'bad')
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  const [start, end] = range ?? [0, size - 1];
  const length = Math.max(0, end - start + 1);
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  if (request.method === 'HEAD' || length === 0)
    return new Response(null, { status: range ? 206 : 200, headers });
  const fh = await open(filePath, 'r');
  try {
    const body = Buffer.alloc(length);
    await fh.read(body, 0, length, start);
    return new Response(new Uint8Array(body), { status: range ? 206 : 200, headers });
  } finally {
    await fh.close();
  }
}

async function basemapResponse(
  catalog: BasemapCatalog,
  request: Request,
  pathname: string,
): Promise<Response> {
  // A custom protocol's response is not content-decoded by Chromium: the basemap worker inflates
  // the tile (with an output cap), never this process's main thread.
  const answer = await answerBasemap(catalog, pathname, { unzip: true });
  if (answer.kind === 'not_found') return textResponse(404, 'Not found');
  if (answer.kind === 'busy') return textResponse(503, 'Service unavailable');
  if (answer.kind === 'empty')
    return new Response(null, { status: 204, headers: securityHeaders(ELECTRON_CSP) });
  if (answer.kind === 'file')
    return fileResponse(request, answer.path, answer.size, 'application/vnd.pmtiles', true);
  const data = answer.data;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), {
    status: 200,
    headers: {
      ...securityHeaders(ELECTRON_CSP),
      'Content-Type': answer.contentType,
      'Content-Length': String(data.length),
      'Cache-Control': 'max-age=60',
    },
  });
}

/**
 * The app:// request handler, exported for tests: the renderer's files inside rendererDir (byte
 * ranges served) and the offline basemaps under /basemap/ (electron/core/adapters/basemap/serve.ts).
 */
export function createAppProtocolHandler(rendererDir: string, basemaps?: BasemapDirs) {
  const catalog = new BasemapCatalog(basemaps ?? { builtinDir: builtinBasemapDir(), importedDir: null });
  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return textResponse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    if (isBasemapPath(url.pathname)) return basemapResponse(catalog, request, url.pathname);
    const found = await resolveStatic(rendererDir, url.pathname);
    if (found.kind === 'forbidden') return textResponse(403, 'Forbidden');
    if (found.kind === 'not_found') return textResponse(404, 'Not found');
    return fileResponse(request, found.path, found.size, mimeType(found.path), !found.fallback);
  };
}

/**
 * `basemaps`: main.ts passes `{ builtinDir, importedDir: <dataDir>/basemaps }` so imported
 * basemaps are served too; without it only the shipped ones are.
 */
export function installAppProtocol(rendererDir: string, basemaps?: BasemapDirs): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, basemaps));
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

function _displays(): DisplayArea[] {
  return screen?.getAllDisplays().map((d) => ({ id: d.id, workArea: d.workArea })) ?? [];
}

function _displayOf(contents: WebContents): number | null {
  const win = BrowserWindow.fromWebContents?.(contents);
  return win && screen ? screen.getDisplayMatching(win.getBounds()).id : null;
}

/** Blocks navigation, new windows (but the presenter notes) and <webview> on a webContents. */
function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window.open, not even to the system browser, so a compromised page cannot launch URLs —
  // except meeting mode's presenter notes: a blank same-origin window by name, on another display.
  contents.setWindowOpenHandler((d) =>
    mayOpenPresenter(d)
      ? {
          action: 'allow',
          overrideBrowserWindowOptions: presenterWindowOptions(_displays(), _displayOf(contents)),
        }
      : { action: 'deny' },
  );
  contents.on('did-create-window', (child) => lockDownContents(child.webContents));
}

export function createMainWindow(preload: string, args: ShellArgs): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preload, args));
  lockDownContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl(args));
  return win;
}
