/**
 * Electron main process: wiring only. Opens the core (SQL in its worker thread), serves the
 * renderer on app://hall/, bridges window.hall over IPC. No domain logic here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { builtinBasemapDir, importedBasemapDir } from './core/adapters/basemap/catalog';
import { createCore, type Core } from './core/runtime/core';
import { registerHallIpc } from './main-ipc';
import { registerPrintIpc } from './main-print';
import { createMainWindow, hardenSession, installAppProtocol, registerAppScheme } from './window';
import { parseShellArgs } from './window-policy';

// dist-electron/main.cjs → project (or app) root is one level up.
const appRoot = path.resolve(__dirname, '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preload = path.join(__dirname, 'preload.cjs');
// DevTools and the default menu (with its reload and toggle-DevTools items) only in development.
const args = { ...parseShellArgs(process.argv), devTools: !app.isPackaged };

/** An Electron-ABI build of better-sqlite3 (node_modules holds the Node build; see scripts/start.mjs). */
function electronNativeBinding(): string | undefined {
  const candidates = [
    app.isPackaged ? path.join(process.resourcesPath, 'native', 'electron', 'better_sqlite3.node') : null,
    path.join(appRoot, 'resources', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p): p is string => p !== null && existsSync(p));
}

/** HALL_DEMO=0 opens an empty store; HALL_DEMO_DAYS sets the seeded history (default a year). */
function demoOption(): { days: number } | false {
  if (process.env.HALL_DEMO === '0') return false;
  const days = Number(process.env.HALL_DEMO_DAYS);
  return { days: Number.isInteger(days) && days > 0 ? days : 365 };
}

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second hall on the same data would fight over the database: focus the first one instead.
  app.quit();
} else {
  let core: Core | null = null;
  const nativeBinding = electronNativeBinding();
  const dataDir = (): string => path.join(app.getPath('userData'), 'data');
  const corePromise = app.whenReady().then(() =>
    createCore({
      dataDir: dataDir(),
      host: 'electron',
      demo: demoOption(),
      appVersion: app.getVersion(),
      ...(nativeBinding ? { nativeBinding } : {}),
    }),
  );
  // Keep a rejected open from becoming an unhandled rejection; the IPC answers `unavailable`.
  corePromise.catch(() => undefined);

  const ipc = registerHallIpc({
    // Each window logs in with a local account; its session token stays in this process.
    core: corePromise,
    log: (line) => console.error(line),
    // `--wall`: this app is a public wall; the main process, not the page, decides the masking.
    wall: args.wall,
  });

  // 点评会报告 → PDF (webContents.printToPDF), asked by the page.
  registerPrintIpc();

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(() => {
    if (app.isPackaged) Menu.setApplicationMenu(null);
    hardenSession();
    installAppProtocol(rendererDir, {
      builtinDir: builtinBasemapDir(),
      importedDir: importedBasemapDir(dataDir()),
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    // The window opens at once; calls wait for the core while it opens (or seeds the demo street).
    createMainWindow(preload, args);
  });

  corePromise.then(
    (c) => {
      core = c;
      ipc.attach(c);
    },
    (err: unknown) => {
      const msg = err instanceof Error ? err.message : String(err);
      console.error('[main] core failed to open:', err);
      dialog.showErrorBox('街道指挥中心', `数据存储未能打开 The data store could not be opened:\n${msg}`);
    },
  );

  app.on('window-all-closed', () => app.quit());

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    // Let the core finish its last transaction and close the database before exiting.
    event.preventDefault();
    quitting = true;
    ipc.dispose();
    const c = core;
    core = null;
    void c.close().finally(() => app.quit());
  });
}
