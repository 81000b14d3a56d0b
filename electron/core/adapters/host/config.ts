/**
 * Command-line configuration of the browser-mode host (`npm run serve -- …`). Pure: parsing is
 * unit-tested and the CLI only wires the result.
 */
import path from 'node:path';
import { isLoopbackBind, type TokenGrant } from './auth';
import { isRole } from '../../../../shared/contract/index';
import type { Role } from '../../../../shared/contract/index';

export interface ServeConfig {
  readonly port: number;
  readonly bind: string;
  readonly dataDir: string;
  readonly demo: { readonly days: number } | false;
  readonly tokens: Readonly<Record<string, TokenGrant>>;
  /** `--allow-host NAME`: another name the LAN reaches this host by (checked in `Host`). */
  readonly allowHosts: readonly string[];
  /** null (default): local callers must log in with an account. */
  readonly loopbackRole: Role | null;
  readonly staticDir: string;
  /** Print the URL for the wall layout (issue 3) instead of the desk layout. */
  readonly wall: boolean;
  /** `--restore <file>`: replace the data folder's hall.db with this backup, then exit. */
  readonly restore: string | null;
  /**
   * Live demo trickle: `--live-demo-ms N` sets the mean time between new orders, `--no-live-demo`
   * turns it off; absent: the core's default (on for a demo store).
   */
  readonly liveDemo?: { readonly intervalMs: number } | false;
  /** `--hub URL [--hub-token T]`: sync with this upstream hub (stored as the hall's settings). */
  readonly hub?: { readonly url: string; readonly token?: string };
  /** `--node NAME`: this hall's node name (HLC, event ids, hub registration). */
  readonly node?: string;
}

const DEFAULT_PORT = 5174;
const MIN_TOKEN_LENGTH = 16;

export const SERVE_USAGE = `用法 Usage: npm run serve -- [options]
  --port <n>            端口 port (default ${DEFAULT_PORT}; 0 = any free port)
  --bind <addr>         监听地址 bind address (default 127.0.0.1; a LAN address needs --token)
  --data-dir <dir>      数据目录 data folder (default ./data or $HALL_DATA_DIR)
  --demo-days <n>       首次运行生成的模拟数据天数 days of demo history on first run (default 365)
  --no-demo             不生成模拟数据 do not seed the demo street
  --token <role:token>  访问令牌 access token for other machines (repeatable; roles: viewer, officer, commander, admin,
                        or wall: a public wall display — a viewer with personal data masked, whoever signs in at it)
  --allow-host <name>   局域网访问所用的主机名 another name of this PC in the LAN (Host header check; repeatable)
  --loopback-role <r>   本机免登录角色 role of local callers without a token or login
                        (default none: log in with an account; e.g. commander on a dev machine)
  --wall                大屏布局 print the wall-display URL
  --live-demo-ms <n>    模拟数据实时演示的新工单平均间隔 mean ms between live demo orders (default 40000)
  --no-live-demo        关闭实时演示 no live demo trickle (the store stays as seeded)
  --restore <file>      从备份恢复 replace the data folder's hall.db with a backup (e.g.
                        data/backups/hall-20260310-100000.db) and exit; refused while the app
                        runs on that folder; the old file is kept as hall.db.before-restore
  --hub <url>           上级平台地址 sync with this upstream hub (npm run hub prints it)
  --hub-token <t>       上级平台注册令牌 the hub's registration token (or a per-node hn_ token)
  --node <name>         本中心节点名 this hall's node name (default hall)
  --help                this text`;

export class ConfigError extends Error {}

function takeValue(argv: readonly string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new ConfigError(`${flag} needs a value`);
  return v;
}

