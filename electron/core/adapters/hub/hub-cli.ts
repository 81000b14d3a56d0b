/**
 * `npm run hub`: starts the reference upstream hub and prints its address and the registration
 * token a hall needs (settings: 上级平台地址 + 令牌, or `npm run serve -- --hub URL --hub-token T`).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PROTOCOL_VERSION } from '../../../../shared/features/sync/protocol';
import { openDb } from '../../store/db';
import { forgetHubNode } from '../../features/sync';
import { startDemoFeed } from './hub-demo-feed';
import { DEFAULT_HUB_PORT, startHub } from './hub-server';

const USAGE = `用法 Usage: npm run hub -- [options]
  --port <n>              端口 port (default ${DEFAULT_HUB_PORT}; 0 = any free port)
  --bind <addr>           监听地址 bind address (default 127.0.0.1)
  --data-dir <dir>        数据目录 data folder (default ./data/hub or $HUB_DATA_DIR)
  --token <secret>        注册令牌 registration token halls present once (default: random, printed)
  --node <name>           上级节点名 hub node name (default hub)
  --demo-interval <ms>    模拟 12345 派单间隔 demo feed interval (default 60000; 0 = off)
  --forget-node <name>    注销一个中心的节点名后退出：该中心下次用注册令牌重新注册
                          forget a hall's node name and exit (it registers again with the
                          registration token; the only way to re-register a name whose token is lost)
  --help                  this text`;

interface HubCliConfig {
  port: number;
  bind: string;
  dataDir: string;
  token: string;
  node: string;
  demoIntervalMs: number;
  forgetNode: string | null;
}

function parse(argv: readonly string[]): HubCliConfig | 'help' {
  const cfg: HubCliConfig = {
    port: DEFAULT_HUB_PORT,
    bind: '127.0.0.1',
    dataDir: process.env.HUB_DATA_DIR || './data/hub',
    token: process.env.HUB_TOKEN || `hub-${randomBytes(16).toString('hex')}`,
    node: 'hub',
    demoIntervalMs: 60_000,
    forgetNode: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port':
        cfg.port = Number(value());
        break;
      case '--bind':
        cfg.bind = value();
        break;
      case '--data-dir':
        cfg.dataDir = value();
        break;
      case '--token':
        cfg.token = value();
        if (cfg.token.length < 16) throw new Error('--token: at least 16 characters');
        break;
      case '--node':
        cfg.node = value();
        break;
      case '--demo-interval':
        cfg.demoIntervalMs = Number(value());
        break;
      case '--forget-node':
        cfg.forgetNode = value();
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (!Number.isInteger(cfg.port) || cfg.port < 0 || cfg.port > 65535)
    throw new Error('--port must be 0–65535');
  if (!Number.isInteger(cfg.demoIntervalMs) || cfg.demoIntervalMs < 0)
    throw new Error('--demo-interval must be ≥ 0');
  return cfg;
}

async function main(): Promise<void> {
  let cfg: HubCliConfig | 'help';
  try {
    cfg = parse(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (cfg === 'help') {
    console.log(USAGE);
    return;
  }
  if (cfg.forgetNode !== null) {
    // A second connection beside a running hub is fine (WAL): the row goes at once.
    const db = openDb(path.resolve(cfg.dataDir));
    try {
      const gone = forgetHubNode(db, cfg.forgetNode);
      console.log(
        gone
          ? `已注销节点 ${cfg.forgetNode}：该中心下次连接时用注册令牌重新注册 (node forgotten)`
          : `没有名为 ${cfg.forgetNode} 的节点 (no such node)`,
      );
      process.exitCode = gone ? 0 : 1;
    } finally {
      db.close();
    }
    return;
  }
  const hub = await startHub({
    dataDir: path.resolve(cfg.dataDir),
    port: cfg.port,
    bind: cfg.bind,
    node: cfg.node,
    registrationToken: cfg.token,
  });
  const stopDemo = cfg.demoIntervalMs > 0 ? startDemoFeed(hub, { intervalMs: cfg.demoIntervalMs }) : () => {};
  console.log(`上级平台已启动 Hub listening on ${hub.url} (protocol v${PROTOCOL_VERSION}, node ${hub.node})`);
  console.log(`  数据 data: ${path.resolve(cfg.dataDir)}`);
  console.log(`  注册令牌 registration token: ${cfg.token}`);
  console.log(
    `  连接一个中心 connect a hall: npm run serve -- --hub ${hub.url} --hub-token ${cfg.token} --node <name>`,
  );
  console.log(
    `  或在 设置 → 上级平台 填写地址和令牌 (or enter the address and token in the hall's settings)`,
  );
  const stop = (): void => {
    stopDemo();
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((err: unknown) => {
  console.error('[hub] failed to start:', err);
  process.exit(1);
});
