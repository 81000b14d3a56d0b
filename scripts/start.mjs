#!/usr/bin/env node
/**
 * `npm start`: build what is missing or stale, then open the hall in Electron — or, where the
 * Electron binary is not installed, say so and fall back to browser mode (`serve-cli`).
 *
 * Electron needs better-sqlite3 compiled for its own ABI. That build goes to
 * resources/native/electron/better_sqlite3.node, made in a scratch copy of the package, so
 * node_modules keeps its Node build and `npm test` keeps working after `npm start`.
 *
 * Options: --wall (wall layout), --kiosk, --browser (force browser mode), other options go to the
 * browser-mode host (e.g. --port 0).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const argv = process.argv.slice(2);
const forceBrowser = argv.includes('--browser');
const passArgs = argv.filter((a) => a !== '--browser');

const say = (zh, en) => console.log(`${zh}\n  ${en}`);

/** Newest mtime of any file under these paths (skips node_modules and build output). */
function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        walk(path.join(p, name));
      }
    } else t = Math.max(t, st.mtimeMs);
  };
  for (const p of paths) walk(path.join(root, p));
  return t;
}

function stale(output, inputs) {
  const out = path.join(root, output);
  return !existsSync(out) || statSync(out).mtimeMs < newest(inputs);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status === 0;
}

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function ensureBuilt({ electron }) {
  if (stale('dist/renderer/index.html', ['renderer', 'shared', 'resources/basemap'])) {
    say('正在构建界面…', 'Building the renderer (vite)…');
    if (!run(npmCmd, ['run', 'build:renderer'])) {
      console.error('界面构建失败 Renderer build failed.');
      process.exit(1);
    }
  }
  if (electron && stale('dist-electron/main.cjs', ['electron', 'shared', 'scripts/build-electron.mjs'])) {
    say('正在打包 Electron 主进程…', 'Bundling the Electron main process (esbuild)…');
    if (!run(process.execPath, [path.join(root, 'scripts/build-electron.mjs')])) {
      console.error('Electron 打包失败 Electron bundle failed.');
      process.exit(1);
    }
  }
}

/**
 * The electron package's index.js throws when its binary was skipped (no path.txt) and otherwise
 * returns a path that may still not exist (a half-finished download): check both.
 */
function electronBinary() {
  try {
    const p = require('electron');
    if (typeof p === 'string' && existsSync(p)) return p;
  } catch {
    // binary not installed
  }
  return null;
}

const nativeDir = path.join(root, 'resources', 'native', 'electron');
const nativeFile = path.join(nativeDir, 'better_sqlite3.node');
const stampFile = path.join(nativeDir, 'build-stamp.json');

/** Builds better-sqlite3 for Electron's ABI into resources/native/electron (once per version pair). */
function ensureElectronSqlite(electronVersion) {
  const sqliteVersion = JSON.parse(
    readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8'),
  ).version;
  const stamp = JSON.stringify({
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    arch: process.arch,
    platform: process.platform,
  });
  if (existsSync(nativeFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
    return true;

  say(
    `正在为 Electron ${electronVersion} 编译 better-sqlite3（仅首次）…`,
    `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (first run only)…`,
  );
  const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const scratch = mkdtempSync(path.join(tmpdir(), 'hall-bsqlite-'));
  const work = path.join(scratch, 'better-sqlite3');
  try {
    // A scratch copy: building in node_modules would replace the Node build that tests use.
    cpSync(pkgDir, work, {
      recursive: true,
      filter: (src) => path.relative(pkgDir, src).split(path.sep)[0] !== 'build',
    });
    // ~/.npmrc may set nodedir (Node's headers): that silently builds the wrong ABI. Drop it.
    const env = { ...process.env };
    for (const k of Object.keys(env))
      if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k];
    env.npm_config_nodedir = '';
    const bin = (name) =>
      path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
    const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
    let ok =
      existsSync(bin('prebuild-install')) && run(bin('prebuild-install'), [...target], { cwd: work, env });
    if (!ok) {
      say(
        '没有预编译包，改为从源码编译（约 1 分钟）…',
        'No prebuilt binary; compiling from source against Electron headers (~1 min)…',
      );
      ok = run(
        bin('node-gyp'),
        ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
        { cwd: work, env },
      );
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!ok || !existsSync(built)) return false;
    mkdirSync(nativeDir, { recursive: true });
    copyFileSync(built, nativeFile);
    writeFileSync(stampFile, stamp);
    return true;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function startBrowserMode(reasonZh, reasonEn) {
  say(reasonZh, reasonEn);
  ensureBuilt({ electron: false });
  const hostArgs = passArgs.filter((a) => a !== '--kiosk');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/core/adapters/host/serve-cli.ts'), ...hostArgs],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  forward(child);
}

function forward(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * package.json's allowScripts keeps npm from running electron's postinstall (it downloads the
 * binary, which fails on machines without that download and would fail the whole install). So the
 * first `npm start` fetches it here, once; ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips the attempt.
 */
function installElectronBinary() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  say('正在下载 Electron 运行时（仅首次）…', 'Downloading the Electron runtime (first start only)…');
  const r = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  if (r.status !== 0) {
    const reason = (r.stderr ?? '').split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
    say('Electron 运行时下载失败。', `Downloading the Electron runtime failed: ${reason.trim()}`);
    return null;
  }
  return electronBinary();
}

const electron = forceBrowser ? null : (electronBinary() ?? installElectronBinary());
if (!electron) {
  startBrowserMode(
    forceBrowser
      ? '浏览器模式（--browser）。'
      : '本机没有可用的 Electron 程序（未安装或无法下载），改用浏览器模式：请在浏览器中打开下面的地址。',
    forceBrowser
      ? 'Browser mode (--browser).'
      : 'Electron is not available on this machine (not installed, and it could not be downloaded); falling back to browser mode — open the URL below in a browser.',
  );
} else {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  if (!ensureElectronSqlite(electronVersion)) {
    startBrowserMode(
      `无法为 Electron ${electronVersion} 编译 better-sqlite3，改用浏览器模式。`,
      `Could not build better-sqlite3 for Electron ${electronVersion}; falling back to browser mode.`,
    );
  } else {
    ensureBuilt({ electron: true });
    const appArgs = passArgs.filter((a) => a === '--wall' || a === '--kiosk');
    const child = spawn(electron, [root, ...appArgs], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
    });
    forward(child);
  }
}
