import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseServeArgs } from '../../../../../../electron/core/adapters/host/config';

const cwd = '/srv/hall';
const parse = (argv: string[], env: Record<string, string> = {}) => parseServeArgs(argv, env, cwd);

describe('serve arguments', () => {
  it('has safe defaults', () => {
    expect(parse([])).toEqual({
      port: 5174,
      bind: '127.0.0.1',
      dataDir: path.resolve(cwd, 'data'),
      demo: { days: 365 },
      tokens: {},
      allowHosts: [],
      loopbackRole: null,
      staticDir: path.resolve(cwd, 'dist/renderer'),
      wall: false,
      restore: null,
    });
  });

  it('takes wall tokens and extra host names (issue 11)', () => {
    expect(
      parse(['--bind', '0.0.0.0', '--token', 'wall:wall-secret-0123456789', '--allow-host', 'Hall-PC.lan']),
    ).toMatchObject({ tokens: { 'wall-secret-0123456789': 'wall' }, allowHosts: ['hall-pc.lan'] });
    expect(() => parse(['--allow-host', 'evil host'])).toThrow(ConfigError);
    expect(() => parse(['--token', 'root:wall-secret-0123456789'])).toThrow(ConfigError);
  });

  it('resolves --restore against the working folder', () => {
    expect(parse(['--restore', 'data/backups/hall-20260310-100000.db'])).toMatchObject({
      restore: path.resolve(cwd, 'data/backups/hall-20260310-100000.db'),
    });
    expect(() => parse(['--restore'])).toThrow(ConfigError);
  });

  it('reads every option, in both --flag value and --flag=value forms', () => {
    const c = parse([
      '--port=0',
      '--data-dir',
      '/tmp/d',
      '--demo-days',
      '30',
      '--token',
      'viewer:abcdefghijklmnop1',
      '--token=officer:abcdefghijklmnop2',
      '--loopback-role',
      'viewer',
      '--wall',
    ]);
    expect(c).toMatchObject({
      port: 0,
      dataDir: '/tmp/d',
      demo: { days: 30 },
      tokens: { abcdefghijklmnop1: 'viewer', abcdefghijklmnop2: 'officer' },
      loopbackRole: 'viewer',
      wall: true,
    });
    expect(parse(['--no-demo'])).toMatchObject({ demo: false });
    expect(parse(['--help'])).toBe('help');
  });

  it('takes HALL_DATA_DIR, and --data-dir over it', () => {
    expect(parse([], { HALL_DATA_DIR: '/var/hall' })).toMatchObject({ dataDir: '/var/hall' });
    expect(parse(['--data-dir', 'x'], { HALL_DATA_DIR: '/var/hall' })).toMatchObject({
      dataDir: path.resolve(cwd, 'x'),
    });
  });

  it('refuses a LAN bind without a token', () => {
    expect(() => parse(['--bind', '0.0.0.0'])).toThrow(ConfigError);
    expect(() => parse(['--bind', '192.168.1.5'])).toThrow(/token/);
    expect(parse(['--bind', '0.0.0.0', '--token', 'viewer:abcdefghijklmnop'])).toMatchObject({
      bind: '0.0.0.0',
    });
    expect(parse(['--bind', 'localhost'])).toMatchObject({ bind: 'localhost' });
  });

  it('refuses bad values clearly', () => {
    expect(() => parse(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parse(['--port', '70000'])).toThrow(/--port/);
    expect(() => parse(['--port'])).toThrow(/needs a value/);
    expect(() => parse(['--token', 'root:abcdefghijklmnop'])).toThrow(/role/);
    expect(() => parse(['--token', 'viewer:short'])).toThrow(/at least 16/);
    expect(() => parse(['--loopback-role', 'god'])).toThrow(/loopback-role/);
    expect(() => parse(['--demo-days', '0'])).toThrow(/demo-days/);
    expect(() => parse(['--frobnicate'])).toThrow(/Unknown option/);
  });
});
