/**
 * What the sync.* handlers may ask of the running sync engine (electron/core/adapters/sync/engine.ts).
 * A type only, here in shared/ so services and the engine both see it without importing each other.
 */
import type { SyncSettings, SyncStatus } from './contract';

export interface SyncConfigureRequest {
  readonly hubUrl: string | null;
  readonly token?: string | undefined;
  readonly enabled: boolean;
}

export interface SyncControl {
  status(): SyncStatus;
  settings(): SyncSettings;
  /** Stores the settings (one transaction) and restarts the loop with them. */
  configure(req: SyncConfigureRequest): SyncSettings;
  /** Cancels the backoff wait and runs a cycle now. */
  retryNow(): SyncStatus;
  /**
   * The network may be back (an OS/browser `online` event): if the link is down, probe now and
   * start the backoff over, so the hall is back within a round trip instead of a backoff step.
   */
  networkBack(): SyncStatus;
}
