/**
 * Issue 11, item 12, checked statically: the Electron fuses electron-builder flips into the
 * packaged binary, and what the main process may not do (inflate tiles on its own thread).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

/** The top-level scalars and the one-level maps of a YAML file (enough for electron-builder.yml's keys here). */
function topLevel(yaml: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let map: Record<string, unknown> | null = null;
  const scalar = (v: string): unknown => (v === 'true' ? true : v === 'false' ? false : v);
  for (const line of yaml.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const top = /^([A-Za-z]\w*):\s*(.*)$/.exec(line);
    if (top) {
      map = top[2] === '' ? {} : null;
      out[top[1]!] = map ?? scalar(top[2]!.trim());
      continue;
    }
    const nested = /^ {2}([A-Za-z]\w*):\s*(\S+)\s*$/.exec(line);
    if (nested && map) map[nested[1]!] = scalar(nested[2]!);
  }
  return out;
}

describe('electron-builder.yml', () => {
  const config = topLevel(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  it('sets the fuses: no run-as-node, no NODE_OPTIONS, no --inspect, asar only and checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });
});

describe('the main process', () => {
  const shell = readdirSync(path.join(root, 'electron'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f, readFileSync(path.join(root, 'electron', f), 'utf8')] as const);

  it('never inflates a tile itself: no zlib in the shell (the basemap worker does it)', () => {
    for (const [f, src] of shell) expect(src, f).not.toMatch(/gunzip|inflateSync|node:zlib/);
  });

  it('removes the menu and DevTools when packaged', () => {
    const main = shell.find(([f]) => f === 'main.ts')?.[1] ?? '';
    expect(main).toMatch(/if \(app\.isPackaged\) Menu\.setApplicationMenu\(null\)/);
    expect(main).toMatch(/devTools: !app\.isPackaged/);
  });

  it('never forks a Node child process (runAsNode is off in the packaged app)', () => {
    const sources = [...shell.map(([, s]) => s)];
    const core = path.join(root, 'electron', 'core');
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (
          e.name.endsWith('.ts') &&
          !p.includes(`${path.sep}hub${path.sep}`) &&
          !e.name.endsWith('-cli.ts')
        )
          sources.push(readFileSync(p, 'utf8'));
      }
    };
    walk(core);
    for (const src of sources) expect(src).not.toMatch(/child_process['"]\)?;?[\s\S]*\bfork\(/);
  });
});
