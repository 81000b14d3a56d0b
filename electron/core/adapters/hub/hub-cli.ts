/**
 * `npm run hub`: starts the reference upstream hub and prints its address and the registration
 * token a hall needs (settings: 上级平台地址 + 令牌, or `npm run serve -- --hub URL --hub-token T`).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PROTOCOL_VERSION } from '../../../../shared/features/sync/protocol';
import { startDemoFeed } from './hub-demo-feed';
import { DEFAULT_HUB_PORT, startHub } from './hub-server';

const USAGE = `用法 Usage: npm run hub -- [options]
  --port <n>              端口 port (default ${DEFAULT_HUB_PORT}; 0 = any free port)
  --bind <addr>           监听地址 bind address (default 127.0.0.1)
  --data-dir <dir>        数据目录 data folder (default ./data/hub or $HUB_DATA_DIR)
  --token <secret>        注册令牌 registration token halls present once (default: random, printed)
  --node <name>           上级节点名 hub node name (default hub)
  --demo-interval <ms>    模拟 12345 派单间隔 demo feed interval (default 60000; 0 = off)
  --help                  this text`;

interface HubCliConfig {
  port: number;
  bind: string;
  dataDir: string;
  token: string;
  node: string;
  demoIntervalMs: number;
}

function parse(argv: readonly string[]): HubCliConfig | 'help' {
  const cfg: HubCliConfig = {
    port: DEFAULT_HUB_PORT,
    bind: '127.0.0.1',
    dataDir: process.env.HUB_DATA_DIR || './data/hub',
    token: process.env.HUB_TOKEN || `hub-${randomBytes(16).toString('hex')}`,
    node: 'hub',
    demoIntervalMs: 60_000,
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