export function parseServeArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  /** Where dist/renderer is; defaults to cwd. */
  projectRoot: string = cwd,
): ServeConfig | 'help' {
  let port = DEFAULT_PORT;
  let bind = '127.0.0.1';
  let dataDir = env.HALL_DATA_DIR && env.HALL_DATA_DIR !== '' ? env.HALL_DATA_DIR : './data';
  let days = 365;
  let demo = true;
  let loopbackRole: Role | null = null;
  let wall = false;
  let restore: string | null = null;
  let liveDemo: { intervalMs: number } | false | undefined;
  let hubUrl: string | undefined;
  let hubToken: string | undefined;
  let node: string | undefined;
  const tokens: Record<string, TokenGrant> = {};
  const allowHosts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    // Accept --flag=value as well as --flag value.
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = takeValue(argv, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 65535) throw new ConfigError(`--port must be 0–65535, got ${v}`);
        port = n;
        break;
      }
      case '--bind':
        bind = value();
        break;
      case '--data-dir':
        dataDir = value();
        break;
      case '--demo-days': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 3660)
          throw new ConfigError(`--demo-days must be 1–3660, got ${v}`);
        days = n;
        break;
      }
      case '--no-demo':
        demo = false;
        break;
      case '--token': {
        const v = value();
        const colon = v.indexOf(':');
        const role = colon > 0 ? v.slice(0, colon) : '';
        const token = colon > 0 ? v.slice(colon + 1) : '';
        if (!isRole(role) && role !== 'wall')
          throw new ConfigError(`--token must be role:token with role viewer|officer|commander|admin|wall`);
        if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
          throw new ConfigError(
            `--token: the token must be at least ${MIN_TOKEN_LENGTH} characters, no spaces`,
          );
        }
        tokens[token] = role;
        break;
      }
      case '--allow-host': {
        const v = value();
        if (!/^[A-Za-z0-9.-]{1,253}$/.test(v))
          throw new ConfigError(`--allow-host must be a host name, got ${v}`);
        allowHosts.push(v.toLowerCase());
        break;
      }
      case '--loopback-role': {
        const v = value();
        if (v === 'none') {
          loopbackRole = null;
          break;
        }
        if (!isRole(v))
          throw new ConfigError(`--loopback-role must be none|viewer|officer|commander|admin, got ${v}`);
        loopbackRole = v;
        break;
      }
      case '--wall':
        wall = true;
        break;
      case '--restore':
        restore = path.resolve(cwd, value());
        break;
      case '--live-demo-ms': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 200 || n > 86_400_000)
          throw new ConfigError(`--live-demo-ms must be 200–86400000, got ${v}`);
        liveDemo = { intervalMs: n };
        break;
      }
      case '--no-live-demo':
        liveDemo = false;
        break;
      case '--hub': {
        const v = value();
        if (!/^https?:\/\/[^\s]+$/.test(v)) throw new ConfigError(`--hub must be an http(s) URL, got ${v}`);
        hubUrl = v;
        break;
      }
      case '--hub-token': {
        const v = value();
        if (v.length < MIN_TOKEN_LENGTH || /\s/.test(v))
          throw new ConfigError(`--hub-token must be at least ${MIN_TOKEN_LENGTH} characters, no spaces`);
        hubToken = v;
        break;
      }
      case '--node': {
        const v = value();
        if (!/^[A-Za-z0-9_-]{1,32}$/.test(v))
          throw new ConfigError(`--node must be 1–32 of A-Z a-z 0-9 _ -, got ${v}`);
        node = v;
        break;
      }
      default:
        throw new ConfigError(`Unknown option: ${raw}`);
    }
  }
  if (!isLoopbackBind(bind) && Object.keys(tokens).length === 0) {
    throw new ConfigError(
      `--bind ${bind} exposes the hall on the network: add at least one --token role:token ` +
        `(局域网访问必须配置令牌, e.g. --token viewer:$(openssl rand -hex 16))`,
    );
  }
  return {
    port,
    bind,
    dataDir: path.resolve(cwd, dataDir),
    demo: demo ? { days } : false,
    tokens,
    allowHosts,
    loopbackRole,
    // HALL_RENDERER_DIR: another build of the renderer (parallel e2e runs each build their own).
    staticDir: path.resolve(projectRoot, process.env.HALL_RENDERER_DIR ?? 'dist/renderer'),
    wall,
    restore,
    ...(liveDemo !== undefined ? { liveDemo } : {}),
    ...(hubUrl !== undefined
      ? { hub: { url: hubUrl, ...(hubToken !== undefined ? { token: hubToken } : {}) } }
      : {}),
    ...(node !== undefined ? { node } : {}),
  };
}
