/**
 * Scheduled online backups of the store, inside whichever thread runs the core (the worker in
 * createCore). Every `intervalMs` (default 6 h) and at a clean close, the database is copied to
 * `<dataDir>/backups/hall-YYYYMMDD-HHmmss.db` (China time) and only the newest `keep` (default 7)
 * such files are kept. A scheduled or closing backup is skipped when nothing was written since
 * the last one, so an idle hall does not rotate its history away with identical copies.
 *
 * Manual backups (system.backup) go to `<dataDir>/backups/manual/` with a rotation of their own
 * (`manualKeep`, default 10): seven clicks in a second replace older manual copies, never the
 * schedule's history (issue 11, item 6).
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile, BackupList, BackupResult } from '../../../shared/contract/index';
import { chinaParts } from '../../../shared/kernel/china-time';
import { backupTo } from './backup';
import type { WritableDb } from './types';

export interface BackupOptions {
  /** Between scheduled backups; 0 turns the schedule off (default 6 h). */
  readonly intervalMs?: number;
  /** How many scheduled backup files to keep (default 7, at least 1). */
  readonly keep?: number;
  /** How many manual backup files to keep, separately (default 10, at least 1). */
  readonly manualKeep?: number;
  /** Back up at a clean close (default true). */
  readonly onClose?: boolean;
  /** Folder (default `<dataDir>/backups`). */
  readonly dir?: string;
  /** Pages copied per step of the online backup (default 100; tests use 1 to interleave writes). */
  readonly pagesPerStep?: number;
}

const BACKUP_DEFAULTS = { intervalMs: 6 * 60 * 60 * 1000, keep: 7, manualKeep: 10, onClose: true } as const;
const BACKUP_DIR_NAME = 'backups';
const MANUAL_DIR_NAME = 'manual';
const NAME = /^hall-(\d{8})-(\d{6})(?:-(\d+))?\.db$/;

export type BackupReason = 'manual' | 'schedule' | 'close';
/** The store's online backups, as the writer runs them. */
export interface BackupManager {
  /** Runs one backup now (after any running one). Scheduled/closing runs return null when skipped. */
  run(reason: 'manual' | 'schedule' | 'close'): Promise<BackupResult | null>;
  list(): BackupList;
  /** Stops the schedule, waits for a running backup, then takes the closing backup if enabled. */
  close(): Promise<void>;
}

/** `hall-20260310-100000` for 2026-03-10 10:00:00 China time. */
export function backupStem(at: number): string {
  const d = chinaParts(at);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `hall-${p(d.y, 4)}${p(d.mo)}${p(d.d)}-${p(d.h)}${p(d.mi)}${p(d.s)}`;
}

/** Sort key: time stamp, then the -N of a second backup within the same second. */
function sortKey(name: string): [string, number] | null {
  const m = NAME.exec(name);
  return m ? [`${m[1]}${m[2]}`, Number(m[3] ?? 0)] : null;
}

function listBackupFiles(dir: string, kind: BackupFile['kind'] = 'schedule'): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const rows: Array<{ key: [string, number]; file: BackupFile }> = [];
  for (const name of names) {
    const key = sortKey(name);
    if (!key) continue;
    try {
      const st = statSync(join(dir, name));
      if (st.isFile())
        rows.push({
          key,
          file: { name, file: join(dir, name), bytes: st.size, modifiedAt: st.mtimeMs, kind },
        });
    } catch {
      // removed meanwhile
    }
  }
  rows.sort((a, b) => (a.key[0] === b.key[0] ? b.key[1] - a.key[1] : a.key[0] < b.key[0] ? 1 : -1));
  return rows.map((r) => r.file);
}

export function createBackupManager(
  db: WritableDb,
  dataDir: string,
  now: () => number,
  opts: BackupOptions | false,
): BackupManager {
  const scheduled = opts !== false;
  const o = opts === false ? {} : opts;
  const intervalMs = scheduled ? (o.intervalMs ?? BACKUP_DEFAULTS.intervalMs) : 0;
  const keep = Math.max(1, Math.floor(o.keep ?? BACKUP_DEFAULTS.keep));
  const manualKeep = Math.max(1, Math.floor(o.manualKeep ?? BACKUP_DEFAULTS.manualKeep));
  const onClose = scheduled && (o.onClose ?? BACKUP_DEFAULTS.onClose);
  const dir = o.dir ?? join(dataDir, BACKUP_DIR_NAME);
  const manualDir = join(dir, MANUAL_DIR_NAME);
  const changes = (): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  /** total_changes() at the last backup of this process (or at start, when a backup exists). */
  let lastChanges: number | null = listBackupFiles(dir).length > 0 ? changes() : null;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const runOnce = async (reason: BackupReason): Promise<BackupResult | null> => {
    const manual = reason === 'manual';
    if (!manual && lastChanges !== null && changes() === lastChanges) return null;
    // Manual copies rotate among themselves: they never push the schedule's history out.
    const into = manual ? manualDir : dir;
    const limit = manual ? manualKeep : keep;
    mkdirSync(into, { recursive: true });
    const stem = backupStem(now());
    let name = `${stem}.db`;
    for (let n = 1; listBackupFiles(into).some((f) => f.name === name); n++) name = `${stem}-${n}.db`;
    const file = join(into, name);
    const t0 = performance.now();
    const st = await backupTo(db, file, o.pagesPerStep ? { pagesPerStep: o.pagesPerStep } : {});
    const ms = Math.round(performance.now() - t0);
    if (!manual) lastChanges = changes();
    for (const old of listBackupFiles(into).slice(limit)) rmSync(old.file, { force: true });
    if (!manual) console.info(`[core] ${reason} backup ${file}: ${st.bytes} bytes in ${ms} ms`);
    return { name, file, bytes: st.bytes, ms, kind: manual ? 'manual' : 'schedule' };
  };

  const run = (reason: BackupReason): Promise<BackupResult | null> => {
    // One backup at a time: a second request waits for the running one, then takes its own.
    const p = chain.then(() => runOnce(reason));
    chain = p.catch(() => undefined);
    return p;
  };

  const schedule = (): void => {
    if (closed || intervalMs <= 0) return;
    timer = setTimeout(() => {
      timer = null;
      run('schedule')
        .catch((err: unknown) => console.error('[core] scheduled backup failed:', err))
        .finally(schedule);
    }, intervalMs);
    // The schedule alone must not keep a process (or the worker) alive.
    timer.unref();
  };
  schedule();

  return {
    run,
    list: () => ({
      dir,
      keep,
      manualKeep,
      intervalMs: intervalMs > 0 ? intervalMs : null,
      onClose,
      files: [...listBackupFiles(dir), ...listBackupFiles(manualDir, 'manual')].sort(
        (a, b) => b.modifiedAt - a.modifiedAt || (a.name < b.name ? 1 : -1),
      ),
    }),
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
      if (onClose) {
        await run('close').catch((err: unknown) => console.error('[core] closing backup failed:', err));
      }
    },
  };
}
