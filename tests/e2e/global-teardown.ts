/** Stops the hosts started by global-setup.ts (each its own process group) and removes their stores. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { STATE_FILE, type HostState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const hosts = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as HostState[];
  await Promise.all(hosts.map(stopHost));
  rmSync(STATE_FILE, { force: true });
}

export async function stopHost({ pid, dataDir }: HostState): Promise<void> {
  try {
    process.kill(-pid, 'SIGTERM'); // the whole group: npx → tsx → node
  } catch {
    // already gone
  }
  // Give the core a moment to close SQLite before its folder goes away.
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(-pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // stopped cleanly
  }
  try {
    // A process that outlived SIGKILL's delivery may still be writing: retry like `rm -rf` would.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (err) {
    // A leftover temp folder is not a failed test run.
    console.warn(`[e2e] could not remove ${dataDir}: ${(err as Error).message}`);
  }
}
