/**
 * What every handler gets: the parsed input, the caller (resolved by the gate), and the store
 * environment — read-only for handlers that run on the read pool, writable on the writer.
 */
import type {
  ChangeHint,
  IsPublicProc,
  ProcName,
  ProcOutput,
  ProcParsedInput,
  Role,
  RunsOnWriter,
  Permission,
} from '../../../shared/contract/index';
import type { ReadableDb, WritableDb } from '../store/types';
import type { BackupManager } from '../store/backup-schedule';
import type { WalFolder } from '../store/wal-folder';
import type { SyncControl } from '../../../shared/features/sync/control';
import type { CitizenNameLookup, OrderUnitLookup } from './masking';

/**
 * Who is calling, as a host presents them. `role` is what the transport grants by itself (a
 * static token's role, a loopback host's role) or null. `session` is the account session token,
 * if any: the gate resolves it, and a live session's account decides role and actor. Hosts pass
 * the token; the renderer never sees it.
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
  /**
   * The host, not the page, says this caller is a public wall (Electron `--wall`, a wall token):
   * personal data masked and the role capped at viewer, whoever signs in at the wall's keyboard.
   */
  readonly wall?: boolean;
  /**
   * The host vouches the caller is on this machine: the Electron app itself, or a loopback caller
   * of the browser host without a token. First-run setup (auth.setup) is allowed only then.
   */
  readonly local?: boolean;
  /** Where the call came from (an IP address, or 'electron'): login throttling counts per source. */
  readonly address?: string;
}

/** The caller after the gate: `session` is the live session token or null. */
export interface ResolvedCallContext extends CallContext {
  readonly session: string | null;
  /** The account's permissions beside its role (none for a token, a loopback role or a wall). */
  readonly permissions: readonly Permission[];
  /** The citizen's name of an order (unmasked), so masking can find it in free text. */
  readonly citizenName?: CitizenNameLookup;
  /**
   * A unit account's unit (issue 15), or null for a hall account, a token or a wall: the caller
   * sees only what its unit is on, and personal data only where it is the 主办.
   */
  readonly unitId?: string | null;
  /** The 主办 unit of an order, for a unit account's masking (looked up once per order per call). */
  readonly orderUnit?: OrderUnitLookup;
  /**
   * A member account's 双报到 party member (党员接单, docs/PARTY.md), or null: the gate lets it call
   * only its own procedures (MEMBER_PROCS), and it never sees a citizen unmasked.
   */
  readonly memberId?: string | null;
}

/** The context of a non-public procedure: the gate has checked there is a role. */
export interface AuthedCallContext extends ResolvedCallContext {
  readonly role: Role;
}

/** What a handler on the read pool has: a read-only connection and the facts of this core. */
export interface ReadEnv {
  readonly db: ReadableDb;
  readonly dataDir: string;
  readonly node: string;
  readonly host: 'electron' | 'browser' | 'test';
  readonly appVersion: string;
  readonly now: () => number;
}

/** What a handler on the writer has: the one writable connection and the writer's services. */
export interface WriteEnv extends ReadEnv {
  readonly db: WritableDb;
  /** Online backups of this store (system.backup / system.backups). */
  readonly backups: BackupManager;
  /** The better-sqlite3 build this process loads (Electron's own), for the threads it starts. */
  readonly nativeBinding?: string;
  /** Folds the WAL from a thread of its own while a bulk write runs (store/wal-folder.ts). */
  readonly startWalFolder: () => WalFolder;
  /**
   * Calls sent to this thread and not answered yet, the running one included (the writer in its
   * worker); null where nobody can tell (the in-process core): a long task then bounds each step
   * by time.
   */
  readonly callsInFlight: (() => number) | null;
  /**
   * Mutations sent to this thread so far (the writer in its worker; null in process): a long task
   * tells from it whether someone is at work meanwhile.
   */
  readonly mutationsSent: (() => number) | null;
  /**
   * The shared counters behind callsInFlight (worker-link.ts), for a thread the writer starts that
   * should step aside for calls as the writer does (the import's scan thread).
   */
  readonly callCounts?: SharedArrayBuffer;
  /** The running sync engine; absent where no engine runs (then sync.status says 'off'). */
  readonly sync?: SyncControl;
}

/** Handlers queue change hints; the gate publishes them only after the handler returned. */
export interface HandlerTools {
  readonly hint: (hint: ChangeHint) => void;
}

export type EnvFor<P extends ProcName> = RunsOnWriter<P> extends true ? WriteEnv : ReadEnv;

export type Handler<P extends ProcName> = (
  input: ProcParsedInput<P>,
  call: IsPublicProc<P> extends true ? ResolvedCallContext : AuthedCallContext,
  env: EnvFor<P>,
  tools: HandlerTools,
  // A handler is synchronous (SQL is); only work that must wait on I/O — the online backup,
  // password hashing — returns a promise.
) => ProcOutput<P> | Promise<ProcOutput<P>>;
