/**
 * Starts one browser-mode host (`serve-cli.ts`) per Playwright worker, each on a free port with a
 * fresh demo store in a temp folder, creates the first (admin) account on each over HTTP — the
 * specs log in with it through the real login screen — and hands the URLs to the workers.
 * Builds nothing: dist/renderer must exist.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import { E2E_ADMIN } from './accounts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// HALL_E2E_ID keeps parallel runs (each with its own HALL_RENDERER_DIR) from stopping each other's host.
export const STATE_FILE = path.join(
  tmpdir(),
  `hall-e2e-host${process.env.HALL_E2E_ID ? '-' + process.env.HALL_E2E_ID : ''}.json`,
);
const START_TIMEOUT_MS = 180_000;

/** What teardown needs to stop a host and remove its store. */
export interface HostState {
  readonly pid: number;
  readonly url: string;
  readonly dataDir: string;
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const rendererDir = process.env.HALL_RENDERER_DIR ?? 'dist/renderer';
  if (!existsSync(path.join(root, rendererDir, 'index.html'))) {
    throw new Error(`${rendererDir} is not built: run \`npm run build:renderer\` before the e2e tests`);
  }
  // One host and one store per worker (playwright.config.ts points each worker at its own).
  const hosts = await Promise.all(Array.from({ length: config.workers }, () => startDemoHost()));
  hosts.forEach((h, i) => {
    process.env[`HALL_E2E_URL_${i}`] = h.url;
  });
  process.env.HALL_E2E_URL = hosts[0]!.url;
  writeFileSync(STATE_FILE, JSON.stringify(hosts));
}

/**
 * A fresh demo store in a temp folder, its host, and the first (admin) account. A spec that
 * writes much (import-background.spec.ts) starts one of its own, with fewer demo days.
 */
export async function startDemoHost(demoDays = 20): Promise<HostState> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-e2e-'));
  // No live demo trickle: the specs create the orders they wait for (deterministic).
  // A whistle's deadline minute lasts 20 s (test knob, electron/core/features/whistle/minute.ts):
  // whistle.spec walks 超时 past a 1-minute deadline without waiting a real minute.
  const args = ['--data-dir', dataDir, '--demo-days', String(demoDays), '--no-live-demo'];
  const { child, url } = await startHost(args, {
    HALL_WHISTLE_MINUTE_MS: '20000',
  });
  const res = await fetch(`${url}api/auth.setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  });
  if (!res.ok) throw new Error(`auth.setup on the e2e host failed: ${res.status} ${await res.text()}`);
  return { pid: child.pid ?? 0, url, dataDir };
}

/** Starts serve-cli on a free port in its own process group; resolves once it prints its URL. */
export async function startHost(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child: ChildProcess = spawn(
    'npx',
    ['tsx', 'electron/core/adapters/host/serve-cli.ts', '--port', '0', ...args],
    // Own process group so teardown can stop npx, tsx and node together.
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } },
  );
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host did not print its URL within ${START_TIMEOUT_MS} ms:\n${log}`)),
      START_TIMEOUT_MS,
    );
    const onData = (buf: Buffer) => {
      log += buf.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => {
      log += b.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with code ${code} before it was ready:\n${log}`));
    });
  });
  // Keep draining the pipes so the host never blocks on a full stdout.
  child.stdout?.resume();
  child.stderr?.resume();
  child.removeAllListeners('exit');
  child.unref();
  return { child, url };
}
