import { describe, expect, it } from 'vitest';
import { ConfigError, parseServeArgs } from '../../../../../../electron/core/adapters/host/config';

const parse = (...argv: string[]) => parseServeArgs(argv, {}, '/tmp/x');

describe('serve-cli live demo flags', () => {
  it('leaves the core default when absent, sets the interval or turns it off', () => {
    expect(parse()).not.toHaveProperty('liveDemo');
    expect(parse('--live-demo-ms', '5000')).toMatchObject({ liveDemo: { intervalMs: 5000 } });
    expect(parse('--live-demo-ms=20000')).toMatchObject({ liveDemo: { intervalMs: 20000 } });
    expect(parse('--no-live-demo')).toMatchObject({ liveDemo: false });
  });

  it('refuses a nonsense interval with a clear message', () => {
    expect(() => parse('--live-demo-ms', '10')).toThrow(ConfigError);
    expect(() => parse('--live-demo-ms', 'abc')).toThrow(/--live-demo-ms must be/);
  });
});
