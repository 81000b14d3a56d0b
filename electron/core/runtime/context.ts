/** What every service handler gets: the parsed input, the caller, and the store environment. */
import type {
  BackupList,
  BackupResult,
  ChangeHint,
  IsPublicProc,
  ProcName,
  ProcOutput,
  ProcParsedInput,
  Role,
} from '../../../shared/contract/index';
import type { WritableDb } from '../store/types';
import type { SyncControl } from '../../../shared/features/sync/control';

/**
 * Who is calling, as the host resolved it. `role` is null for a caller who is not logged in:
 * only public procedures accept that. `session` is the caller's session token (auth.status and
 * auth.logout need it); hosts pass it, the renderer never sees it.
 */
export interface CallContext {
  readonly role: Role | null;
  readonly actor: string;
  readonly session?: string | null;
  /**
   * The call comes from a public wall (大屏模式): personal data is masked as for a viewer,
   * whatever the role. Transports set it from the page's wall flag (X-Hall-Wall / IPC flag).
   */
  readonly masked?: boolean;
}

/** The context of a non-public procedure: the dispatcher has checked there is a role. */
export interface AuthedCallContext extends CallContext {
  readonly role: Role;
}

/** The store's online backups, as the core runs them (electron/core/store/backup-schedule.ts). */
export interface BackupManager {
  /** Runs one backup now (after any running one). Scheduled/closing runs return null when skipped. */
  run(reason: 'manual' | 'schedule' | 'close'): Promise<BackupResult | null>;
  list(): BackupList;
  /** Stops the schedule, waits for a running backup, then takes the closing backup if enabled. */
  close(): Promise<void>;
}

export interface ServiceEnv {
  readonly db: WritableDb;
  readonly dataDir: string;
  readonly node: string;
  readonly host: 'electron' | 'browser' | 'test';
  readonly appVersion: string;
  readonly now: () => number;
  /** Online backups of this store (system.backup / system.backups). */
  readonly backups: BackupManager;
  /** The running sync engine (issue 4); absent where no engine runs (then sync.status says 'off'). */
  readonly sync?: SyncControl;
}

/** Handlers queue change hints; the dispatcher publishes them only after the handler returned. */
export interface HandlerTools {
  readonly hint: (hint: ChangeHint) => void;
}

export type Handler<P extends ProcName> = (
  input: ProcParsedInput<P>,
  call: IsPublicProc<P> extends true ? CallContext : AuthedCallContext,
  env: ServiceEnv,
  tools: HandlerTools,
  // A handler is synchronous (SQL is); only work that must wait on I/O — the online backup —
  // returns a promise.
) => ProcOutput<P> | Promise<ProcOutput<P>>;
