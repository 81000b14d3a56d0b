/** Registers the sync.* handlers (one entry per procedure of shared/contract/sync.ts). */
import type { HandlerRegistry } from './registry';

export function registerSyncProcs(registry: HandlerRegistry): HandlerRegistry {
  return registry;
}
