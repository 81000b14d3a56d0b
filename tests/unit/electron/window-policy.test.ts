import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  ELECTRON_CSP,
  isAllowedRequestUrl,
  isAppUrl,
  isTrustedSender,
  mainWindowOptions,
  mayNavigate,
  parseShellArgs,
  startUrl,
} from '../../../electron/window-policy';

describe('window options', () => {
  it('turn on every security flag', () => {
    const o = mainWindowOptions('/x/preload.cjs', { wall: false, kiosk: false });
    expect(o.webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(o.fullscreen).toBe(false);
  });

  it('go full screen for --wall and kiosk for --kiosk', () => {
    expect(mainWindowOptions('p', parseShellArgs(['electron', '.', '--wall']))).toMatchObject({
      fullscreen: true,
      kiosk: false,
    });
    expect(mainWindowOptions('p', parseShellArgs(['--kiosk']))).toMatchObject({
      fullscreen: true,
      kiosk: true,
    });
    expect(startUrl({ wall: true, kiosk: false })).toBe(`${APP_ENTRY}?wall=1`);
  });
});

describe('CSP', () => {
  it('is strict', () => {
    const d = Object.fromEntries(
      ELECTRON_CSP.split('; ').map((s) => [s.split(' ')[0], s.split(' ').slice(1).join(' ')]),
    );
    expect(d['default-src']).toBe("'self'");
    expect(d['script-src']).toBe("'self'");
    expect(d['object-src']).toBe("'none'");
    expect(d['img-src']).toBe("'self' data: blob:");
    expect(d['style-src']).toBe("'self' 'unsafe-inline'");
    expect(d['worker-src']).toBe("'self' blob:");
    expect(d['frame-ancestors']).toBe("'none'");
    expect(ELECTRON_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('origin checks', () => {
  it('trust only the top frame of app://hall', () => {
    expect(isTrustedSender({ url: 'app://hall/index.html' })).toBe(true);
    expect(isTrustedSender({ url: 'app://hall/orders?x=1' })).toBe(true);
    expect(isTrustedSender({ url: 'app://evil/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'https://hall/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'app://user:pw@hall/' })).toBe(false);
    expect(isTrustedSender({ url: 'app://hall/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'not a url' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('refuse every navigation', () => {
    expect(mayNavigate('https://example.com/')).toBe(false);
    expect(mayNavigate('file:///etc/passwd')).toBe(false);
    expect(mayNavigate('app://hall/other')).toBe(false);
  });

  it('allow no remote requests', () => {
    expect(isAllowedRequestUrl('app://hall/assets/x.js')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/x.js')).toBe(true);
    expect(isAllowedRequestUrl('https://tiles.example.com/1/2/3.png')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5174/api/x')).toBe(false);
    expect(isAllowedRequestUrl('ws://127.0.0.1/')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://other/')).toBe(false);
  });
});
