/** Registers the open311.* handlers (one entry per procedure of shared/contract/open311.ts). */
import type { HandlerRegistry } from './registry';

export function registerOpen311Procs(registry: HandlerRegistry): HandlerRegistry {
  return registry;
}
