/**
 * `npm run serve`: the core + the HTTP/WebSocket host, serving the built renderer (browser mode).
 * Also the fallback of `npm start` where the Electron binary is missing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinBasemapDir, importedBasemapDir } from '../basemap/catalog';
import { createCore, restoreFrom, RestoreError, type Core } from '../../runtime/core';
import { ConfigError, parseServeArgs, SERVE_USAGE } from './config';
import { startHttpHost, type HttpHost } from './http-host';

/** The project folder (four levels above this file), where dist/renderer is built. */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** How long SIGTERM waits for a clean close (the closing backup included) before exiting anyway. */
const STOP_DEADLINE_MS = 60_000;

async function main(): Promise<void> {
  let config;
  try {
    config = parseServeArgs(process.argv.slice(2), process.env, process.cwd(), projectRoot);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`错误 Error: ${err.message}\n\n${SERVE_USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  if (config === 'help') {
    console.log(SERVE_USAGE);
    return;
  }
  if (config.restore) {
    try {
      const r = restoreFrom(config.dataDir, config.restore);
      console.log(
        `已恢复 Restored ${config.restore}\n  → ${r.restored} (schema ${r.schemaVersion}, ` +
          `${r.orders} orders, ${r.events} events)` +
          (r.previous ? `\n  原数据库已保留 the replaced database is kept as ${r.previous}` : '') +
          `\n  Start again without --restore to serve it.`,
      );
      return;
    } catch (err) {
      if (err instanceof RestoreError) {
        console.error(`恢复被拒绝 Restore refused: ${err.message}`);
        process.exit(1);
      }
      throw err;
    }
  }
  if (!existsSync(path.join(config.staticDir, 'index.html'))) {
    console.error(
      `界面尚未构建 The renderer is not built: ${config.staticDir}/index.html is missing.\n` +
        `  Build it with:  npm run build:renderer   (or use \`npm run serve\`, which builds it first)`,
    );
    process.exit(1);
  }

  console.log(`正在打开数据 Opening data in ${config.dataDir} …`);
  let core: Core | null = null;
  let host: HttpHost | null = null;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      // A second signal: stop now.
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: 正在关闭 shutting down…`);
    // A clean close waits for the last transaction and the closing backup, never for ever: a
    // wedged part (a stuck file check, a hung disk) must not keep the process from stopping.
    setTimeout(() => {
      console.error(`关闭超时，强制退出 shutdown took longer than ${STOP_DEADLINE_MS / 1000} s: exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // Stop taking requests first, then let the core finish its last transaction.
    await host?.close().catch(() => undefined);
    await core?.close().catch((err: unknown) => console.error('core close failed:', err));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  core = await createCore({
    dataDir: config.dataDir,
    host: 'browser',
    demo: config.demo,
    ...(config.liveDemo !== undefined ? { liveDemo: config.liveDemo } : {}),
    ...(config.node !== undefined ? { node: config.node } : {}),
    ...(config.hub
      ? {
          sync: {
            hubUrl: config.hub.url,
            ...(config.hub.token !== undefined ? { token: config.hub.token } : {}),
          },
        }
      : {}),
  });
  if (stopping) return;
  host = await startHttpHost({
    core,
    port: config.port,
    bind: config.bind,
    staticDir: config.staticDir,
    basemaps: { builtinDir: builtinBasemapDir(), importedDir: importedBasemapDir(config.dataDir) },
    loopbackRole: config.loopbackRole,
    tokens: config.tokens,
    allowHosts: config.allowHosts,
    log: (line) => console.error(line),
  });
  const url = config.wall ? `${host.url}?wall=1` : host.url;
  console.log(`街道指挥中心 · 浏览器模式 (browser mode): ${url}`);
  if (config.loopbackRole)
    console.log(
      `  本机免登录 local callers act as ${config.loopbackRole} without logging in (--loopback-role)`,
    );
  const tokenCount = Object.keys(config.tokens).length;
  if (tokenCount > 0)
    console.log(`  ${tokenCount} access token(s) configured; other machines open ${host.url}?token=<token>`);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'EADDRINUSE') {
    console.error(`端口已被占用 Port in use: ${e.message}. Try --port 0 or another port.`);
  } else {
    console.error('启动失败 Failed to start:', err);
  }
  process.exit(1);
});
