/** The system.* procedures: what the status bar shows, and the admin's online backups. */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';

export interface SystemInfo {
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly node: string;
  readonly host: 'electron' | 'browser' | 'test';
  /** True when the store holds the seeded demo street (UI labels it 模拟数据). */
  readonly demo: boolean;
  readonly storeBytes: number;
  readonly orderCount: number;
  readonly eventCount: number;
  /** Events written locally and not yet acknowledged upstream (honest pending count). */
  readonly outboxPending: number;
  readonly serverTime: number;
  readonly role: string;
}

/** One file in the backups folder (system.backups), newest first. */
export interface BackupFile {
  /** `hall-YYYYMMDD-HHmmss.db` (China time), `-N` added for a second backup in the same second. */
  readonly name: string;
  /** Absolute path on the machine that runs the core: what `--restore` takes. */
  readonly file: string;
  readonly bytes: number;
  readonly modifiedAt: number;
  /** A scheduled (or closing) backup, or one an admin took: each kind rotates on its own. */
  readonly kind: 'schedule' | 'manual';
}

export interface BackupList {
  readonly dir: string;
  /** How many scheduled files the rotation keeps. */
  readonly keep: number;
  /** How many manual files (backups/manual/) their own rotation keeps. */
  readonly manualKeep: number;
  /** Between scheduled backups, null when the schedule is off. */
  readonly intervalMs: number | null;
  /** Whether a clean shutdown takes a backup. */
  readonly onClose: boolean;
  readonly files: readonly BackupFile[];
}

/** system.backup: the backup just taken. */
export interface BackupResult {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  /** How long the online copy took. */
  readonly ms: number;
  readonly kind: 'schedule' | 'manual';
}

export const SYSTEM_PROCS = {
  'system.info': query<SystemInfo>()(z.object({}), {
    stale: ['orders.changed', 'sync.changed', 'system.changed'],
  }),
  /** Takes an online backup now (admin). */
  'system.backup': mutation<BackupResult>()(z.object({}), { role: 'admin', changes: ['system.changed'] }),
  /** The backups folder: files newest first, and the schedule (the writer keeps the schedule). */
  'system.backups': query<BackupList>()(z.object({}), {
    role: 'admin',
    stale: ['orders.changed', 'sync.changed', 'system.changed'],
    on: 'writer',
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
