/** Registers the sync.* handlers (one entry per procedure of shared/contract/sync.ts). */
import { ApiError } from '../../../shared/contract';
import { SYNC_PROCS } from '../../../shared/contract/sync';
import type { ProcName } from '../../../shared/contract';
import type { HandlerRegistry } from './registry';

// TEMPORARY (the sync helper replaces this file): every sync.* procedure answers 'unavailable'.
export function registerSyncProcs(registry: HandlerRegistry): HandlerRegistry {
  for (const name of Object.keys(SYNC_PROCS) as ProcName[]) {
    registry.register(name, () => {
      throw new ApiError('unavailable', '同步功能尚未启用');
    });
  }
  return registry;
}
