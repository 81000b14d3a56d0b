/**
 * `hall.lock` in the data folder: which process has the store open. Written when a core opens,
 * removed when it closes. Only the restore reads it (to refuse replacing a live database); a lock
 * left by a crashed process is recognised because its pid no longer runs.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE_NAME = 'hall.lock';

interface LockData {
  readonly pid: number;
  readonly token: string;
  readonly host: string;
  readonly startedAt: number;
}

function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE_NAME);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(dataDir: string): LockData | null {
  try {
    const d = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as Partial<LockData>;
    if (typeof d.pid !== 'number' || typeof d.token !== 'string') return null;
    return { pid: d.pid, token: d.token, host: String(d.host ?? ''), startedAt: Number(d.startedAt ?? 0) };
  } catch {
    return null;
  }
}

/** Marks the folder as open by this process; the returned function removes the mark (if still ours). */
export function claimDataDir(dataDir: string, host: string): () => void {
  const token = randomUUID();
  const data: LockData = { pid: process.pid, token, host, startedAt: Date.now() };
  writeFileSync(lockPath(dataDir), JSON.stringify(data));
  return () => {
    if (readLock(dataDir)?.token === token) rmSync(lockPath(dataDir), { force: true });
  };
}

/** The live process that has this folder open, or null (no lock, or its process is gone). */
export function dataDirInUse(dataDir: string): { pid: number; host: string } | null {
  const d = readLock(dataDir);
  return d && pidAlive(d.pid) ? { pid: d.pid, host: d.host } : null;
}
