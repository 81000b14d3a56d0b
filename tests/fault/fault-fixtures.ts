/**
 * Real child processes for the fault tests: the hub and halls are bundled once with esbuild
 * (a bundled start takes a fraction of tsx's), spawned with node, and killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

// Inside node_modules (ignored by git) so the bundles resolve better-sqlite3 and ws from there.
export const BUILD_DIR = join(process.cwd(), 'node_modules', '.cache', 'hall-fault');

export async function bundleProcs(): Promise<{ hub: string; hall: string }> {
  mkdirSync(BUILD_DIR, { recursive: true });
  await build({
    entryPoints: {
      'hub-proc': 'tests/fault/procs/hub-proc.ts',
      'hall-proc': 'tests/fault/procs/hall-proc.ts',
    },
    outdir: BUILD_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'ws', 'esbuild'],
    minify: true,
    logLevel: 'error',
  });
  return { hub: join(BUILD_DIR, 'hub-proc.mjs'), hall: join(BUILD_DIR, 'hall-proc.mjs') };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Proc {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/** Spawns `node file args` and resolves once it printed READY (rejects after `timeoutMs`). */
export function spawnReady(file: string, args: readonly string[], timeoutMs = 15_000): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: process.cwd(),
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} not ready in ${timeoutMs} ms: ${err.slice(-500)}`));
    }, timeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('READY')) {
        clearTimeout(timer);
        resolve({ child, exited });
      }
    });
    child.stderr?.on('data', (c: Buffer) => {
      err = (err + c.toString()).slice(-4000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('READY'))
        reject(new Error(`${file} exited (${code}) before ready: ${err.slice(-1000)}`));
    });
  });
}

/**
 * A loaded child waiting for GO (procs/wait-go.ts): `go()` starts it and resolves at READY.
 * Spawn the next standby while the current instance runs and a restart costs no load time.
 */
export interface Standby {
  go(timeoutMs?: number): Promise<Proc>;
  kill(): void;
}

export function spawnStandby(file: string, args: readonly string[]): Standby {
  const child = spawn(process.execPath, [file, ...args, 'standby'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: process.cwd(),
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let out = '';
  let err = '';
  let onReady: (() => void) | null = null;
  let onFail: ((e: Error) => void) | null = null;
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('READY')) onReady?.();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err = (err + c.toString()).slice(-4000);
  });
  child.once('exit', (code) => {
    if (!out.includes('READY'))
      onFail?.(new Error(`${file} exited (${code}) before ready: ${err.slice(-1000)}`));
  });
  return {
    go(timeoutMs = 30_000) {
      return new Promise<Proc>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`${file} not ready in ${timeoutMs} ms: ${err.slice(-500)}`));
        }, timeoutMs);
        onReady = () => {
          clearTimeout(timer);
          resolve({ child, exited });
        };
        onFail = (e) => {
          clearTimeout(timer);
          reject(e);
        };
        if (out.includes('READY')) onReady();
        child.stdin?.write('GO\n');
      });
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}

export async function kill9(p: Proc): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
