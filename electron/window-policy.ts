/**
 * The Electron shell's security decisions as pure functions (no runtime 'electron' import), so
 * they are unit-tested without Electron: window options, which URLs the app may show, which IPC
 * senders are trusted, how app:// paths map to files.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from './core/adapters/host/csp';

/** The renderer is served from app://hall/ — a standard, secure scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hall';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Electron's CSP: app:// only; no ws: needed since the API goes over IPC. */
export const ELECTRON_CSP = contentSecurityPolicy();

export interface ShellArgs {
  /**
   * A public wall (issue 3, 11): full screen; the main process masks every call and caps it at
   * viewer, whatever the page asks or whoever signs in.
   */
  readonly wall: boolean;
  readonly kiosk: boolean;
  /**
   * DevTools may open. Only in a development run (`app.isPackaged` false): in the installed app
   * someone at a wall's keyboard must not get a console into the page.
   */
  readonly devTools?: boolean;
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  return { wall: argv.includes('--wall'), kiosk: argv.includes('--kiosk') };
}

export function mainWindowOptions(preload: string, args: ShellArgs): BrowserWindowConstructorOptions {
  return {
    width: 1600,
    height: 960,
    minWidth: 1024,
    minHeight: 640,
    title: '街道指挥中心',
    backgroundColor: '#0b1526',
    show: false,
    autoHideMenuBar: true,
    fullscreen: args.wall || args.kiosk,
    kiosk: args.kiosk,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: args.devTools === true,
    },
  };
}

/** The start URL; the wall layout is a query flag the renderer reads. */
export function startUrl(args: ShellArgs): string {
  return args.wall ? `${APP_ENTRY}?wall=1` : APP_ENTRY;
}

function parse(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for pages of our own app:// origin. */
export function isAppUrl(url: string | null | undefined): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * The single-page app never navigates; any navigation (a dropped file, a link, an injected
 * `location =`) is refused. In-app reloads don't emit will-navigate.
 */
export function mayNavigate(_url: string): boolean {
  return false;
}

/** IPC is answered only for the top frame of our own app:// origin. */
export function isTrustedSender(
  frame: { readonly url: string; readonly parent?: unknown } | null | undefined,
): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url);
}

/** Requests the app's session may make: its own protocol, devtools and inline data only. */
export function isAllowedRequestUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  return (
    u.protocol === 'devtools:' ||
    u.protocol === 'data:' ||
    u.protocol === 'blob:' ||
    u.protocol === 'chrome-extension:'
  );
}
